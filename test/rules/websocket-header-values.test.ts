// Upgrade and Connection judged by what they evaluate to on a browser's handshake (Upgrade: websocket), not by their
// text: a map without default, swapped values, a typo'd $http_ variable. Each with clean counterparts.
import { describe, expect, it } from "vitest";
import { fixText } from "../support/fix-text.js";
import { lintText, positions } from "../support/lint-text.js";

const v122 = { nginxVersion: "1.22.1" };
const MAP = "    map $http_upgrade $connection_upgrade { default upgrade; '' close; }";

/** A config: `http` lines before the server, then one /ws/ location with `headers` (the Upgrade and Connection lines). */
function config(http: string[], headers: string[], path = "/ws/"): string {
  return [
    "events {}",
    "http {",
    ...http,
    "    server {",
    "        listen 8080;",
    `        location ${path} {`,
    "            proxy_pass http://127.0.0.1:3000;",
    "            proxy_http_version 1.1;",
    ...headers.map((h) => `            ${h}`),
    "            proxy_read_timeout 1h;",
    "        }",
    "    }",
    "}",
    "",
  ].join("\n");
}

const HEADER_RULES = /^(upgrade|connection)-header-(missing|hardcoded)$/;
/** Findings about the rest of the config (cleartext, no limit_conn, no Origin check), not about these headers. */
const ADVISORY = new Set(["worker-connections-low", "plaintext-listener", "limit-conn-missing", "origin-check"]);
const headerProblems = (text: string) => lintText(text, v122).filter((p) => HEADER_RULES.test(p.ruleId));

describe("a Connection map without default (3a)", () => {
  const text = config(["    map $http_upgrade $connection_upgrade { '' close; }"], ["proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $connection_upgrade;"]);

  it("is flagged at the Connection line, saying nginx sends no Connection header", () => {
    const found = headerProblems(text);
    expect(positions(found)).toEqual(["connection-header-missing 10:13-10:29"]);
    expect(found[0].severity).toBe("error");
    expect(found[0].message).toBe(
      'WebSocket location "/ws/" (Upgrade forwarded at line 9) sends no Connection header on a handshake: "$connection_upgrade" (line 10) is empty, its map (line 3) matching no entry and having no default, so the backend never sees an upgrade; add "default upgrade;" to the map at line 3',
    );
  });

  it("is fixed by completing the map, on its one line", () => {
    const fixed = fixText(text, v122);
    expect(fixed.text).toBe(text.replace("{ '' close; }", "{ default upgrade; '' close; }"));
    expect(fixed.problems.filter((p) => HEADER_RULES.test(p.ruleId))).toEqual([]);
  });

  it("is flagged without a fix when the map is not on $http_upgrade", () => {
    const other = config(["    map $http_connection $connection_upgrade { '' close; }"], ["proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $connection_upgrade;"]);
    const found = headerProblems(other);
    expect(positions(found)).toEqual(["connection-header-missing 10:13-10:29"]);
    expect(found[0].message).toContain('sends no Connection header on a handshake: "$connection_upgrade" (line 10) is empty, its map (line 3) matching no entry and having no default');
    expect(found[0].message).toContain('make $connection_upgrade (the map at line 3) give "upgrade" when Upgrade is "websocket"');
    expect(found[0].fix).toBeUndefined();
  });

  it("also breaks what a missing Connection line would get: the map is completed with the new line", () => {
    const missing = config(["    map $http_upgrade $connection_upgrade {", "        ''      close;", "    }"], ["proxy_set_header Upgrade $http_upgrade;"]);
    const found = headerProblems(missing);
    expect(positions(found)).toEqual(["connection-header-missing 8:9-8:17"]);
    const fixed = fixText(missing, v122).text;
    expect(fixed).toContain("    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      close;\n    }");
    expect(fixed).toContain("            proxy_set_header Connection $connection_upgrade;");
  });
});

describe("swapped Upgrade and Connection values (3b)", () => {
  const text = config([MAP], ["proxy_set_header Upgrade $connection_upgrade;", "proxy_set_header Connection $http_upgrade;"]);

  it("flags both lines with what nginx sends", () => {
    const found = headerProblems(text);
    expect(positions(found)).toEqual(["upgrade-header-missing 9:13-9:29", "connection-header-missing 10:13-10:29"]);
    expect(found[0].message).toBe(
      'WebSocket location "/ws/" (Upgrade set at line 9) sends "Upgrade: upgrade" on a handshake: "$connection_upgrade" (line 9) does not give the client\'s "websocket", so no WebSocket can open; forward the client\'s with "proxy_set_header Upgrade $http_upgrade;"',
    );
    expect(found[1].message).toBe(
      'WebSocket location "/ws/" (Upgrade set at line 9) sends "Connection: websocket" on a handshake: "$http_upgrade" (line 10) does not carry "upgrade", so the backend never sees an upgrade; send "proxy_set_header Connection $connection_upgrade;"',
    );
  });

  it("is fixed by swapping them back", () => {
    const fixed = fixText(text, v122);
    expect(fixed.text).toBe(config([MAP], ["proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $connection_upgrade;"]));
  });
});

describe("Upgrade values that cannot carry the client's Upgrade header (3c)", () => {
  it("flags a typo'd $http_ variable: no Upgrade header is sent", () => {
    const text = config([MAP], ["proxy_set_header Upgrade $http_upgrades;", "proxy_set_header Connection $connection_upgrade;"]);
    const found = headerProblems(text);
    expect(positions(found)).toEqual(["upgrade-header-missing 9:13-9:29"]);
    expect(found[0].message).toBe(
      'WebSocket location "/ws/" (Upgrade set at line 9) sends no Upgrade header on a handshake: "$http_upgrades" (line 9) is the client\'s "Upgrades" header, not its Upgrade header, and a WebSocket handshake has none, so no WebSocket can open; forward the client\'s with "proxy_set_header Upgrade $http_upgrade;"',
    );
    expect(fixText(text, v122).text).toBe(text.replace("$http_upgrades;", "$http_upgrade;"));
  });

  it("flags another header a handshake does have, an empty string, a literal other than websocket, and a set variable", () => {
    const cases: Array<[string[], string, string]> = [
      [[], "proxy_set_header Upgrade $http_host;", `sends the client's Host header as Upgrade on a handshake: "$http_host" (line 9) is not $http_upgrade`],
      [[], 'proxy_set_header Upgrade "";', 'sends no Upgrade header on a handshake: "" (line 9) does not give the client\'s "websocket"'],
      [[], "proxy_set_header Upgrade h2c;", 'sends "Upgrade: h2c" on a handshake: "h2c" (line 9) does not give the client\'s "websocket"'],
      [["set $up $http_connection;"], "proxy_set_header Upgrade $up;", 'sends "Upgrade: Upgrade" or "Upgrade: keep-alive, Upgrade" on a handshake: "$up" (line 10)'],
    ];
    for (const [before, line, message] of cases) {
      const text = config([MAP], [...before, line, "proxy_set_header Connection $connection_upgrade;"]);
      const found = headerProblems(text);
      const at = 9 + before.length;
      expect(positions(found), line).toEqual([`upgrade-header-missing ${at}:13-${at}:29`]);
      expect(found[0].message, line).toContain(message);
      const fixed = fixText(text, v122);
      expect(fixed.problems.filter((p) => HEADER_RULES.test(p.ruleId)), line).toEqual([]);
    }
  });

  it("an empty Upgrade is no evidence: a plain location that sets it is not a WebSocket one", () => {
    expect(lintText(config([], ['proxy_set_header Upgrade "";'], "/api/"), v122)).toEqual([]);
  });
});

describe("values that do carry the handshake stay clean", () => {
  const clean: Array<[string, string[], string[]]> = [
    ["the usual map and $http_upgrade", [MAP], ["proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $connection_upgrade;"]],
    ["${http_upgrade} and a quoted map variable", [MAP], ['proxy_set_header Upgrade "${http_upgrade}";', 'proxy_set_header Connection "$connection_upgrade";']],
    ["a literal websocket, any case, and Connection: Upgrade forwarded from the client", [], ["proxy_set_header Upgrade WebSocket;", "proxy_set_header Connection $http_connection;"]],
    ["a map on $http_upgrade under another name, keepalive style", ["    map $http_upgrade $conn { default upgrade; '' ''; }"], ["proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $conn;"]],
    ["a map with an exact websocket key and no default", ["    map $http_upgrade $conn { WebSocket upgrade; }"], ["proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $conn;"]],
    ["a map with a regex key", ["    map $http_upgrade $conn { ~*^web \"keep-alive, Upgrade\"; default close; }"], ["proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $conn;"]],
    ["a map on a header wslint cannot know", ["    map $http_sec_websocket_key $conn { '' close; default upgrade; }"], ["proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $conn;"]],
    ["an Upgrade map whose values include $http_upgrade", ["    map $http_upgrade $up { default $http_upgrade; '' ''; }", MAP], ["proxy_set_header Upgrade $up;", "proxy_set_header Connection $connection_upgrade;"]],
    ["an Upgrade map whose values include websocket", ["    map $arg_mode $up { default websocket; plain ''; }", MAP], ["proxy_set_header Upgrade $up;", "proxy_set_header Connection $connection_upgrade;"]],
    ["set variables holding $http_upgrade and upgrade", [], ["set $up $http_upgrade;", "set $conn upgrade;", "proxy_set_header Upgrade $up;", "proxy_set_header Connection $conn;"]],
    ["a geo variable (unknown values)", ["    geo $conn { default upgrade; }", "    geo $up { default websocket; }"], ["proxy_set_header Upgrade $up;", "proxy_set_header Connection $conn;"]],
  ];
  it.each(clean)("%s", (_, http, headers) => {
    expect(lintText(config(http, headers), v122).filter((p) => !ADVISORY.has(p.ruleId))).toEqual([]);
  });
});
