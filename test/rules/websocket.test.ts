// The WebSocket rules at exact positions: what each flags, where, at which severity, and what it leaves alone.
import { describe, expect, it } from "vitest";
import { goodWebSocketConfig } from "../../src/engine/example-configs.js";
import { lintText, positions } from "../support/lint-text.js";

const v122 = { nginxVersion: "1.22.1" };
const MAP = "    map $http_upgrade $connection_upgrade { default upgrade; '' close; }";

/** A config with one server; `location` lines are indented by the caller. */
function config(...serverLines: string[]): string {
  return ["events {}", "http {", MAP, "    server {", "        listen 8080;", ...serverLines, "    }", "}", ""].join("\n");
}

const complete = [
  "            proxy_pass http://127.0.0.1:3000;",
  "            proxy_http_version 1.1;",
  "            proxy_set_header Upgrade $http_upgrade;",
  "            proxy_set_header Connection $connection_upgrade;",
  "            proxy_read_timeout 1h;",
];

describe("a complete WebSocket location", () => {
  it("is clean on every version", () => {
    for (const nginxVersion of ["1.18.0", "1.22.1", "1.29.7"]) expect(lintText(goodWebSocketConfig(), { nginxVersion })).toEqual([]);
  });

  it("a plain HTTP location is never taken for a WebSocket one", () => {
    expect(lintText(config("        location /api/ {", "            proxy_pass http://127.0.0.1:3000;", "        }"), v122)).toEqual([]);
  });

  it("a weak name is outweighed by a literal Connection header without upgrade", () => {
    for (const value of ['""', "close", "keep-alive"]) {
      const text = config("        location /live/ {", ...complete.slice(0, 2), `            proxy_set_header Connection ${value};`, "        }");
      expect(lintText(text, v122), value).toEqual([]);
    }
    // Still a WebSocket location: a strong name, or a Connection value that can carry upgrade.
    const strong = config("        location /ws/ {", ...complete.slice(0, 2), '            proxy_set_header Connection "";', "        }");
    expect(positions(lintText(strong, v122), "upgrade-header-missing")).toEqual(["upgrade-header-missing 6:9-6:17"]);
    const mapped = config("        location /live/ {", ...complete.slice(0, 2), "            proxy_set_header Connection $connection_upgrade;", "        }");
    expect(positions(lintText(mapped, v122), "upgrade-header-missing")).toEqual(["upgrade-header-missing 6:9-6:17"]);
  });
});

describe("proxy-http-version", () => {
  it("flags the default HTTP/1.0 before 1.29.7, at the location", () => {
    const text = config("        location /ws/ {", complete[0], ...complete.slice(2), "        }");
    expect(positions(lintText(text, v122), "proxy-http-version")).toEqual(["proxy-http-version 6:9-6:17"]);
    expect(lintText(text, v122).find((p) => p.ruleId === "proxy-http-version")?.message).toMatch(/^WebSocket location "\/ws\/" \(Upgrade forwarded at line 8\) proxies with HTTP\/1.0/);
    expect(positions(lintText(text, { nginxVersion: "1.29.7" }), "proxy-http-version")).toEqual([]);
  });

  it("flags an explicit 1.0 or 2 at that directive, and accepts 1.1 inherited from the server", () => {
    for (const value of ["1.0", "2"]) {
      const text = config("        location /ws/ {", complete[0], `            proxy_http_version ${value};`, ...complete.slice(2), "        }");
      expect(positions(lintText(text, { nginxVersion: "1.29.7" }), "proxy-http-version")).toEqual(["proxy-http-version 8:13-8:31"]);
    }
    const inherited = config("        proxy_http_version 1.1;", "        location /ws/ {", complete[0], ...complete.slice(2), "        }");
    expect(positions(lintText(inherited, v122), "proxy-http-version")).toEqual([]);
  });
});

describe("upgrade-header-missing and connection-header-missing", () => {
  it("flag a location that forwards neither, named by its path", () => {
    const text = config("        location /socket.io/ {", ...complete.slice(0, 2), complete[4], "        }");
    expect(positions(lintText(text, v122)).filter((p) => /header-missing/.test(p))).toEqual([
      "connection-header-missing 6:9-6:17",
      "upgrade-header-missing 6:9-6:17",
    ]);
  });

  it("flag a Connection header that never says upgrade, at that header", () => {
    const text = config("        location /ws/ {", ...complete.slice(0, 3), "            proxy_set_header Connection keep-alive;", complete[4], "        }");
    expect(positions(lintText(text, v122), "connection-header-missing")).toEqual(["connection-header-missing 10:13-10:29"]);
  });

  it("count $http_connection, which forwards the client's own Connection header, as carrying upgrade", () => {
    const text = config("        location /ws/ {", ...complete.slice(0, 3), "            proxy_set_header Connection $http_connection;", complete[4], "        }");
    expect(positions(lintText(text, v122), "connection-header-missing")).toEqual([]);
  });

  it("report a lost Connection that did not carry upgrade, leaving a lost upgrade to header-inheritance-lost", () => {
    const lostEmpty = config('        proxy_set_header Connection "";', "        location /ws/ {", ...complete.slice(0, 3), complete[4], "        }");
    expect(positions(lintText(lostEmpty, v122), "connection-header-missing")).toEqual(["connection-header-missing 7:9-7:17"]);
    expect(lintText(lostEmpty, v122).find((p) => p.ruleId === "connection-header-missing")?.message).toContain('does not set the Connection header (nginx sends "close")');
    const lostUpgrade = config("        proxy_set_header Connection $connection_upgrade;", "        location /ws/ {", ...complete.slice(0, 3), complete[4], "        }");
    expect(positions(lintText(lostUpgrade, v122), "connection-header-missing")).toEqual([]);
    expect(positions(lintText(lostUpgrade, v122), "header-inheritance-lost")).toEqual(["header-inheritance-lost 10:13-10:29"]);
  });

  it("report at info when the only evidence is a name plain APIs use too", () => {
    const text = config("        location /graphql {", ...complete.slice(0, 2), complete[4], "        }");
    const found = lintText(text, v122).filter((p) => /header-missing/.test(p.ruleId));
    expect(found.map((p) => p.severity)).toEqual(["info", "info"]);
  });
});

describe("connection-header-hardcoded", () => {
  it("flags the literal value", () => {
    const text = config("        location /ws/ {", ...complete.slice(0, 3), '            proxy_set_header Connection "upgrade";', complete[4], "        }");
    expect(positions(lintText(text, v122), "connection-header-hardcoded")).toEqual(["connection-header-hardcoded 10:41-10:50"]);
  });
});

describe("header-inheritance-lost", () => {
  const serverHeaders = ["        proxy_set_header Upgrade $http_upgrade;", "        proxy_set_header Connection $connection_upgrade;"];

  it("is an error when a WebSocket location's own line drops Upgrade and Connection", () => {
    const text = config(...serverHeaders, "        location /ws/ {", complete[0], complete[1], "            proxy_set_header Host $host;", complete[4], "        }");
    const found = lintText(text, v122).filter((p) => p.ruleId === "header-inheritance-lost");
    expect(positions(found)).toEqual(["header-inheritance-lost 11:13-11:29"]);
    expect(found[0].severity).toBe("error");
    expect(found[0].message).toContain("drop the inherited Upgrade (line 6), Connection (line 7)");
    expect(found[0].related?.map((r) => r.range.start.line)).toEqual([6, 7]);
    // The header rules leave it to this one.
    expect(lintText(text, v122).filter((p) => /header-missing/.test(p.ruleId))).toEqual([]);
  });

  it("reports lines an include brings in at that include, naming the other file's lines by file", () => {
    const text = config(...serverHeaders, "        location /ws/ {", complete[0], complete[1], "            include proxy_params;", complete[4], "        }");
    const more = { "/example/proxy_params": "# Debian's\nproxy_set_header Host $http_host;\nproxy_set_header X-Real-IP $remote_addr;\n" };
    const found = lintText(text, v122, more).filter((p) => p.ruleId === "header-inheritance-lost");
    expect(positions(found)).toEqual(["header-inheritance-lost 11:13-11:20"]);
    expect(found[0].file).toBe("/example/nginx.conf");
    expect(found[0].severity).toBe("error");
    expect(found[0].message).toContain("own proxy_set_header lines, brought in by this include (proxy_params line 2), drop the inherited Upgrade (line 6), Connection (line 7)");
    expect(found[0].related?.map((r) => `${r.file}:${r.range.start.line}`)).toEqual(["/example/proxy_params:2", "/example/nginx.conf:6", "/example/nginx.conf:7"]);
  });

  it("is a warning when an ordinary header is dropped, and silent where nothing proxies", () => {
    const lost = config("        proxy_set_header X-Forwarded-For $remote_addr;", "        location /api/ {", complete[0], "            proxy_set_header Host $host;", "        }");
    expect(lintText(lost, v122).filter((p) => p.ruleId === "header-inheritance-lost").map((p) => p.severity)).toEqual(["warning"]);
    const noProxy = config("        proxy_set_header X-A a;", "        location /static/ {", "            proxy_set_header X-B b;", "            root /srv;", "        }");
    expect(positions(lintText(noProxy, v122), "header-inheritance-lost")).toEqual([]);
  });
});

describe("read-timeout-short", () => {
  it("flags the 60s default and a short value, and honours the minimum option", () => {
    const noTimeout = config("        location /ws/ {", ...complete.slice(0, 4), "        }");
    expect(positions(lintText(noTimeout, v122), "read-timeout-short")).toEqual(["read-timeout-short 6:9-6:17"]);
    const short = config("        location /ws/ {", ...complete.slice(0, 4), "            proxy_read_timeout 30m;", "        }");
    expect(positions(lintText(short, v122), "read-timeout-short")).toEqual(["read-timeout-short 11:13-11:31"]);
    expect(positions(lintText(short, { ...v122, rules: { "read-timeout-short": ["warning", { minimum: "10m" }] } }), "read-timeout-short")).toEqual([]);
  });
});
