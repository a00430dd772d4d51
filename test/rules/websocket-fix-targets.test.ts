// Where WebSocket fixes go: one set per block they go into, never into `if` or `limit_except` (nginx -t rejects the
// directives there), the same file after a second --fix, and a config the real nginx -t accepts.
import { describe, expect, it } from "vitest";
import { fixText } from "../support/fix-text.js";
import { lintText, positions } from "../support/lint-text.js";
import { nginxAccepts } from "../support/nginx-process.js";

const v122 = { nginxVersion: "1.22.1" };
const FIXING = /^(proxy-http-version|upgrade-header-missing|connection-header-missing|connection-header-hardcoded|read-timeout-short)$/;
const fixing = (text: string) => positions(lintText(text, v122).filter((p) => FIXING.test(p.ruleId)));

/** --fix on `text`: fixed, stable under a second --fix, accepted by nginx -t; returns the fixed text. */
async function fixedAndAccepted(text: string): Promise<string> {
  const fixed = fixText(text, v122);
  expect(fixed.problems.filter((p) => FIXING.test(p.ruleId)).map((p) => p.message)).toEqual([]);
  expect(fixText(fixed.text, v122).text).toBe(fixed.text);
  const verdict = await nginxAccepts(fixed.text);
  expect(verdict.ok, `${verdict.output}\n${fixed.text}`).toBe(true);
  return fixed.text;
}

const MAP_ADDED = ["    map $http_upgrade $connection_upgrade {", "        default upgrade;", "        ''      close;", "    }"];

describe("a location that proxies both in an `if` and directly (bug 1)", () => {
  const text = [
    "events {}",
    "http {",
    "    server {",
    "        listen 127.0.0.1:18080;",
    "        location /ws/ {",
    "            if ($arg_a) { proxy_pass http://127.0.0.1:2; }",
    "            proxy_pass http://127.0.0.1:1;",
    "        }",
    "    }",
    "}",
    "",
  ].join("\n");

  it("is reported once per rule, at the location", () => {
    expect(fixing(text)).toEqual([
      "connection-header-missing 5:9-5:17",
      "proxy-http-version 5:9-5:17",
      "upgrade-header-missing 5:9-5:17",
      "read-timeout-short 5:9-5:17",
    ]);
  });

  it("gets one set of directives, after the location's own proxy_pass", async () => {
    const fixed = await fixedAndAccepted(text);
    const lines = fixed.split("\n");
    expect(lines.slice(0, 6)).toEqual(["events {}", "http {", ...MAP_ADDED]);
    const body = lines.slice(lines.indexOf("        location /ws/ {") + 1, lines.indexOf("        }"));
    expect(body.slice(0, 2)).toEqual(["            if ($arg_a) { proxy_pass http://127.0.0.1:2; }", "            proxy_pass http://127.0.0.1:1;"]);
    expect([...body.slice(2)].sort()).toEqual([
      "            proxy_http_version 1.1;",
      "            proxy_read_timeout 1h;",
      "            proxy_set_header Connection $connection_upgrade;",
      "            proxy_set_header Upgrade $http_upgrade;",
    ]);
  });

  it("corrects a value the location writes instead of adding a second one, when only the `if` proxies", async () => {
    const own = [
      "events {}",
      "http {",
      "    server {",
      "        listen 127.0.0.1:18080;",
      "        location /ws/ {",
      "            proxy_http_version 1.0;",
      "            proxy_read_timeout 30s;",
      "            if ($arg_a) { proxy_pass http://127.0.0.1:2; }",
      "        }",
      "    }",
      "}",
      "",
    ].join("\n");
    expect(fixing(own)).toEqual(["proxy-http-version 6:13-6:31", "read-timeout-short 7:13-7:31", "connection-header-missing 8:13-8:15", "upgrade-header-missing 8:13-8:15"]);
    const fixed = await fixedAndAccepted(own);
    expect(fixed).toContain("            proxy_http_version 1.1;\n            proxy_read_timeout 1h;\n            if ($arg_a)");
    expect(fixed.match(/proxy_http_version/g)).toHaveLength(1);
    expect(fixed.match(/proxy_read_timeout/g)).toHaveLength(1);
  });
});

describe("proxy_pass in limit_except (bug 2)", () => {
  it("gets its fixes in the enclosing location, the one-line location opened up", async () => {
    const text = [
      "events {}",
      "http {",
      "    server {",
      "        listen 127.0.0.1:18080;",
      "        location /live/ { limit_except GET { proxy_pass http://127.0.0.1:3; } }",
      "    }",
      "}",
      "",
    ].join("\n");
    expect(fixing(text)).toEqual(["connection-header-missing 5:27-5:39", "proxy-http-version 5:27-5:39", "read-timeout-short 5:27-5:39", "upgrade-header-missing 5:27-5:39"]);
    const fixed = await fixedAndAccepted(text);
    const lines = fixed.split("\n");
    const start = lines.indexOf("        location /live/ {");
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 5]).toBe("            limit_except GET { proxy_pass http://127.0.0.1:3; } }");
    expect(lines.slice(start + 1, start + 5).sort()).toEqual([
      "            proxy_http_version 1.1;",
      "            proxy_read_timeout 1h;",
      "            proxy_set_header Connection $connection_upgrade;",
      "            proxy_set_header Upgrade $http_upgrade;",
    ]);
  });

  it("copies the server's proxy_set_header lines into the location once", async () => {
    const text = [
      "events {}",
      "http {",
      "    server {",
      "        listen 127.0.0.1:18080;",
      "        proxy_set_header Host $host;",
      "        location /ws/ {",
      "            limit_except GET {",
      "                proxy_pass http://127.0.0.1:2;",
      "            }",
      "        }",
      "    }",
      "}",
      "",
    ].join("\n");
    const fixed = await fixedAndAccepted(text);
    const location = fixed.slice(fixed.indexOf("location /ws/"));
    expect(location.match(/proxy_set_header Host \$host;/g)).toHaveLength(1);
    expect(location.indexOf("proxy_set_header Host")).toBeLessThan(location.indexOf("limit_except"));
  });
});

describe("a location-context snippet whose proxy_pass sits in an `if`", () => {
  it("gets its fixes at its top level, before that `if`", () => {
    const text = "# wslint: context location\n# wslint: websocket\nif ($arg_a) {\n    proxy_pass http://127.0.0.1:2;\n}\n";
    expect(fixing(text)).toEqual(["connection-header-missing 3:1-3:3", "proxy-http-version 3:1-3:3", "upgrade-header-missing 3:1-3:3", "read-timeout-short 3:1-3:3"]);
    const fixed = fixText(text, v122).text;
    const lines = fixed.split("\n");
    expect(lines.slice(0, 2)).toEqual(["# wslint: context location", "# wslint: websocket"]);
    expect(lines.slice(2, 6).sort()).toEqual(['proxy_set_header Connection "upgrade";', "proxy_http_version 1.1;", "proxy_read_timeout 1h;", "proxy_set_header Upgrade $http_upgrade;"].sort());
    expect(lines.slice(6).join("\n")).toBe("if ($arg_a) {\n    proxy_pass http://127.0.0.1:2;\n}\n");
    expect(fixText(fixed, v122).text).toBe(fixed);
  });
});
