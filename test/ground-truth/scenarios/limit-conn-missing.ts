// limit-conn-missing: an open WebSocket holds its limit_conn slot for its whole life, so limit_conn caps open sockets.
import { expect } from "vitest";
import type WebSocket from "ws";
import { closeSocket } from "../../support/ws-client.js";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Lab } from "../lab.js";
import type { Scenario } from "../scenario.js";
import { CONNECTION_MAP, expectNoWebSocket, expectWebSocket, webSocketConfig } from "./common.js";

/** The good example's cap. */
const CAP = 20;

const config = (listen: number, backend: number, zone: string, limit: string): string =>
  webSocketConfig({ listen, backend, http: CONNECTION_MAP + zone, before: limit });

async function openMany(lab: Lab, url: string, n: number): Promise<WebSocket[]> {
  return Promise.all(Array.from({ length: n }, () => expectWebSocket(lab, url)));
}

export const limitConnMissing: Scenario = {
  rule: "limit-conn-missing",
  async run(lab) {
    const backend = await lab.backend();
    const port = await lab.port();
    const url = `ws://127.0.0.1:${port}/ws/`;
    const flagged = config(port, backend.port, "", "");
    expectFlagged(flagged, "limit-conn-missing");

    const before = await lab.nginx(flagged, [port]);
    const unbounded = await openMany(lab, url, CAP + 5);
    await Promise.all(unbounded.map((s) => closeSocket(s)));
    await before.stop();

    // No fix (the cap is the user's choice): the good example's zone and cap.
    const zone = "    limit_conn_zone $binary_remote_addr zone=sockets:10m;\n";
    const good = config(port, backend.port, zone, `            limit_conn sockets ${CAP};\n`);
    expectClean(good, "limit-conn-missing");
    await lab.nginx(good, [port]);
    const held = await openMany(lab, url, CAP);
    const over = await expectNoWebSocket(lab, url);
    expect(over).toBe("503");
    // Closing one socket frees its slot for the next.
    await closeSocket(held[0]);
    await expectWebSocket(lab, url);
    return {
      flagged: `${CAP + 5} sockets from one client, all 101: nothing caps them`,
      fixed: `limit_conn sockets ${CAP}: ${CAP} sockets open, the next 503; after one closes, 101 again`,
    };
  },
};
