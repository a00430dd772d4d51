// proxy-pass-resolver: a proxy_pass with variables resolves its host per request, and fails with 502 without a resolver.
import { expect } from "vitest";
import { plainGet } from "../../support/ws-client.js";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { CONNECTION_MAP, expectWebSocket } from "./common.js";

/** app.test is a name only the test's DNS stub knows (.test is reserved, RFC 2606); localhost is a name too. */
const config = (listen: number, backend: number, resolver: string): string => `events {}
http {
${CONNECTION_MAP}    server {
        listen 127.0.0.1:${listen};
${resolver}        location /ws/ {
            proxy_pass http://app.test:${backend}$request_uri;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
        location /local/ {
            proxy_pass http://localhost:${backend}$request_uri;
        }
    }
}
`;

export const proxyPassResolver: Scenario = {
  rule: "proxy-pass-resolver",
  async run(lab) {
    const [backend, dns] = await Promise.all([lab.backend(), lab.dns()]);
    const port = await lab.port();
    const flagged = config(port, backend.port, "");
    expectFlagged(flagged, "proxy-pass-resolver");

    const before = await lab.nginx(flagged, [port]);
    const ws = await plainGet(`http://127.0.0.1:${port}/ws/`);
    const local = await plainGet(`http://127.0.0.1:${port}/local/`);
    expect([ws, local]).toMatchObject([{ status: 502 }, { status: 502 }]);
    expect(before.errorLog()).toContain("no resolver defined to resolve app.test");
    expect(before.errorLog()).toContain("no resolver defined to resolve localhost");
    expect(backend.requests).toEqual([]);
    await before.stop();

    // No fix (the resolver address is the host's): the good example's resolver line, pointed at the test's DNS stub.
    const good = config(port, backend.port, `        resolver 127.0.0.1:${dns.port} valid=30s ipv6=off;\n`);
    expectClean(good, "proxy-pass-resolver");
    await lab.nginx(good, [port]);
    await expectWebSocket(lab, `ws://127.0.0.1:${port}/ws/`);
    expect(await plainGet(`http://127.0.0.1:${port}/local/`)).toMatchObject({ status: 200 });
    expect(dns.queries).toEqual(expect.arrayContaining(["app.test", "localhost"]));
    return {
      flagged: '502 for app.test and localhost: "no resolver defined to resolve ..."',
      fixed: "resolver (a DNS stub on 127.0.0.1): 101 and echo via app.test, 200 via localhost",
    };
  },
};
