// forwarded-for-spoofable: $proxy_add_x_forwarded_for keeps whatever X-Forwarded-For the client sent, first.
import { expect } from "vitest";
import { plainGet } from "../../support/ws-client.js";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { expectWebSocket, webSocketConfig } from "./common.js";

const SPOOFED = "6.6.6.6";

const config = (listen: number, backend: number, value: string): string =>
  webSocketConfig({ listen, backend, after: `            proxy_set_header X-Forwarded-For ${value};\n` });

export const forwardedForSpoofable: Scenario = {
  rule: "forwarded-for-spoofable",
  async run(lab) {
    const backend = await lab.backend();
    const port = await lab.port();
    const headers = { "x-forwarded-for": SPOOFED };
    const flagged = config(port, backend.port, "$proxy_add_x_forwarded_for");
    expectFlagged(flagged, "forwarded-for-spoofable");

    const before = await lab.nginx(flagged, [port]);
    await expectWebSocket(lab, `ws://127.0.0.1:${port}/ws/`, { headers });
    expect(await plainGet(`http://127.0.0.1:${port}/ws/`, headers)).toMatchObject({ status: 200 });
    expect(backend.requests.map((r) => r.xForwardedFor)).toEqual([`${SPOOFED}, 127.0.0.1`, `${SPOOFED}, 127.0.0.1`]);
    await before.stop();

    // No fix (at the edge or behind a proxy is the user's to say): the good example's $remote_addr.
    const good = config(port, backend.port, "$remote_addr");
    expectClean(good, "forwarded-for-spoofable");
    await lab.nginx(good, [port]);
    await expectWebSocket(lab, `ws://127.0.0.1:${port}/ws/`, { headers });
    expect(backend.requests.slice(2).map((r) => r.xForwardedFor)).toEqual(["127.0.0.1"]);
    return {
      flagged: `client sent X-Forwarded-For ${SPOOFED}: backend got "${SPOOFED}, 127.0.0.1" (handshake and plain request)`,
      fixed: 'good example ($remote_addr): backend got "127.0.0.1"; 101 and echo',
    };
  },
};
