// The WebSocket-exposure and nginx-pitfall rules: bad and good cases at exact positions, version-dependent
// severities, the keepalive fix, and realistic configs that must get exactly the findings true of them.
import { describe, expect, it } from "vitest";
import type { LintOptions } from "../../src/engine/lint.js";
import type { Problem } from "../../src/engine/problem.js";
import { EXAMPLE_PATH, lintText, positions } from "../support/lint-text.js";

const V22: LintOptions = { nginxVersion: "1.22.1" };
const V29: LintOptions = { nginxVersion: "1.29.7" };

const MINE = [
  "connect-timeout-ineffective", "forwarded-for-spoofable", "host-header-port", "http2-cleartext", "keepalive-connection-close",
  "limit-conn-missing", "origin-check", "plaintext-listener", "proxy-pass-resolver", "proxy-ssl-server-name", "ssl-on-removed",
  "tls-protocols", "upstream-affinity", "worker-connections-low",
];

const conf = (...lines: string[]): string => `${lines.join("\n")}\n`;
const at = (text: string, rule: string, options: LintOptions = V22, more: Record<string, string> = {}): string[] =>
  positions(lintText(text, options, more), rule);
const only = (text: string, rule: string, options: LintOptions = V22): Problem[] => lintText(text, options).filter((p) => p.ruleId === rule);
const mine = (text: string, options: LintOptions = V22, more: Record<string, string> = {}): string[] =>
  positions(lintText(text, options, more).filter((p) => MINE.includes(p.ruleId)));

// A WebSocket location with everything a correct one has (origin check, limit, HTTP/1.1, headers, timeout).
const WS_LOCATION = [
  "        location /ws/ {", //                                   +0
  "            if ($origin_ok = 0) {",
  "                return 403;",
  "            }",
  "            limit_conn sockets 20;",
  "            proxy_pass http://127.0.0.1:3000;", //              +5
  "            proxy_http_version 1.1;",
  "            proxy_set_header Upgrade $http_upgrade;",
  "            proxy_set_header Connection $connection_upgrade;",
  "            proxy_read_timeout 1h;",
  "        }",
];
// Lines 1-13: events, and the maps and zone every WebSocket config here uses.
const HEAD = [
  "events {",
  "    worker_connections 1024;",
  "}",
  "http {",
  "    map $http_upgrade $connection_upgrade {", //               5
  "        default upgrade;",
  "        ''      close;",
  "    }",
  "    map $http_origin $origin_ok {",
  "        default                    0;", //                     10
  "        \"https://chat.example.com\" 1;",
  "    }",
  "    limit_conn_zone $binary_remote_addr zone=sockets:10m;",
];
const TLS = ["        ssl_certificate /etc/ssl/chat.pem;", "        ssl_certificate_key /etc/ssl/chat.key;"];
/** A TLS server (line 14) with the complete WebSocket location at line 19. */
const GOOD = conf(...HEAD, "    server {", "        listen 443 ssl;", "        server_name chat.example.com;", ...TLS, ...WS_LOCATION, "    }", "}");

describe("the complete WebSocket config", () => {
  it("is clean for every rule, on 1.22.1 and 1.29.7", () => {
    expect(lintText(GOOD, V22)).toEqual([]);
    expect(lintText(GOOD, V29)).toEqual([]);
  });
});

describe("connect-timeout-ineffective", () => {
  const location = (value: string) => conf("events {}", "http {", "    server {", "        location /api/ {", "            proxy_pass http://127.0.0.1:3000;", `            proxy_connect_timeout ${value};`, "        }", "    }", "}");

  it("flags values over 75s at the value", () => {
    expect(at(location("3600s"), "connect-timeout-ineffective")).toEqual(["connect-timeout-ineffective 6:35-6:40"]);
    expect(at(location("90"), "connect-timeout-ineffective")).toEqual(["connect-timeout-ineffective 6:35-6:37"]);
    expect(at(location("1m16s"), "connect-timeout-ineffective")).toEqual(["connect-timeout-ineffective 6:35-6:40"]);
    const [problem] = only(location("1h"), "connect-timeout-ineffective");
    expect(problem.severity).toBe("warning");
    expect(problem.message).toMatch(/^"proxy_connect_timeout 1h" bounds only the TCP connect to the backend, not how long a socket stays open; over 75s it is not portable .*after about 130s, whatever the value; .*use proxy_read_timeout for the idle lifetime$/);
  });

  it("names the WebSocket location and, in stream, proxy_timeout", () => {
    const ws = GOOD.replace("            proxy_read_timeout 1h;", "            proxy_read_timeout 1h;\n            proxy_connect_timeout 1h;");
    expect(only(ws, "connect-timeout-ineffective")[0].message).toMatch(/^WebSocket location "\/ws\/" \(.*\): "proxy_connect_timeout 1h"/);
    const stream = conf("events {}", "stream {", "    server {", "        listen 9000;", "        proxy_pass 127.0.0.1:9001;", "        proxy_connect_timeout 2m;", "    }", "}");
    expect(at(stream, "connect-timeout-ineffective")).toEqual(["connect-timeout-ineffective 6:31-6:33"]);
    expect(only(stream, "connect-timeout-ineffective")[0].message).toContain("use proxy_timeout for the idle lifetime");
  });

  it("leaves 75s and less alone, and invalid values to directive-arguments", () => {
    for (const value of ["75s", "75000ms", "5s", "1m15s", "1y"]) expect(at(location(value), "connect-timeout-ineffective")).toEqual([]);
  });
});

describe("upstream-affinity", () => {
  const balanced = (...upstream: string[]) =>
    GOOD.replace("http://127.0.0.1:3000", "http://chat").replace("    limit_conn_zone", ["    upstream chat {", ...upstream, "    }", "    limit_conn_zone"].join("\n"));
  // upstream at line 13; proxy_pass at 13 + upstream lines + 2 + 10.

  it("flags two or more active servers without affinity, at proxy_pass", () => {
    const text = balanced("        server 127.0.0.1:3001;", "        server 127.0.0.1:3002;");
    expect(at(text, "upstream-affinity")).toEqual(["upstream-affinity 28:13-28:23"]);
    const [problem] = only(text, "upstream-affinity");
    expect(problem.severity).toBe("warning");
    expect(problem.message).toMatch(/^WebSocket location "\/ws\/" \(.*\) proxies to upstream "chat" \(line 13\), which spreads requests over 2 servers by round-robin with no affinity: .*"ip_hash;"/);
    expect(problem.related?.[0].range.start.line).toBe(13);
  });

  it("with least_conn, random or least_time chosen, flags only protocols with multi-request sessions", () => {
    const servers = ["        server 127.0.0.1:3001;", "        server 127.0.0.1:3002;", "        server 127.0.0.1:3003 backup;"];
    for (const method of ["least_conn", "random two least_conn", "least_time header"]) {
      expect(at(balanced(`        ${method};`, ...servers), "upstream-affinity"), method).toEqual([]);
    }
    const socketIo = balanced("        least_conn;", ...servers).replace("location /ws/", "location /socket.io/");
    expect(at(socketIo, "upstream-affinity")).toEqual(["upstream-affinity 30:13-30:23"]);
    expect(only(socketIo, "upstream-affinity")[0].message).toContain('over 2 servers by "least_conn"');
    const hubs = balanced("        random;", ...servers).replace("location /ws/", "location /hubs/chat");
    expect(at(hubs, "upstream-affinity")).toEqual(["upstream-affinity 30:13-30:23"]);
    const named = balanced("        least_conn;", ...servers).replaceAll("chat", "sockjs");
    expect(at(named, "upstream-affinity")).toEqual(["upstream-affinity 30:13-30:23"]);
  });

  it("is info when the location is a WebSocket only by a name plain APIs also use", () => {
    const text = conf("events {}", "http {", "    upstream api {", "        server 127.0.0.1:3001;", "        server 127.0.0.1:3002;", "    }", "    server {", "        location /graphql {", "            proxy_pass http://api;", "        }", "    }", "}");
    expect(only(text, "upstream-affinity").map((p) => [positions([p])[0], p.severity])).toEqual([["upstream-affinity 9:13-9:23", "info"]]);
  });

  it("accepts ip_hash, hash, sticky, a single active server, and non-WebSocket locations", () => {
    const two = ["        server 127.0.0.1:3001;", "        server 127.0.0.1:3002;"];
    expect(at(balanced("        ip_hash;", ...two), "upstream-affinity")).toEqual([]);
    expect(at(balanced("        hash $remote_addr consistent;", ...two), "upstream-affinity")).toEqual([]);
    expect(at(balanced(...two, "        sticky cookie srv_id expires=1h;"), "upstream-affinity")).toEqual([]);
    expect(at(balanced("        server 127.0.0.1:3001;", "        server 127.0.0.1:3002 backup;"), "upstream-affinity")).toEqual([]);
    expect(at(balanced("        server 127.0.0.1:3001;", "        server 127.0.0.1:3002 down;"), "upstream-affinity")).toEqual([]);
    const api = conf("events {}", "http {", "    upstream api {", ...two, "    }", "    server {", "        location /api/ {", "            proxy_pass http://api;", "        }", "    }", "}");
    expect(at(api, "upstream-affinity")).toEqual([]);
  });
});

describe("origin-check", () => {
  const unchecked = GOOD.replace("            if ($origin_ok = 0) {\n                return 403;\n            }\n", "");

  it("flags a WebSocket location nothing checks, at the location, as info", () => {
    expect(at(unchecked, "origin-check")).toEqual(["origin-check 19:9-19:17"]);
    const [problem] = only(unchecked, "origin-check");
    expect(problem.severity).toBe("info");
    expect(problem.message).toMatch(/^WebSocket location "\/ws\/" \(.*\) accepts handshakes from any Origin: .*"if \(\$origin_ok = 0\) \{ return 403; \}"/);
  });

  it("does not count a check in another location", () => {
    const elsewhere = unchecked.replace("        location /ws/ {", "        location /admin/ {\n            if ($origin_ok = 0) {\n                return 403;\n            }\n        }\n        location /ws/ {");
    expect(at(elsewhere, "origin-check")).toEqual(["origin-check 24:9-24:17"]);
  });

  it("accepts an if on $http_origin or on a variable derived from it, in the location or the server", () => {
    expect(at(GOOD, "origin-check")).toEqual([]);
    const direct = unchecked.replace("        location /ws/ {", '        if ($http_origin !~* "^https://chat\\.example\\.com$") {\n            return 403;\n        }\n        location /ws/ {');
    expect(at(direct, "origin-check")).toEqual([]);
    const chained = unchecked
      .replace("    limit_conn_zone", "    map $origin_ok $origin_denied {\n        0       1;\n        default 0;\n    }\n    limit_conn_zone")
      .replace("            limit_conn sockets 20;", "            if ($origin_denied) {\n                return 403;\n            }\n            limit_conn sockets 20;");
    expect(at(chained, "origin-check")).toEqual([]);
  });

  it("accepts Lua that reads the Origin header before proxying (rewrite, access or set phase), in force here", () => {
    const lua = (line: string) => unchecked.replace("            limit_conn sockets 20;", `${line}\n            limit_conn sockets 20;`);
    const options = { ...V22, knownDirective: ["access_by_lua_block", "access_by_lua", "rewrite_by_lua_block", "header_filter_by_lua_block"] };
    const block = lua("            access_by_lua_block {\n                if ngx.var.http_origin ~= \"https://chat.example.com\" then return ngx.exit(403) end\n            }");
    expect(at(block, "origin-check", options)).toEqual([]);
    expect(at(lua("            access_by_lua 'if ngx.req.get_headers()[\"Origin\"] == nil then ngx.exit(403) end';"), "origin-check", options)).toEqual([]);
    const inherited = unchecked.replace("        location /ws/ {", "        rewrite_by_lua_block { local o = ngx.req.get_headers().origin }\n        location /ws/ {");
    expect(at(inherited, "origin-check", options)).toEqual([]);
    // Lua that does not read Origin, or that runs after the response (a CORS echo), checks nothing.
    expect(at(lua("            access_by_lua_block { ngx.log(ngx.INFO, ngx.var.arg_ticket) }"), "origin-check", options)).toEqual(["origin-check 19:9-19:17"]);
    expect(at(lua("            header_filter_by_lua_block { ngx.header[\"X-O\"] = ngx.var.http_origin }"), "origin-check", options)).toEqual(["origin-check 19:9-19:17"]);
    // The location's own access_by_lua replaces the server's, which read Origin.
    const replaced = unchecked
      .replace("        location /ws/ {", "        access_by_lua_block { if not ngx.var.http_origin then ngx.exit(403) end }\n        location /ws/ {")
      .replace("            limit_conn sockets 20;", "            access_by_lua_block { ngx.log(ngx.INFO, 1) }\n            limit_conn sockets 20;");
    expect(at(replaced, "origin-check", options)).toEqual(["origin-check 20:9-20:17"]);
  });

  it("leaves locations that are WebSockets only by a weak name alone", () => {
    const weak = conf("events {}", "http {", "    server {", "        location /graphql {", "            proxy_pass http://127.0.0.1:4000;", "        }", "    }", "}");
    expect(at(weak, "origin-check")).toEqual([]);
  });
});

describe("balancer-backup", () => {
  const upstream = (...lines: string[]) => conf("events {}", "http {", "    upstream chat {", ...lines, "    }", "}");
  const find = (text: string) => only(text, "balancer-backup").map((p) => [positions([p])[0], p.severity, p.message]);

  it("is an error when the method comes first, which nginx -t rejects", () => {
    expect(find(upstream("        ip_hash;", "        server 127.0.0.1:1;", "        server 127.0.0.1:2 backup;"))).toEqual([
      ["balancer-backup 6:28-6:34", "error", 'balancing method "ip_hash" does not support parameter "backup"; nginx -t fails'],
    ]);
  });

  it("is a warning after the servers: unsupported, accepted, and the backup used only once the hash gives up", () => {
    const [[where, severity, message]] = find(upstream("        server 127.0.0.1:1;", "        server 127.0.0.1:2 backup;", "        ip_hash;"));
    expect([where, severity]).toEqual(["balancer-backup 5:28-5:34", "warning"]);
    expect(message).toBe('"backup" with "ip_hash" (line 6) is unsupported: nginx rejects it when the balancing method comes first, and accepts this order only because the check runs when the server line is read; the backup server is used only after "ip_hash" gives up on the primaries and falls back to round-robin');
    const [[, , consistent]] = find(upstream("        server 127.0.0.1:1;", "        server 127.0.0.1:2 backup;", "        hash $remote_addr consistent;"));
    expect(consistent).toContain('"hash ... consistent" never falls back to the backup server');
    expect(find(upstream("        least_conn;", "        server 127.0.0.1:1;", "        server 127.0.0.1:2 backup;"))).toEqual([]);
  });
});

describe("plaintext-listener", () => {
  const server = (...lines: string[]) => GOOD.replace("        listen 443 ssl;\n", lines.map((l) => `${l}\n`).join(""));

  it("flags a WebSocket location in a server with a cleartext listen, at the location", () => {
    const text = server("        listen 80;", "        listen 443 ssl;");
    expect(at(text, "plaintext-listener")).toEqual(["plaintext-listener 20:9-20:17"]);
    const [problem] = only(text, "plaintext-listener");
    expect(problem.severity).toBe("warning");
    expect(problem.message).toMatch(/^WebSocket location "\/ws\/" \(.*\) is served over cleartext \(ws:\/\/\): its server listens without TLS on "80" \(line 15\)/);
    expect(problem.related?.map((r) => r.range.start.line)).toEqual([15]);
    expect(at(server("        listen 8080;"), "plaintext-listener")).toEqual(["plaintext-listener 19:9-19:17"]);
  });

  it("counts a server without listen as *:80", () => {
    const text = server();
    expect(at(text, "plaintext-listener")).toEqual(["plaintext-listener 18:9-18:17"]);
    expect(only(text, "plaintext-listener")[0].message).toContain("has no listen, so it listens on *:80 without TLS");
  });

  it("is info when the evidence is only a weak name", () => {
    const weak = conf("events {}", "http {", "    server {", "        listen 80;", "        location /graphql {", "            proxy_pass http://127.0.0.1:4000;", "        }", "    }", "}");
    expect(only(weak, "plaintext-listener").map((p) => [positions([p])[0], p.severity])).toEqual([["plaintext-listener 5:9-5:17", "info"]]);
  });

  it("accepts TLS, QUIC, loopback and unix listeners, and servers that redirect cleartext to https", () => {
    expect(at(GOOD, "plaintext-listener")).toEqual([]);
    expect(at(server("        listen 443 ssl;", "        listen 443 quic;"), "plaintext-listener")).toEqual([]);
    expect(at(server("        listen 127.0.0.1:8080;", "        listen [::1]:8080;"), "plaintext-listener")).toEqual([]);
    expect(at(server("        listen unix:/run/nginx-ws.sock;"), "plaintext-listener")).toEqual([]);
    const scheme = server("        listen 80;", "        listen 443 ssl;", "        if ($scheme = http) {", "            return 301 https://$host$request_uri;", "        }");
    expect(at(scheme, "plaintext-listener")).toEqual([]);
    const forwarded = server("        listen 80;", '        if ($http_x_forwarded_proto != "https") {', "            rewrite ^ https://$host$request_uri permanent;", "        }");
    expect(at(forwarded, "plaintext-listener")).toEqual([]);
    expect(at(server("        listen 80;", "        return 301 https://$host$request_uri;"), "plaintext-listener")).toEqual([]);
    const sslOn = server("        listen 443;", "        ssl on;");
    expect(at(sslOn, "plaintext-listener")).toEqual([]);
  });

  it("does not take a redirect to http, or one behind an unrelated if, for a redirect to https", () => {
    expect(at(server("        listen 80;", "        return 301 http://$host$request_uri;"), "plaintext-listener")).toEqual(["plaintext-listener 20:9-20:17"]);
    const unrelated = server("        listen 80;", '        if ($http_user_agent ~ "bot") {', "            return 301 https://$host$request_uri;", "        }");
    expect(at(unrelated, "plaintext-listener")).toEqual(["plaintext-listener 22:9-22:17"]);
  });
});

describe("keepalive-connection-close", () => {
  const upstream = (keepalive: string[], plain = "close") =>
    GOOD.replace("        ''      close;", `        ''      ${plain};`)
      .replace("http://127.0.0.1:3000", "http://app")
      .replace("    limit_conn_zone", ["    upstream app {", "        server 127.0.0.1:3000;", ...keepalive, "    }", "    limit_conn_zone"].join("\n"));

  it("flags the map's '' close entry, at its value, when the upstream keeps connections", () => {
    const text = upstream(["        keepalive 16;"]);
    expect(at(text, "keepalive-connection-close")).toEqual(["keepalive-connection-close 7:17-7:22"]);
    const [problem] = only(text, "keepalive-connection-close");
    expect(problem.severity).toBe("warning");
    expect(problem.message).toMatch(/^WebSocket location "\/ws\/" \(.*\) takes Connection from \$connection_upgrade, whose map entry '' close sends "Connection: close" .* upstream "app", defeating its keepalive \("keepalive 16", line 15\)/);
  });

  it("from nginx 1.29.7 flags any upstream block, where keepalive is on by default", () => {
    const text = upstream([]);
    expect(at(text, "keepalive-connection-close", V22)).toEqual([]);
    expect(at(text, "keepalive-connection-close", V29)).toEqual(["keepalive-connection-close 7:17-7:22"]);
    expect(only(text, "keepalive-connection-close", V29)[0].message).toContain("on by default since nginx 1.29.7");
    expect(at(upstream(["        keepalive 0;"]), "keepalive-connection-close", V29)).toEqual([]);
  });

  it("fixes the entry to '' \"\", after which the rule is satisfied", () => {
    const text = upstream(["        keepalive 16;"]);
    const [problem] = only(text, "keepalive-connection-close");
    expect(problem.fix?.edits).toEqual([{ file: EXAMPLE_PATH, start: text.indexOf("close;"), end: text.indexOf("close;") + 5, text: '""' }]);
    const fixed = applyEdits(text, problem);
    expect(fixed).toContain("        ''      \"\";\n");
    expect(at(fixed, "keepalive-connection-close")).toEqual([]);
    expect(lintText(fixed, V22)).toEqual([]);
  });

  it("reports a map once however many locations use it", () => {
    const two = upstream(["        keepalive 16;"]).replace("        location /ws/ {", "        location /ws2/ {\n            proxy_pass http://app;\n            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection $connection_upgrade;\n        }\n        location /ws/ {");
    expect(at(two, "keepalive-connection-close")).toEqual(["keepalive-connection-close 7:17-7:22"]);
  });

  it("leaves '' \"\", upstreams without keepalive, HTTP/1.0 and literal Connection headers alone", () => {
    expect(at(upstream(["        keepalive 16;"], '""'), "keepalive-connection-close")).toEqual([]);
    expect(at(upstream([]), "keepalive-connection-close")).toEqual([]);
    const http10 = upstream(["        keepalive 16;"]).replace("            proxy_http_version 1.1;\n", "");
    expect(at(http10, "keepalive-connection-close")).toEqual([]);
    const literal = upstream(["        keepalive 16;"]).replace("Connection $connection_upgrade", 'Connection "upgrade"');
    expect(at(literal, "keepalive-connection-close")).toEqual([]);
  });
});

describe("proxy-pass-resolver", () => {
  const location = (pass: string, ...extra: string[]) => conf("events {}", "http {", ...extra, "    server {", "        location /api/ {", `            proxy_pass ${pass};`, "        }", "    }", "}");

  it("flags a variable URL whose host needs DNS, at the URL", () => {
    const text = location("http://api.example.com$request_uri");
    expect(at(text, "proxy-pass-resolver")).toEqual(["proxy-pass-resolver 5:24-5:58"]);
    const [problem] = only(text, "proxy-pass-resolver");
    expect(problem.severity).toBe("error");
    expect(problem.message).toBe('"proxy_pass http://api.example.com$request_uri" contains variables, so nginx resolves "api.example.com" per request, and no resolver is in force: every request fails with 502 "no resolver defined"; proxy to an upstream name or an IP address, or add a "resolver"');
    expect(at(location("http://localhost:3000$request_uri"), "proxy-pass-resolver")).toEqual(["proxy-pass-resolver 5:24-5:57"]);
  });

  it("flags a host taken from the request, and map values that are not upstreams", () => {
    expect(only(location("http://$host"), "proxy-pass-resolver")[0].message).toContain("resolves the value of $host (unless it is an IP address or an upstream name) per request");
    const mapped = location("http://$backend", "    upstream ws_pool {", "        server 127.0.0.1:3001;", "    }", "    map $http_upgrade $backend {", "        default ws_pool;", "        ''      web.internal;", "    }");
    expect(at(mapped, "proxy-pass-resolver")).toEqual(["proxy-pass-resolver 12:24-12:39"]);
    expect(only(mapped, "proxy-pass-resolver")[0].message).toContain('resolves "web.internal" per request');
  });

  it("flags an upstream name with a port, which nginx does not match against upstream blocks", () => {
    const text = location("http://chat:8080$request_uri", "    upstream chat {", "        server 127.0.0.1:3001;", "    }");
    expect(at(text, "proxy-pass-resolver")).toEqual(["proxy-pass-resolver 8:24-8:52"]);
  });

  it("flags stream proxy_pass too, and names WebSocket locations", () => {
    const stream = conf("events {}", "stream {", "    map $ssl_preread_server_name $backend {", "        default backend.internal:9001;", "    }", "    server {", "        listen 9000;", "        proxy_pass $backend;", "    }", "}");
    expect(at(stream, "proxy-pass-resolver")).toEqual(["proxy-pass-resolver 8:20-8:28"]);
    const ws = GOOD.replace("http://127.0.0.1:3000", "http://app.internal:3000$request_uri");
    expect(only(ws, "proxy-pass-resolver")[0].message).toMatch(/^WebSocket location "\/ws\/" \(.*\): "proxy_pass http:\/\/app.internal:3000\$request_uri"/);
  });

  it("accepts a resolver in force, upstream names, IP addresses, unix sockets and implicit upstreams", () => {
    expect(at(location("http://api.example.com$request_uri", "    resolver 127.0.0.53;"), "proxy-pass-resolver")).toEqual([]);
    const inLocation = location("http://api.example.com$request_uri").replace("        location /api/ {", "        location /api/ {\n            resolver 127.0.0.11 valid=30s;");
    expect(at(inLocation, "proxy-pass-resolver")).toEqual([]);
    expect(at(location("http://chat$request_uri", "    upstream chat {", "        server 127.0.0.1:3001;", "    }"), "proxy-pass-resolver")).toEqual([]);
    expect(at(location("http://127.0.0.1:3000$request_uri"), "proxy-pass-resolver")).toEqual([]);
    expect(at(location("http://[::1]:3000$request_uri"), "proxy-pass-resolver")).toEqual([]);
    expect(at(location("http://unix:/run/app.sock:$request_uri"), "proxy-pass-resolver")).toEqual([]);
    const mapped = location("http://$backend", "    upstream ws_pool {", "        server 127.0.0.1:3001;", "    }", "    upstream web_pool {", "        server 127.0.0.1:3002;", "    }", "    map $http_upgrade $backend {", "        default ws_pool;", "        ''      web_pool;", "    }");
    expect(at(mapped, "proxy-pass-resolver")).toEqual([]);
    const set = location("http://$target").replace("        location /api/ {", "        location /api/ {\n            set $target 10.0.0.5:8080;");
    expect(at(set, "proxy-pass-resolver")).toEqual([]);
    // A static proxy_pass to localhost:3000 creates an implicit upstream the variable URL matches (seen: 200).
    const implicit = location("http://localhost:3000$request_uri").replace("        location /api/ {", "        location /static/ {\n            proxy_pass http://localhost:3000;\n        }\n        location /api/ {");
    expect(at(implicit, "proxy-pass-resolver")).toEqual([]);
    expect(at(location("$scheme://chat$request_uri", "    upstream chat {", "        server 127.0.0.1:3001;", "    }"), "proxy-pass-resolver")).toEqual([]);
  });

  it("says nothing when it cannot know the values (variables set by modules)", () => {
    expect(at(location("http://$target", '    js_set $target main.target;'), "proxy-pass-resolver", { ...V22, extraDirectives: ["js_set"] })).toEqual([]);
  });
});

describe("ssl-on-removed", () => {
  const text = conf("events {}", "http {", "    server {", "        listen 443;", "        ssl on;", "        ssl_certificate /etc/ssl/app.pem;", "        ssl_certificate_key /etc/ssl/app.key;", "    }", "}");

  it("is a warning before 1.25.1 and an error from it, at the directive", () => {
    expect(only(text, "ssl-on-removed", V22).map((p) => [positions([p])[0], p.severity])).toEqual([["ssl-on-removed 5:9-5:12", "warning"]]);
    expect(only(text, "ssl-on-removed", V22)[0].message).toBe('"ssl on" is deprecated since nginx 1.15.0 and removed in 1.25.1, where nginx -t fails; delete it and write "listen ... ssl" on the TLS listeners');
    expect(only(text, "ssl-on-removed", V29).map((p) => [positions([p])[0], p.severity])).toEqual([["ssl-on-removed 5:9-5:12", "error"]]);
    expect(only(text, "ssl-on-removed", V29)[0].message).toMatch(/^unknown directive "ssl": "ssl on" was removed in nginx 1\.25\.1 \(the target is 1\.29\.7\)/);
  });

  it("is info for targets older than 1.15.0, where ssl on was not yet deprecated", () => {
    expect(only(text, "ssl-on-removed", { nginxVersion: "1.14.2" }).map((p) => [p.severity, p.message])).toEqual([
      ["info", '"ssl on" is deprecated from nginx 1.15.0 and removed in 1.25.1, where nginx -t fails; delete it and write "listen ... ssl" on the TLS listeners'],
    ]);
  });

  it("is the only rule that reports the line", () => {
    expect(positions(lintText(text, V29)).filter((p) => p.includes(" 5:"))).toEqual(["ssl-on-removed 5:9-5:12"]);
    expect(positions(lintText(text, V22)).filter((p) => p.includes(" 5:"))).toEqual(["ssl-on-removed 5:9-5:12"]);
  });

  it("flags ssl off and mail's ssl too, and leaves listen ... ssl alone", () => {
    expect(at(text.replace("ssl on;", "ssl off;"), "ssl-on-removed", V29)).toEqual(["ssl-on-removed 5:9-5:12"]);
    const mail = conf("events {}", "mail {", "    server {", "        listen 993;", "        protocol imap;", "        ssl on;", "    }", "}");
    expect(at(mail, "ssl-on-removed")).toEqual(["ssl-on-removed 6:9-6:12"]);
    expect(at(text.replace("        listen 443;\n        ssl on;\n", "        listen 443 ssl;\n"), "ssl-on-removed")).toEqual([]);
  });
});

describe("http2-cleartext", () => {
  const server = (listen: string) => conf("events {}", "http {", "    server {", `        ${listen}`, "        location / {", "            root /srv/www;", "        }", "    }", "}");

  it("is an error before 1.25.1 and a deprecation warning from it, at the http2 word", () => {
    const text = server("listen 80 http2;");
    expect(only(text, "http2-cleartext", V22).map((p) => [positions([p])[0], p.severity])).toEqual([["http2-cleartext 4:19-4:24", "error"]]);
    expect(only(text, "http2-cleartext", V22)[0].message).toContain('every HTTP/1.1 client, WebSockets included, fails with "invalid connection preface"');
    expect(only(text, "http2-cleartext", V29).map((p) => [positions([p])[0], p.severity])).toEqual([["http2-cleartext 4:19-4:24", "warning"]]);
    expect(only(text, "http2-cleartext", V29)[0].message).toContain('deprecated since nginx 1.25.1 (the target is 1.29.7); remove "http2" from the listen and write "http2 on;"');
    expect(at(server("listen [::]:80 default_server http2;"), "http2-cleartext")).toEqual(["http2-cleartext 4:39-4:44"]);
  });

  it("accepts http2 with ssl, and listens under ssl on", () => {
    const tls = (listen: string) => server(listen).replace("        location / {", "        ssl_certificate /etc/ssl/app.pem;\n        ssl_certificate_key /etc/ssl/app.key;\n        location / {");
    expect(at(tls("listen 443 ssl http2;"), "http2-cleartext")).toEqual([]);
    expect(at(tls("listen 443 http2;\n        ssl on;"), "http2-cleartext")).toEqual([]);
    expect(at(server("listen 80;"), "http2-cleartext")).toEqual([]);
  });
});

describe("limit-conn-missing", () => {
  const without = GOOD.replace("            limit_conn sockets 20;\n", "");

  it("flags a WebSocket location with no limit_conn in force, at the location, as info", () => {
    expect(at(without, "limit-conn-missing")).toEqual(["limit-conn-missing 19:9-19:17"]);
    const [problem] = only(without, "limit-conn-missing");
    expect(problem.severity).toBe("info");
    expect(problem.message).toMatch(/^WebSocket location "\/ws\/" \(.*\) has no limit_conn in force: an open socket holds its connection for its whole life/);
    const elsewhere = without.replace("        location /ws/ {", "        location /upload/ {\n            limit_conn sockets 1;\n        }\n        location /ws/ {");
    expect(at(elsewhere, "limit-conn-missing")).toEqual(["limit-conn-missing 22:9-22:17"]);
  });

  it("accepts limit_conn in the location, the server or http, and ignores weak names", () => {
    expect(at(GOOD, "limit-conn-missing")).toEqual([]);
    expect(at(without.replace("        listen 443 ssl;", "        listen 443 ssl;\n        limit_conn sockets 20;"), "limit-conn-missing")).toEqual([]);
    expect(at(without.replace("zone=sockets:10m;", "zone=sockets:10m;\n    limit_conn sockets 20;"), "limit-conn-missing")).toEqual([]);
    const weak = conf("events {}", "http {", "    server {", "        location /live {", "            proxy_pass http://127.0.0.1:4000;", "        }", "    }", "}");
    expect(at(weak, "limit-conn-missing")).toEqual([]);
  });
});

describe("forwarded-for-spoofable", () => {
  const location = (header: string, ...extra: string[]) => conf("events {}", "http {", ...extra, "    server {", "        location /api/ {", "            proxy_pass http://127.0.0.1:3000;", `            proxy_set_header ${header};`, "        }", "    }", "}");

  it("flags $proxy_add_x_forwarded_for without realip, at the value, as info", () => {
    const text = location("X-Forwarded-For $proxy_add_x_forwarded_for");
    expect(at(text, "forwarded-for-spoofable")).toEqual(["forwarded-for-spoofable 6:46-6:72"]);
    expect(only(text, "forwarded-for-spoofable")[0].severity).toBe("info");
    expect(at(location("x-forwarded-for $proxy_add_x_forwarded_for"), "forwarded-for-spoofable")).toEqual(["forwarded-for-spoofable 6:46-6:72"]);
    const server = conf("events {}", "http {", "    server {", "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", "        location / {", "            proxy_pass http://127.0.0.1:3000;", "        }", "    }", "}");
    expect(at(server, "forwarded-for-spoofable")).toEqual(["forwarded-for-spoofable 4:42-4:68"]);
  });

  it("accepts $remote_addr and any realip configuration in force", () => {
    expect(at(location("X-Forwarded-For $remote_addr"), "forwarded-for-spoofable")).toEqual([]);
    expect(at(location("X-Forwarded-For $proxy_add_x_forwarded_for", "    set_real_ip_from 10.0.0.0/8;", "    real_ip_header X-Forwarded-For;"), "forwarded-for-spoofable")).toEqual([]);
    expect(at(location("X-Forwarded-For $proxy_add_x_forwarded_for", "    set_real_ip_from 173.245.48.0/20;"), "forwarded-for-spoofable")).toEqual([]);
  });
});

describe("host-header-port", () => {
  const withHost = (value: string, listen = "listen 8443 ssl;") =>
    GOOD.replace("        listen 443 ssl;", `        ${listen}`).replace("            proxy_set_header Upgrade", `            proxy_set_header Host ${value};\n            proxy_set_header Upgrade`);

  it("flags Host $host on a non-default port, at the value, as info", () => {
    const text = withHost("$host");
    expect(at(text, "host-header-port")).toEqual(["host-header-port 26:35-26:40"]);
    const [problem] = only(text, "host-header-port");
    expect(problem.severity).toBe("info");
    expect(problem.message).toMatch(/^WebSocket location "\/ws\/" \(.*\) sends "Host \$host", which drops the port, while its server listens on port 8443 \(line 15\): .*\$http_host/);
    expect(at(withHost("$host", "listen 443 ssl;\n        listen 8443 ssl;"), "host-header-port")).toEqual(["host-header-port 27:35-27:40"]);
  });

  it("accepts default ports, $http_host, and weak names", () => {
    expect(at(withHost("$host", "listen 443 ssl;"), "host-header-port")).toEqual([]);
    expect(at(withHost("$host", "listen 443 ssl;\n        listen [::]:443 ssl;"), "host-header-port")).toEqual([]);
    expect(at(withHost("$http_host"), "host-header-port")).toEqual([]);
    expect(at(withHost("$host:$server_port"), "host-header-port")).toEqual([]);
    const weak = conf("events {}", "http {", "    server {", "        listen 8080;", "        location /graphql {", "            proxy_pass http://127.0.0.1:4000;", "            proxy_set_header Host $host;", "        }", "    }", "}");
    expect(at(weak, "host-header-port")).toEqual([]);
  });
});

describe("tls-protocols", () => {
  const server = (protocols: string) => conf("events {}", "http {", "    server {", "        listen 443 ssl;", "        ssl_certificate /etc/ssl/app.pem;", "        ssl_certificate_key /etc/ssl/app.key;", `        ssl_protocols ${protocols};`, "    }", "}");

  it("flags SSLv2, SSLv3, TLSv1 and TLSv1.1, from the first to the last weak one", () => {
    expect(at(server("TLSv1 TLSv1.1 TLSv1.2"), "tls-protocols")).toEqual(["tls-protocols 7:23-7:36"]);
    expect(only(server("TLSv1 TLSv1.1 TLSv1.2"), "tls-protocols")[0].message).toBe('ssl_protocols enables TLSv1, TLSv1.1, which are obsolete and weak (RFC 8996); allow only "TLSv1.2 TLSv1.3"');
    expect(at(server("TLSv1.2 sslv3"), "tls-protocols")).toEqual(["tls-protocols 7:31-7:36"]);
    const http = conf("events {}", "http {", "    ssl_protocols SSLv2 TLSv1.2;", "    server {", "        listen 443 ssl;", ...TLS, "    }", "}");
    expect(at(http, "tls-protocols")).toEqual(["tls-protocols 3:19-3:24"]);
    const sslOn = conf("events {}", "http {", "    ssl_protocols TLSv1;", "    server {", "        listen 443;", "        ssl on;", ...TLS, "    }", "}");
    expect(at(sslOn, "tls-protocols")).toEqual(["tls-protocols 3:19-3:24"]);
  });

  it("reports an http-level or server-level value only where a TLS server has it in force", () => {
    const cleartext = (line: string) => conf("events {}", "http {", "    server {", "        listen 80;", line, "    }", "}");
    expect(at(cleartext("        ssl_protocols TLSv1 TLSv1.2;"), "tls-protocols")).toEqual([]);
    const overridden = conf("events {}", "http {", "    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;", "    server {", "        listen 443 ssl;", ...TLS, "        ssl_protocols TLSv1.2 TLSv1.3;", "    }", "    server {", "        listen 80;", "    }", "}");
    expect(at(overridden, "tls-protocols")).toEqual([]);
    expect(at(conf("events {}", "http {", "    ssl_protocols SSLv3 TLSv1.2;", "}"), "tls-protocols")).toEqual([]);
    // A snippet with no servers: its includer is unknown, so the value is reported.
    expect(at(conf("ssl_protocols TLSv1 TLSv1.2;"), "tls-protocols")).toEqual(["tls-protocols 1:15-1:20"]);
  });

  it("accepts TLSv1.2 and TLSv1.3, and does not flag the version default", () => {
    expect(at(server("TLSv1.2 TLSv1.3"), "tls-protocols")).toEqual([]);
    expect(at(server("TLSv1.3"), "tls-protocols")).toEqual([]);
    expect(at(GOOD, "tls-protocols")).toEqual([]);
  });
});

describe("proxy-ssl-server-name", () => {
  const location = (pass: string, ...extra: string[]) => conf("events {}", "http {", "    server {", "        location /api/ {", `            proxy_pass ${pass};`, ...extra, "        }", "    }", "}");

  it("flags https to a host name without proxy_ssl_server_name on, at the URL", () => {
    expect(at(location("https://api.example.com"), "proxy-ssl-server-name")).toEqual(["proxy-ssl-server-name 5:24-5:47"]);
    expect(only(location("https://api.example.com"), "proxy-ssl-server-name")[0].severity).toBe("warning");
    expect(at(location("https://api.example.com", "            proxy_ssl_server_name off;"), "proxy-ssl-server-name")).toEqual(["proxy-ssl-server-name 5:24-5:47"]);
    const upstream = location("https://backend").replace("    server {", "    upstream backend {\n        server app1.internal:443;\n    }\n    server {");
    expect(at(upstream, "proxy-ssl-server-name")).toEqual(["proxy-ssl-server-name 8:24-8:39"]);
    expect(only(upstream, "proxy-ssl-server-name")[0].message).toContain('"proxy_ssl_name <backend name>;", or the upstream name "backend" is sent');
  });

  it("accepts proxy_ssl_server_name on in force, IP addresses, localhost, upstreams of addresses, variables and http", () => {
    expect(at(location("https://api.example.com", "            proxy_ssl_server_name on;"), "proxy-ssl-server-name")).toEqual([]);
    expect(at(location("https://api.example.com").replace("http {", "http {\n    proxy_ssl_server_name on;"), "proxy-ssl-server-name")).toEqual([]);
    expect(at(location("https://10.0.0.5:8443"), "proxy-ssl-server-name")).toEqual([]);
    expect(at(location("https://localhost:8443"), "proxy-ssl-server-name")).toEqual([]);
    expect(at(location("https://backend").replace("    server {", "    upstream backend {\n        server 10.0.0.5:443;\n        server 10.0.0.6:443;\n    }\n    server {"), "proxy-ssl-server-name")).toEqual([]);
    expect(at(location("https://$api_host", "            resolver 127.0.0.53;").replace("    server {", "    map $uri $api_host {\n        default api.example.com;\n    }\n    server {"), "proxy-ssl-server-name")).toEqual([]);
    expect(at(location("http://api.example.com"), "proxy-ssl-server-name")).toEqual([]);
  });
});

describe("worker-connections-low", () => {
  it("flags the default 512 at events and a low value at its argument, as info", () => {
    const text = GOOD.replace("events {\n    worker_connections 1024;\n}", "events {}");
    expect(at(text, "worker-connections-low")).toEqual(["worker-connections-low 1:1-1:7"]);
    const [problem] = only(text, "worker-connections-low");
    expect(problem.severity).toBe("info");
    expect(problem.message).toBe('The default worker_connections of 512 is under 1024 in a config that proxies WebSockets: each proxied WebSocket uses two connections (client and backend), so a worker carries at most about 256 concurrent sockets; raise it (e.g. "worker_connections 4096;") together with worker_rlimit_nofile');
    expect(at(GOOD.replace("worker_connections 1024;", "worker_connections 768;"), "worker-connections-low")).toEqual(["worker-connections-low 2:24-2:27"]);
  });

  it("takes its minimum from the rule's options", () => {
    const options: LintOptions = { ...V22, rules: { "worker-connections-low": ["info", { minimum: 4096 }] } };
    expect(at(GOOD, "worker-connections-low", options)).toEqual(["worker-connections-low 2:24-2:28"]);
  });

  it("leaves configs without (strong) WebSocket locations, and snippets, alone", () => {
    expect(at(GOOD, "worker-connections-low")).toEqual([]);
    const plain = conf("events {}", "http {", "    server {", "        location / {", "            proxy_pass http://127.0.0.1:3000;", "        }", "    }", "}");
    expect(at(plain, "worker-connections-low")).toEqual([]);
    const weak = plain.replace("location / {", "location /graphql {");
    expect(at(weak, "worker-connections-low")).toEqual([]);
    const snippet = conf("location /ws/ {", "    proxy_pass http://127.0.0.1:3000;", "    proxy_set_header Upgrade $http_upgrade;", "}");
    expect(at(snippet, "worker-connections-low", { ...V22, context: "server" })).toEqual([]);
  });
});

describe("realistic configs get exactly the findings true of them", () => {
  it("a production chat app: redirect server, TLS, balanced sockets with ip_hash and keepalive, includes", () => {
    const snippet = conf(
      "proxy_http_version 1.1;",
      "proxy_set_header Host $host;",
      "proxy_set_header X-Real-IP $remote_addr;",
      "proxy_set_header X-Forwarded-For $remote_addr;",
      "proxy_set_header X-Forwarded-Proto $scheme;",
      "proxy_set_header Upgrade $http_upgrade;",
      "proxy_set_header Connection $connection_upgrade;",
    );
    const text = conf(
      "user www-data;",
      "worker_processes auto;",
      "events {",
      "    worker_connections 4096;",
      "}",
      "http {",
      "    map $http_upgrade $connection_upgrade {",
      "        default upgrade;",
      "        ''      \"\";",
      "    }",
      "    map $http_origin $origin_ok {",
      "        default                    0;",
      "        ''                         1;",
      "        \"https://chat.example.com\" 1;",
      "    }",
      "    limit_conn_zone $binary_remote_addr zone=sockets:10m;",
      "    ssl_protocols TLSv1.2 TLSv1.3;",
      "    upstream chat {",
      "        ip_hash;",
      "        server 10.0.0.11:3000;",
      "        server 10.0.0.12:3000;",
      "        keepalive 32;",
      "    }",
      "    server {",
      "        listen 80;",
      "        listen [::]:80;",
      "        server_name chat.example.com;",
      "        location /.well-known/acme-challenge/ {",
      "            root /var/www/letsencrypt;",
      "        }",
      "        location / {",
      "            return 301 https://$host$request_uri;",
      "        }",
      "    }",
      "    server {",
      "        listen 443 ssl http2;",
      "        listen [::]:443 ssl http2;",
      "        server_name chat.example.com;",
      "        ssl_certificate /etc/letsencrypt/live/chat.example.com/fullchain.pem;",
      "        ssl_certificate_key /etc/letsencrypt/live/chat.example.com/privkey.pem;",
      "        location / {",
      "            root /var/www/chat;",
      "            try_files $uri /index.html;",
      "        }",
      "        location /socket.io/ {",
      "            if ($origin_ok = 0) {",
      "                return 403;",
      "            }",
      "            limit_conn sockets 50;",
      "            proxy_pass http://chat;",
      "            include /example/snippets/ws-proxy.conf;",
      "            proxy_read_timeout 1h;",
      "        }",
      "    }",
      "}",
    );
    const more = { "/example/snippets/ws-proxy.conf": snippet };
    expect(positions(lintText(text, V22, more))).toEqual([]);
    expect(positions(lintText(text, V29, more))).toEqual([]);
  });

  it("a tutorial config: the advisories that are true of it, and nothing else", () => {
    const text = conf(
      "events {}", //                                                                   1
      "http {",
      "    map $http_upgrade $connection_upgrade {",
      "        default upgrade;",
      "        ''      close;", //                                                      5
      "    }",
      "    upstream websocket {",
      "        server 127.0.0.1:8010;",
      "    }",
      "    server {", //                                                                10
      "        listen 443 ssl;",
      "        server_name ws.example.com;",
      "        ssl_certificate /etc/ssl/ws.pem;",
      "        ssl_certificate_key /etc/ssl/ws.key;",
      "        location /ws/ {", //                                                     15
      "            proxy_pass http://websocket;",
      "            proxy_http_version 1.1;",
      "            proxy_set_header Upgrade $http_upgrade;",
      "            proxy_set_header Connection $connection_upgrade;",
      "            proxy_set_header Host $host;", //                                    20
      "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
      "            proxy_read_timeout 86400;",
      "        }",
      "    }",
      "}",
    );
    expect(mine(text)).toEqual([
      "worker-connections-low 1:1-1:7",
      "limit-conn-missing 15:9-15:17",
      "origin-check 15:9-15:17",
      "forwarded-for-spoofable 21:46-21:72",
    ]);
    expect(lintText(text, V22).filter((p) => p.severity !== "info").map((p) => p.ruleId)).toEqual([]);
    // On 1.29.7 the upstream keeps connections by default, and the tutorial's '' close defeats it.
    expect(mine(text, V29)).toContain("keepalive-connection-close 5:17-5:22");
  });

  it("a Docker setup: resolver and set for late binding, plain HTTP behind a TLS-terminating proxy on loopback", () => {
    const text = conf(
      "events {",
      "    worker_connections 2048;",
      "}",
      "http {",
      "    map $http_upgrade $connection_upgrade {",
      "        default upgrade;",
      "        ''      close;",
      "    }",
      "    map $http_origin $origin_ok {",
      "        default                   0;",
      "        \"https://app.example.com\" 1;",
      "    }",
      "    limit_conn_zone $binary_remote_addr zone=sockets:10m;",
      "    set_real_ip_from 127.0.0.1;",
      "    real_ip_header X-Forwarded-For;",
      "    server {",
      "        listen 127.0.0.1:8080;",
      "        resolver 127.0.0.11 valid=10s;",
      "        location /cable {",
      "            if ($origin_ok = 0) {",
      "                return 403;",
      "            }",
      "            limit_conn sockets 10;",
      "            set $app app:3000;",
      "            proxy_pass http://$app;",
      "            proxy_http_version 1.1;",
      "            proxy_set_header Upgrade $http_upgrade;",
      "            proxy_set_header Connection $connection_upgrade;",
      "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
      "            proxy_read_timeout 1h;",
      "        }",
      "    }",
      "}",
    );
    expect(positions(lintText(text, V22))).toEqual([]);
    expect(positions(lintText(text, V29))).toEqual([]);
  });
});

/** Applies a problem's fix edits to the text, last first so offsets stay valid. */
function applyEdits(text: string, problem: Problem): string {
  let out = text;
  for (const e of [...(problem.fix?.edits ?? [])].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
