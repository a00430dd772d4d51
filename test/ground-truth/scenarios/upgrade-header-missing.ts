// upgrade-header-missing: without `proxy_set_header Upgrade` the backend sees a plain request and no WebSocket opens.
import { expect } from "vitest";
import { expectFlagged, fixAndCheck } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { expectNoWebSocket, expectWebSocket } from "./common.js";

const config = (listen: number, backend: number): string => `events {}
http {
    server {
        listen 127.0.0.1:${listen};
        location /socket.io/ {
            proxy_pass http://127.0.0.1:${backend};
            proxy_http_version 1.1;
            proxy_set_header Connection "upgrade";
            proxy_read_timeout 1h;
        }
    }
}
`;

export const upgradeHeaderMissing: Scenario = {
  rule: "upgrade-header-missing",
  async run(lab) {
    const backend = await lab.backend();
    const port = await lab.port();
    const flagged = config(port, backend.port);
    expectFlagged(flagged, "upgrade-header-missing");
    const url = `ws://127.0.0.1:${port}/socket.io/`;

    const before = await lab.nginx(flagged, [port]);
    const got = await expectNoWebSocket(lab, url);
    expect(got).toBe("200");
    expect(backend.requests.map((r) => [r.upgrade, r.upgradeRequest])).toEqual([[undefined, false]]);
    await before.stop();

    await lab.nginx(await fixAndCheck(flagged, "upgrade-header-missing"), [port]);
    await expectWebSocket(lab, url);
    expect(backend.requests.slice(1).map((r) => [r.upgrade, r.status])).toEqual([["websocket", 101]]);
    return { flagged: "backend got no Upgrade header, answered 200: no WebSocket", fixed: "Upgrade forwarded: 101 and echo" };
  },
};
