// connection-header-missing: nginx sends `Connection: close` by default, so the backend never sees an upgrade.
import { expect } from "vitest";
import { expectFlagged, fixAndCheck } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { expectNoWebSocket, expectWebSocket } from "./common.js";

const config = (listen: number, backend: number): string => `events {}
http {
    server {
        listen 127.0.0.1:${listen};
        location /ws/ {
            proxy_pass http://127.0.0.1:${backend};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`;

export const connectionHeaderMissing: Scenario = {
  rule: "connection-header-missing",
  async run(lab) {
    const backend = await lab.backend();
    const port = await lab.port();
    const flagged = config(port, backend.port);
    expectFlagged(flagged, "connection-header-missing");
    const url = `ws://127.0.0.1:${port}/ws/`;

    const before = await lab.nginx(flagged, [port]);
    expect(await expectNoWebSocket(lab, url)).toBe("200");
    expect(backend.requests.map((r) => [r.upgrade, r.connection, r.upgradeRequest])).toEqual([["websocket", "close", false]]);
    await before.stop();

    await lab.nginx(await fixAndCheck(flagged, "connection-header-missing"), [port]);
    await expectWebSocket(lab, url);
    expect(backend.requests.slice(1).map((r) => [r.connection, r.status])).toEqual([["upgrade", 101]]);
    return { flagged: 'backend got "Connection: close", answered 200: no WebSocket', fixed: 'Connection: upgrade via the map: 101 and echo' };
  },
};
