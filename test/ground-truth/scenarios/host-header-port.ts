// host-header-port: `Host $host` drops the port, so a backend comparing Origin with Host refuses the handshake.
import { expect } from "vitest";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { expectNoWebSocket, expectWebSocket, webSocketConfig } from "./common.js";

const config = (listen: number, backend: number, host: string): string =>
  webSocketConfig({ listen, backend, after: `            proxy_set_header Host ${host};\n` });

export const hostHeaderPort: Scenario = {
  rule: "host-header-port",
  async run(lab) {
    // The backend checks Origin against Host, as Socket.IO and many frameworks do.
    const backend = await lab.backend({ sameOrigin: true });
    const port = await lab.port();
    const url = `ws://127.0.0.1:${port}/ws/`;
    const origin = `http://127.0.0.1:${port}`;
    const flagged = config(port, backend.port, "$host");
    expectFlagged(flagged, "host-header-port");

    const before = await lab.nginx(flagged, [port]);
    expect(await expectNoWebSocket(lab, url, { origin })).toBe("403");
    expect(backend.requests.map((r) => [r.host, r.origin])).toEqual([["127.0.0.1", origin]]);
    await before.stop();

    // No fix ($http_host is client-controlled, a trade-off): the good example's $http_host.
    const good = config(port, backend.port, "$http_host");
    expectClean(good, "host-header-port");
    await lab.nginx(good, [port]);
    await expectWebSocket(lab, url, { origin });
    expect(backend.requests.slice(1).map((r) => [r.host, r.status])).toEqual([[`127.0.0.1:${port}`, 101]]);
    return {
      flagged: `backend got Host "127.0.0.1" for Origin ${origin}: same-origin check answered 403`,
      fixed: `good example ($http_host): Host "127.0.0.1:${port}", 101 and echo`,
    };
  },
};
