// worker-connections-low: each proxied WebSocket holds two worker connections, so the default 512 carries about 255 sockets.
import { expect } from "vitest";
import { openSocket } from "../../support/ws-client.js";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Lab } from "../lab.js";
import type { Scenario } from "../scenario.js";
import { handshakeResult, webSocketConfig } from "./common.js";

/** More sockets than 512 connections can carry at two each. */
const SOCKETS = 300;

const config = (listen: number, backend: number, events: string): string => webSocketConfig({ listen, backend, events });

/**
 * Opens sockets one after another (the lab closes them) until one fails or SOCKETS are open; returns how many opened
 * and how the next one failed. One at a time, so no half-made handshake holds a connection when nginx runs out.
 */
async function openUntilRefused(lab: Lab, url: string): Promise<{ opened: number; then?: string }> {
  for (let opened = 0; opened < SOCKETS; opened++) {
    const handshake = await openSocket(url, { timeoutMs: 3_000 });
    if (handshake.kind !== "open") return { opened, then: handshakeResult(handshake) };
    lab.socket(handshake.socket);
  }
  return { opened: SOCKETS };
}

export const workerConnectionsLow: Scenario = {
  rule: "worker-connections-low",
  async run(lab) {
    const backend = await lab.backend();
    const port = await lab.port();
    const url = `ws://127.0.0.1:${port}/ws/`;
    const flagged = config(port, backend.port, "events {}\n");
    expectFlagged(flagged, "worker-connections-low");

    const before = await lab.nginx(flagged, [port]);
    const carried = await openUntilRefused(lab, url);
    // 512 = the listening socket + the worker's channel to its master + 255 sockets at two each: nginx cannot even
    // accept the 256th client (event/ngx_event_accept.c logs the alert and closes it).
    expect(carried.opened).toBe(255);
    expect(carried.then).toMatch(/^failed: /);
    expect(before.errorLog()).toContain("[alert]");
    expect(before.errorLog()).toContain("512 worker_connections are not enough");
    await before.stop();

    // No fix (the right number depends on the host): the good example's 4096.
    const good = config(port, backend.port, "events {\n    worker_connections 4096;\n}\n");
    expectClean(good, "worker-connections-low");
    await lab.nginx(good, [port]);
    const all = await openUntilRefused(lab, url);
    expect(all).toEqual({ opened: SOCKETS });
    return {
      flagged: `default 512: ${carried.opened} sockets opened, the next ${carried.then} ([alert] 512 worker_connections are not enough)`,
      fixed: `good example (4096): all ${all.opened} sockets opened`,
    };
  },
};
