// connection-header-hardcoded: a literal "Connection: upgrade" reaches the backend on plain requests too.
import { expect } from "vitest";
import { expectFlagged, fixAndCheck } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { expectWebSocket } from "./common.js";
import { upstreamConnectionsFor } from "./plain-requests.js";

/** The rule's example, with an upstream pool: the rule makes no claim about reuse, and the pool is indeed reused. */
const config = (listen: number, backend: number): string => `events {}
http {
    upstream app {
        server 127.0.0.1:${backend};
        keepalive 16;
    }
    server {
        listen 127.0.0.1:${listen};
        location /ws/ {
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
            proxy_read_timeout 1h;
        }
    }
}
`;

export const connectionHeaderHardcoded: Scenario = {
  rule: "connection-header-hardcoded",
  async run(lab) {
    const backend = await lab.backend();
    const port = await lab.port();
    const flagged = config(port, backend.port);
    const [claim] = expectFlagged(flagged, "connection-header-hardcoded");
    // The claim: plain requests reach the backend as upgrade attempts without an Upgrade header, and nothing about reuse.
    expect(claim.message).toContain("without an Upgrade header");
    expect(claim.message).not.toMatch(/reuse/);
    const base = `127.0.0.1:${port}/ws/`;

    const before = await lab.nginx(flagged, [port]);
    const reused = await upstreamConnectionsFor(backend, `http://${base}`);
    // What the rule says: plain requests carry "Connection: upgrade" without an Upgrade header (Node accepts them).
    expect(backend.requests.map((r) => [r.connection, r.upgrade, r.status])).toEqual(Array(3).fill(["upgrade", undefined, 200]));
    // The keepalive pool still works (nginx keeps the connection after a plain response): the rule does not say otherwise.
    expect(reused).toBe(1);
    await before.stop();

    const fixed = await fixAndCheck(flagged, "connection-header-hardcoded");
    await lab.nginx(fixed, [port]);
    const fixedCount = await upstreamConnectionsFor(backend, `http://${base}`);
    // The fix's map sends no Connection header on plain requests here ('' "", since the upstream keeps connections).
    expect(backend.requests.slice(3).map((r) => [r.connection, r.upgrade])).toEqual(Array(3).fill([undefined, undefined]));
    expect(fixedCount).toBe(1);
    await expectWebSocket(lab, `ws://${base}`);
    return {
      flagged: `plain requests reach the backend with "Connection: upgrade", no Upgrade (200); pool still reused: ${reused} connection for 3`,
      fixed: `map: plain requests without Connection (${fixedCount} connection for 3); WebSocket 101 and echo`,
    };
  },
};
