// proxy-ssl-server-name: without proxy_ssl_server_name nginx sends no SNI, so a name-based TLS backend shows the wrong certificate.
import { expect } from "vitest";
import { makeSelfSigned } from "../../support/tls-cert.js";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { CONNECTION_MAP, expectNoWebSocket, expectWebSocket } from "./common.js";

const NAME = "backend.test";

/**
 * The upstream's server is a name (localhost, from /etc/hosts) so the rule applies; nginx verifies the backend's
 * certificate against the one for backend.test (proxy_ssl_name defaults to the upstream's name).
 */
const config = (listen: number, backend: number, trusted: string, sni: string): string => `events {}
http {
${CONNECTION_MAP}    upstream ${NAME} {
        server localhost:${backend};
    }
    server {
        listen 127.0.0.1:${listen};
        location /ws/ {
            proxy_pass https://${NAME};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
            proxy_ssl_verify on;
            proxy_ssl_trusted_certificate ${trusted};
${sni}        }
    }
}
`;

export const proxySslServerName: Scenario = {
  rule: "proxy-ssl-server-name",
  async run(lab) {
    const dir = lab.tmpdir();
    const [named, fallback] = await Promise.all([makeSelfSigned(dir, NAME), makeSelfSigned(dir, "default.test")]);
    // A backend that picks its certificate by SNI, as CDNs and shared hosts do; without SNI it shows default.test's.
    const backend = await lab.backend({ tls: { default: fallback, byName: { [NAME]: named } } });
    const port = await lab.port();
    const url = `ws://127.0.0.1:${port}/ws/`;
    const flagged = config(port, backend.port, named.certPath, "");
    expectFlagged(flagged, "proxy-ssl-server-name");

    const before = await lab.nginx(flagged, [port]);
    expect(await expectNoWebSocket(lab, url)).toBe("502");
    const refusal = /upstream SSL certificate[^,]*/.exec(before.errorLog())?.[0];
    expect(refusal).toMatch(/verify error|does not match/);
    expect(backend.requests).toEqual([]);
    await before.stop();

    // No fix (the name to send is the user's): the good example's line.
    const good = config(port, backend.port, named.certPath, "            proxy_ssl_server_name on;\n");
    expectClean(good, "proxy-ssl-server-name");
    await lab.nginx(good, [port]);
    await expectWebSocket(lab, url);
    expect(backend.requests.map((r) => [r.sni, r.status])).toEqual([[NAME, 101]]);
    return {
      flagged: `no SNI: backend showed its default certificate, nginx 502 (${refusal})`,
      fixed: `good example (proxy_ssl_server_name on): SNI ${NAME}, 101 and echo`,
    };
  },
};
