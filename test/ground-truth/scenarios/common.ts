// Steps most scenarios share: a WebSocket that must open and echo, or must not open.
import { expect } from "vitest";
import type WebSocket from "ws";
import { echo, openSocket, type Handshake, type OpenOptions } from "../../support/ws-client.js";
import type { Lab } from "../lab.js";

/** The usual map, as the rules' fixes write it. */
export const CONNECTION_MAP = "    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      close;\n    }\n";

export interface WebSocketConfigParts {
  listen: number;
  backend: number;
  /** The main context before http: `events {}` by default. */
  events?: string;
  /** What the listen address starts with: "127.0.0.1:" by default, "" for the config as deployed (all interfaces). */
  bind?: string;
  /** What http holds before the server: the Connection map by default. */
  http?: string;
  /** Parameters after the listen address (" http2"). */
  listenParams?: string;
  /** Whole lines at the top of the location, before proxy_pass. */
  before?: string;
  /** Whole lines after the Upgrade and Connection headers. */
  after?: string;
  readTimeout?: string;
}

/** A server with one `/ws/` location proxying WebSockets to the backend, as the rules' good examples do. */
export function webSocketConfig(parts: WebSocketConfigParts): string {
  const { listen, backend, events = "events {}\n", bind = "127.0.0.1:", http = CONNECTION_MAP, listenParams = "", before = "", after = "", readTimeout = "1h" } = parts;
  return `${events}http {
${http}    server {
        listen ${bind}${listen}${listenParams};
        location /ws/ {
${before}            proxy_pass http://127.0.0.1:${backend};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
${after}            proxy_read_timeout ${readTimeout};
        }
    }
}
`;
}

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
