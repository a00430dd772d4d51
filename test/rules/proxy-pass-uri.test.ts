// directive-arguments on proxy_pass URLs with a URI part where nginx refuses one (regex and named locations, `if`,
// `limit_except`), and the close forms nginx 1.22.1 accepts (each seen with nginx -t).
import { describe, expect, it } from "vitest";
import { uriPart } from "../../rules/directive-arguments/proxy-pass-uri.js";
import { lintText, positions } from "../support/lint-text.js";

const RULE = "directive-arguments";
/** A server whose location (line 4) is written as given; its body goes on line 5. */
const location = (head: string, ...body: string[]): string =>
  ["events {}", "http {", "    server {", `        location ${head} {`, ...body.map((l) => `            ${l}`), "        }", "    }", "}", ""].join("\n");
const found = (text: string) => lintText(text, { nginxVersion: "1.22.1" }).filter((p) => p.ruleId === RULE);
const at = (text: string): string[] => positions(found(text));

describe("uriPart splits as ngx_parse_url does", () => {
  it.each([
    ["http://127.0.0.1:9000", ""],
    ["http://127.0.0.1:9000/", "/"],
    ["HTTPS://backend/x/y", "/x/y"],
    ["http://127.0.0.1?a=1", "?a=1"],
    ["http://[::1]:9000", ""],
    ["http://[::1]:9000/ws", "/ws"],
    ["http://unix:/run/app.sock", ""],
    ["http://unix:/run/app.sock:/ws", "/ws"],
    ["http://unix:/run/app.sock:", ""],
  ])("%s → %j", (url, uri) => expect(uriPart(url)).toBe(uri));
});

describe("proxy_pass with a URI part", () => {
  it("is reported in a regex location, on the whole statement, in nginx's words", () => {
    const text = location("~ ^/ws/", "proxy_pass http://127.0.0.1:9000/;");
    expect(at(text)).toEqual(["directive-arguments 5:13-5:47"]);
    expect(found(text)[0].message).toBe(
      '"proxy_pass" cannot have URI part ("/") in location given by regular expression ("~ ^/ws/"): nginx passes the request URI there as it is; remove "/" (change the path with "rewrite ... break;" if needed)',
    );
    expect(at(location("~* ^/ws/", "proxy_pass", "    http://127.0.0.1:9000/x", ";"))).toEqual(["directive-arguments 5:13-7:14"]);
    expect(at(location("~^/ws/", 'proxy_pass "http://127.0.0.1:9000?a=1";'))).toEqual(["directive-arguments 5:13-5:52"]);
    expect(at(location("~ ^/ws/", "proxy_pass http://unix:/run/app.sock:/ws;"))).toEqual(["directive-arguments 5:13-5:54"]);
  });

  it("is reported in a named location, an if block and a limit_except block", () => {
    expect(found(location("@ws", "proxy_pass http://127.0.0.1:9000/;"))[0].message).toMatch(/^"proxy_pass" cannot have URI part \("\/"\) inside named location "@ws": /);
    const inIf = location("/ws/", "if ($arg_x) {", "    proxy_pass http://127.0.0.1:9000/;", "}");
    expect(at(inIf)).toEqual(["directive-arguments 6:17-6:51"]);
    expect(found(inIf)[0].message).toMatch(/ inside "if" statement: /);
    const inLimitExcept = location("/ws/", "limit_except GET {", "    proxy_pass http://127.0.0.1:9000/;", "}");
    expect(found(inLimitExcept)[0].message).toMatch(/ inside "limit_except" block: /);
  });

  it("is accepted in prefix and exact locations, and anywhere without a URI part or with variables", () => {
    const clean = [
      location("/ws/", "proxy_pass http://127.0.0.1:9000/;"),
      location("= /ws", "proxy_pass http://127.0.0.1:9000/socket;"),
      location("^~ /ws/", "proxy_pass http://127.0.0.1:9000/;"),
      location("~ ^/ws/", "proxy_pass http://127.0.0.1:9000;"),
      location("~ ^/ws/", "proxy_pass http://[::1]:9000;"),
      location("~ ^/ws/", "proxy_pass http://unix:/run/app.sock;"),
      location("~ ^/ws/(.*)$", "proxy_pass http://127.0.0.1:9000/$1;"),
      location("~ ^/ws/", "proxy_pass http://$host/x;"),
      location("@ws", "proxy_pass http://127.0.0.1:9000;"),
      location("/ws/", "if ($arg_x) {", "    proxy_pass http://127.0.0.1:9000;", "}"),
      location("/ws/", "limit_except GET {", "    proxy_pass http://127.0.0.1:9000;", "}"),
      location("/ws/", "proxy_pass http://127.0.0.1:9000/;", "limit_except GET {", "    deny all;", "}"),
      // Only the innermost location counts: a prefix location inside a regex one may have a URI.
      location("~ ^/a", "location /a/b {", "    proxy_pass http://127.0.0.1:9000/;", "}"),
    ];
    for (const text of clean) expect(at(text), text).toEqual([]);
  });
});
