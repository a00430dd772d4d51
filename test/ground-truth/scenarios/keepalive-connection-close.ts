// keepalive-connection-close: `'' close` in the Connection map sends "Connection: close" and defeats upstream keepalive.
import { expect } from "vitest";
import { expectFlagged, fixAndCheck } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { expectWebSocket } from "./common.js";
import { upstreamConnectionsFor } from "./plain-requests.js";

const config = (listen: number, backend: number): string => `events {}
http {
    map $http_upgrade $connection_upgrade {
        default upgrade;
        ''      close;
    }
    upstream app {
        server 127.0.0.1:${backend};
        keepalive 16;
    }
    server {
        listen 127.0.0.1:${listen};
        location / {
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`;

export const keepaliveConnectionClose: Scenario = {
  rule: "keepalive-connection-close",
  async run(lab) {
    const backend = await lab.backend();
    const port = await lab.port();
    const flagged = config(port, backend.port);
    expectFlagged(flagged, "keepalive-connection-close");
    const base = `127.0.0.1:${port}/`;

    const before = await lab.nginx(flagged, [port]);
    const closeCount = await upstreamConnectionsFor(backend, `http://${base}`);
    expect(closeCount).toBe(3);
    expect(backend.requests.map((r) => r.connection)).toEqual(["close", "close", "close"]);
    await before.stop();

    const fixed = await fixAndCheck(flagged, "keepalive-connection-close");
    expect(fixed).toContain(`''      "";`);
    await lab.nginx(fixed, [port]);
    const keptCount = await upstreamConnectionsFor(backend, `http://${base}`);
    expect(keptCount).toBe(1);
    expect(backend.requests.slice(3).map((r) => r.connection)).toEqual([undefined, undefined, undefined]);
    // The map still sends "upgrade" when the client asks for one.
    await expectWebSocket(lab, `ws://${base}`);
    expect(backend.requests.at(-1)).toMatchObject({ connection: "upgrade", status: 101 });
    return {
      flagged: `3 plain requests: ${closeCount} upstream connections ("Connection: close")`,
      fixed: `'' "": ${keptCount} upstream connection for 3 requests; WebSocket 101 and echo`,
    };
  },
};
