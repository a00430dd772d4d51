// origin-check: nginx opens a socket for any Origin unless the location checks $http_origin.
import { expect } from "vitest";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { CONNECTION_MAP, expectNoWebSocket, expectWebSocket, webSocketConfig } from "./common.js";

const ALLOWED = "https://chat.example.com";
const FOREIGN = "https://evil.example";

const ORIGIN_MAP = `    map $http_origin $origin_ok {
        default                    0;
        "${ALLOWED}" 1;
    }
`;
const CHECK = "            if ($origin_ok = 0) {\n                return 403;\n            }\n";

const config = (listen: number, backend: number, map: string, check: string): string =>
  webSocketConfig({ listen, backend, http: CONNECTION_MAP + map, before: check });

export const originCheck: Scenario = {
  rule: "origin-check",
  async run(lab) {
    const backend = await lab.backend();
    const port = await lab.port();
    const url = `ws://127.0.0.1:${port}/ws/`;
    const flagged = config(port, backend.port, "", "");
    expectFlagged(flagged, "origin-check");

    const before = await lab.nginx(flagged, [port]);
    await expectWebSocket(lab, url, { origin: FOREIGN });
    expect(backend.requests.map((r) => [r.origin, r.status])).toEqual([[FOREIGN, 101]]);
    await before.stop();

    // The rule has no fix (the allowed origins are the user's): its good example, the map and the if.
    const good = config(port, backend.port, ORIGIN_MAP, CHECK);
    expectClean(good, "origin-check");
    await lab.nginx(good, [port]);
    const foreign = await expectNoWebSocket(lab, url, { origin: FOREIGN });
    const missing = await expectNoWebSocket(lab, url);
    expect([foreign, missing]).toEqual(["403", "403"]);
    await expectWebSocket(lab, url, { origin: ALLOWED });
    // nginx refused the other two itself: only the allowed handshake reached the backend.
    expect(backend.requests.slice(1).map((r) => [r.origin, r.status])).toEqual([[ALLOWED, 101]]);
    return {
      flagged: `Origin ${FOREIGN}: 101, the socket opened`,
      fixed: `map + if: ${FOREIGN} 403, no Origin 403, ${ALLOWED} 101 and echo`,
    };
  },
};
