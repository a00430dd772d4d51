// listen parameters: quic by nginx version, and http2 on an address that another server makes TLS.
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

describe("http2 on an address another server makes TLS", () => {
  it("is not cleartext: the other server's ssl makes the whole address TLS", () => {
    const text = "events {}\nhttp {\n    server {\n        listen 8443 http2;\n        ssl_certificate /etc/ssl/a.pem;\n        ssl_certificate_key /etc/ssl/a.key;\n    }\n    server {\n        listen 8443 ssl;\n        server_name b.example.com;\n    }\n}\n";
    expect(positions(lintText(text, { nginxVersion: "1.22.1" }), "http2-cleartext")).toEqual([]);
    expect(positions(lintText(text.replace("listen 8443 ssl;", "listen 8444 ssl;"), { nginxVersion: "1.22.1" }), "http2-cleartext")).toHaveLength(1);
  });
});
