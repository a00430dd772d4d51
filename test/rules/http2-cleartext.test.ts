// http2-cleartext: a listen with http2 and no ssl, unless another server's listen ... ssl makes the address TLS.
import { describe, expect, it } from "vitest";
import { lintText, positions } from "../support/lint-text.js";

describe("http2 on an address another server makes TLS", () => {
  it("is not cleartext: the other server's ssl makes the whole address TLS", () => {
    const text = "events {}\nhttp {\n    server {\n        listen 8443 http2;\n        ssl_certificate /etc/ssl/a.pem;\n        ssl_certificate_key /etc/ssl/a.key;\n    }\n    server {\n        listen 8443 ssl;\n        server_name b.example.com;\n    }\n}\n";
    expect(positions(lintText(text, { nginxVersion: "1.22.1" }), "http2-cleartext")).toEqual([]);
    expect(positions(lintText(text.replace("listen 8443 ssl;", "listen 8444 ssl;"), { nginxVersion: "1.22.1" }), "http2-cleartext")).toHaveLength(1);
  });
});
