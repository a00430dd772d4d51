// directive-context where the answer depends on the target nginx: contexts a directive gained in a later release.
import { describe, expect, it } from "vitest";
import { lintText, positions } from "../support/lint-text.js";

const conf = (...lines: string[]): string => `${lines.join("\n")}\n`;
const UPSTREAMS = conf(
  "events {}",
  "http {",
  "    upstream app {",
  "        zone app 64k;",
  "        resolver 127.0.0.53;",
  "        resolver_timeout 5s;",
  "        server 127.0.0.1:3000;",
  "    }",
  "}",
  "stream {",
  "    upstream dns {",
  "        resolver 127.0.0.53;",
  "        server 127.0.0.1:53;",
  "    }",
  "}",
);

describe("directive-context across nginx versions", () => {
  it("flags resolver and resolver_timeout in upstream before 1.27.3 (seen: 1.22.1 says not allowed here)", () => {
    const found = lintText(UPSTREAMS, { nginxVersion: "1.22.1" }).filter((p) => p.ruleId === "directive-context");
    expect(positions(found)).toEqual(["directive-context 5:9-5:17", "directive-context 6:9-6:25", "directive-context 12:9-12:17"]);
    expect(found[0].severity).toBe("error");
    expect(found[0].message).toBe('"resolver" directive is not allowed in upstream before nginx 1.27.3 (the target is 1.22.1); it belongs in http, server, location, mail, mail server, stream, stream server');
  });

  it("accepts them there from 1.27.3, and everywhere else on any version", () => {
    expect(positions(lintText(UPSTREAMS, { nginxVersion: "1.27.3" }), "directive-context")).toEqual([]);
    const elsewhere = conf("events {}", "http {", "    resolver 127.0.0.53;", "    server {", "        resolver_timeout 5s;", "    }", "}");
    expect(positions(lintText(elsewhere, { nginxVersion: "1.18.0" }), "directive-context")).toEqual([]);
  });
});
