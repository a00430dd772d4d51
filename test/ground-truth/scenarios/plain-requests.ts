// Plain (non-WebSocket) requests through nginx, counted at the backend: how many upstream connections they took.
import { expect } from "vitest";
import { plainGet } from "../../support/ws-client.js";
import type { Backend } from "../../support/ws-backend.js";

/** Sends `n` plain GETs one after another and returns how many new TCP connections the backend accepted. */
export async function upstreamConnectionsFor(backend: Backend, url: string, n = 3): Promise<number> {
  const before = backend.connections();
  for (let i = 0; i < n; i++) expect(await plainGet(url)).toMatchObject({ status: 200 });
  return backend.connections() - before;
}
