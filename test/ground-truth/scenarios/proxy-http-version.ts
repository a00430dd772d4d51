// proxy-http-version: on 1.22 the upgrade reaches the backend as HTTP/1.0, which a strict server refuses.
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
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
            proxy_read_timeout 1h;
        }
    }
}
`;

export const proxyHttpVersion: Scenario = {
  rule: "proxy-http-version",
  async run(lab) {
    const backend = await lab.backend({ strict: true });
    const port = await lab.port();
    const flagged = config(port, backend.port);
    expectFlagged(flagged, "proxy-http-version");
    const url = `ws://127.0.0.1:${port}/ws/`;

    const before = await lab.nginx(flagged, [port]);
    const refused = await expectNoWebSocket(lab, url);
    expect(refused).toBe("400");
    expect(backend.requests.map((r) => [r.httpVersion, r.status])).toEqual([["1.0", 400]]);
    await before.stop();

    await lab.nginx(await fixAndCheck(flagged, "proxy-http-version"), [port]);
    await expectWebSocket(lab, url);
    expect(backend.requests.slice(1).map((r) => [r.httpVersion, r.status])).toEqual([["1.1", 101]]);
    return {
      flagged: "strict backend got the upgrade as HTTP/1.0, answered 400: no WebSocket",
      fixed: "HTTP/1.1 upgrade: 101 and echo",
    };
  },
};
