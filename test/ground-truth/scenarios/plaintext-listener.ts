// plaintext-listener: over a cleartext listener the handshake and every message cross the wire readable; over TLS not.
import { expect } from "vitest";
import { makeSelfSigned } from "../../support/tls-cert.js";
import { echo } from "../../support/ws-client.js";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { CONNECTION_MAP, expectNoWebSocket, expectWebSocket, webSocketConfig } from "./common.js";

const COOKIE = "session=s3cr3t-cookie";
const MESSAGE = "s3cr3t-message";

/**
 * `bind` is "" for the config as deployed (all interfaces, what the rule judges: it leaves loopback-only listeners
 * alone) and "127.0.0.1:" for the one this test runs, so nothing is reachable from outside the machine.
 */
const flaggedConfig = (bind: string, port: number, backend: number): string => webSocketConfig({ listen: port, backend, bind });

/** The rule's good example: the cleartext server only redirects, the socket is served with TLS. */
const goodConfig = (bind: string, plain: number, tls: number, backend: number, cert: { certPath: string; keyPath: string }): string => `events {}
http {
${CONNECTION_MAP}    server {
        listen ${bind}${plain};
        return 301 https://$host$request_uri;
    }
    server {
        listen ${bind}${tls} ssl;
        ssl_certificate ${cert.certPath};
        ssl_certificate_key ${cert.keyPath};
        location /ws/ {
            proxy_pass http://127.0.0.1:${backend};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`;

export const plaintextListener: Scenario = {
  rule: "plaintext-listener",
  async run(lab) {
    const [backend, cert] = await Promise.all([lab.backend(), makeSelfSigned(lab.tmpdir())]);
    const [port, tlsPort] = [await lab.port(), await lab.port()];
    expectFlagged(flaggedConfig("", port, backend.port), "plaintext-listener");
    const flagged = flaggedConfig("127.0.0.1:", port, backend.port);

    // A relay in front of nginx sees what anyone on the path would.
    const before = await lab.nginx(flagged, [port]);
    const wire = await lab.recorder(port);
    const socket = await expectWebSocket(lab, `ws://127.0.0.1:${wire.port}/ws/`, { headers: { cookie: COOKIE } });
    expect(await echo(socket, MESSAGE)).toBe(MESSAGE);
    const seen = wire.bytes().toString("latin1");
    expect(seen).toContain(COOKIE);
    expect(seen).toContain(MESSAGE);
    await before.stop();

    expectClean(goodConfig("", port, tlsPort, backend.port, cert), "plaintext-listener");
    await lab.nginx(goodConfig("127.0.0.1:", port, tlsPort, backend.port, cert), [port, tlsPort]);
    const tlsWire = await lab.recorder(tlsPort);
    const secure = await expectWebSocket(lab, `wss://127.0.0.1:${tlsWire.port}/ws/`, { headers: { cookie: COOKIE }, ca: cert.cert });
    expect(await echo(secure, MESSAGE)).toBe(MESSAGE);
    const tlsSeen = tlsWire.bytes().toString("latin1");
    expect(tlsSeen.length).toBeGreaterThan(500);
    expect(tlsSeen).not.toContain(COOKIE);
    expect(tlsSeen).not.toContain(MESSAGE);
    // Trusting the test's own certificate is what made the handshake pass: without it the client refuses.
    const untrusted = await expectNoWebSocket(lab, `wss://127.0.0.1:${tlsPort}/ws/`);
    expect(untrusted).toMatch(/failed: self[- ]signed certificate/);
    expect(await expectNoWebSocket(lab, `ws://127.0.0.1:${port}/ws/`)).toBe("301");
    return {
      flagged: "ws:// through a relay: cookie and message readable on the wire",
      fixed: "listen ssl, self-signed cert made by the test: wss:// 101 and echo, nothing readable; cleartext port 301",
    };
  },
};
