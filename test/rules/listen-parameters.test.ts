// `listen ... quic` is refused before nginx 1.25.0 and accepted from it.
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
