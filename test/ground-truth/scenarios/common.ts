// Steps most scenarios share: a WebSocket that must open and echo, or must not open.
import { expect } from "vitest";
import type WebSocket from "ws";
import { echo, openSocket, type Handshake, type OpenOptions } from "../../support/ws-client.js";
import type { Lab } from "../lab.js";

/** The usual map, as the rules' fixes write it. */
export const CONNECTION_MAP = "    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      close;\n    }\n";

/** Opens a socket that must get 101 and echo a message back; the lab closes it at the end. */
export async function expectWebSocket(lab: Lab, url: string, options: OpenOptions = {}): Promise<WebSocket> {
  const handshake = await openSocket(url, options);
  expect(handshakeResult(handshake), url).toBe("101");
  const socket = lab.socket((handshake as Extract<Handshake, { kind: "open" }>).socket);
  expect(await echo(socket, "hello through nginx")).toBe("hello through nginx");
  return socket;
}

/** Opens a socket that must not upgrade; returns what happened instead ("200", "400", "failed: ..."). */
export async function expectNoWebSocket(lab: Lab, url: string, options: OpenOptions = {}): Promise<string> {
  const handshake = await openSocket(url, options);
  if (handshake.kind === "open") lab.socket(handshake.socket);
  const what = handshakeResult(handshake);
  expect(what, `${url} should not upgrade`).not.toBe("101");
  return what;
}

/** "101", the refusing status, or "failed: <error>". */
export function handshakeResult(handshake: Handshake): string {
  if (handshake.kind === "open") return "101";
  if (handshake.kind === "refused") return String(handshake.status);
  return `failed: ${handshake.error}`;
}
