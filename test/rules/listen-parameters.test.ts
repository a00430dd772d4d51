// listen parameters: unknown and removed ones, and quic by nginx version.
import { describe, expect, it } from "vitest";
import { lintText, positions } from "../support/lint-text.js";

const TEXT = "events {}\nhttp {\n    server {\n        listen 443 quic reuseport;\n        listen 443 ssl;\n        ssl_certificate /etc/ssl/a.pem;\n        ssl_certificate_key /etc/ssl/a.key;\n    }\n}\n";

describe("listen parameters by nginx version", () => {
  it("flags quic on the parameter before 1.25.0", () => {
    expect(positions(lintText(TEXT, { nginxVersion: "1.22.1" }), "directive-arguments")).toEqual(["directive-arguments 4:20-4:24"]);
  });

  it("accepts quic from 1.25.0", () => {
    expect(positions(lintText(TEXT, { nginxVersion: "1.25.0" }), "directive-arguments")).toEqual([]);
  });
});

describe("listen parameters nginx does not know", () => {
  it.each([
    ["SSL", 'invalid parameter "SSL" in "listen"; parameters are lower-case: "ssl"'],
    ["spdy", 'invalid parameter "spdy" in "listen"; SPDY was replaced by "http2" in nginx 1.9.5'],
    ["sslx", 'invalid parameter "sslx" in "listen"'],
  ])("flags %s", (param, message) => {
    const text = `events {}\nhttp {\n    server {\n        listen 8080 ${param};\n    }\n}\n`;
    expect(lintText(text).filter((p) => p.ruleId === "directive-arguments").map((p) => p.message)).toEqual([message]);
  });

  it("accepts every parameter nginx 1.22 knows", () => {
    const text = "events {}\nhttp {\n    server {\n        listen 127.0.0.1:8080 default_server proxy_protocol deferred bind reuseport backlog=511 rcvbuf=8k sndbuf=8k fastopen=10 so_keepalive=on;\n        listen [::]:8080 ipv6only=on http2 default;\n    }\n}\n";
    expect(lintText(text, { nginxVersion: "1.22.1" }).filter((p) => p.ruleId === "directive-arguments")).toEqual([]);
  });
});
