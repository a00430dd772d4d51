// upstream-affinity: round-robin sends one client's reconnects to different backends; ip_hash keeps them on one.
import { expect } from "vitest";
import { closeSocket } from "../../support/ws-client.js";
import type { Backend } from "../../support/ws-backend.js";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Lab } from "../lab.js";
import type { Scenario } from "../scenario.js";
import { CONNECTION_MAP, expectWebSocket } from "./common.js";

const config = (listen: number, backends: Backend[], method: string): string => `events {}
http {
${CONNECTION_MAP}    upstream chat {
${method}        server 127.0.0.1:${backends[0].port};
        server 127.0.0.1:${backends[1].port};
    }
    server {
        listen 127.0.0.1:${listen};
        location /socket.io/ {
            proxy_pass http://chat;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`;

/** Connects, echoes and disconnects `n` times in a row, as a reconnecting client does; returns the backend each hit. */
async function reconnects(lab: Lab, url: string, backends: Backend[], n = 4): Promise<number[]> {
  const hit: number[] = [];
  for (let i = 0; i < n; i++) {
    const counts = backends.map((b) => b.requests.length);
    await closeSocket(await expectWebSocket(lab, url));
    hit.push(backends.findIndex((b, j) => b.requests.length > counts[j]));
  }
  return hit;
}

export const upstreamAffinity: Scenario = {
  rule: "upstream-affinity",
  async run(lab) {
    const backends = [await lab.backend(), await lab.backend()];
    const port = await lab.port();
    const url = `ws://127.0.0.1:${port}/socket.io/`;
    const flagged = config(port, backends, "");
    expectFlagged(flagged, "upstream-affinity");

    const before = await lab.nginx(flagged, [port]);
    const spread = await reconnects(lab, url, backends);
    expect(new Set(spread).size, `round-robin reconnects: ${spread}`).toBe(2);
    await before.stop();

    // No fix (affinity or shared state is a design choice): the good example's ip_hash.
    const good = config(port, backends, "        ip_hash;\n");
    expectClean(good, "upstream-affinity");
    await lab.nginx(good, [port]);
    const kept = await reconnects(lab, url, backends);
    expect(new Set(kept).size, `ip_hash reconnects: ${kept}`).toBe(1);
    return {
      flagged: `4 reconnects landed on backends ${spread.join(",")}`,
      fixed: `ip_hash: 4 reconnects landed on backends ${kept.join(",")}, 101 and echo each`,
    };
  },
};
