// header-inheritance-lost: one proxy_set_header in the location drops Upgrade/Connection set at server level.
import { expect } from "vitest";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { CONNECTION_MAP, expectNoWebSocket, expectWebSocket } from "./common.js";

/** The rule's examples: `hostLine` is the location's own proxy_set_header (bad) or nothing (good, no fix exists). */
const config = (listen: number, backend: number, hostLine: string): string => `events {}
http {
${CONNECTION_MAP}    server {
        listen 127.0.0.1:${listen};
        proxy_http_version 1.1;
        proxy_read_timeout 1h;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        location /ws/ {
            proxy_pass http://127.0.0.1:${backend};
${hostLine}        }
    }
}
`;

export const headerInheritanceLost: Scenario = {
  rule: "header-inheritance-lost",
  async run(lab) {
    const backend = await lab.backend();
    const port = await lab.port();
    const flagged = config(port, backend.port, "            proxy_set_header Host $host;\n");
    expectFlagged(flagged, "header-inheritance-lost");
    const url = `ws://127.0.0.1:${port}/ws/`;

    const before = await lab.nginx(flagged, [port]);
    expect(await expectNoWebSocket(lab, url)).toBe("200");
    // Host came from the location; Upgrade and Connection from the server level did not.
    expect(backend.requests.map((r) => [r.host, r.upgrade, r.connection])).toEqual([[`127.0.0.1`, undefined, "close"]]);
    await before.stop();

    const good = config(port, backend.port, "");
    expectClean(good, "header-inheritance-lost");
    await lab.nginx(good, [port]);
    await expectWebSocket(lab, url);
    expect(backend.requests.slice(1).map((r) => [r.upgrade, r.connection, r.status])).toEqual([["websocket", "upgrade", 101]]);
    return {
      flagged: "location's Host line dropped server-level Upgrade/Connection: 200, no WebSocket",
      fixed: "good example (headers at one level): 101 and echo",
    };
  },
};
