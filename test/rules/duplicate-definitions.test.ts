// duplicate-directive beyond once-per-block directives: what nginx 1.22.1 rejects as duplicate locations, upstreams,
// map entries and listen sockets, at the line nginx names, and the close forms it accepts (each seen with nginx -t).
import { describe, expect, it } from "vitest";
import type { LintOptions } from "../../src/engine/lint.js";
import { lintText, positions } from "../support/lint-text.js";

const V22: LintOptions = { nginxVersion: "1.22.1" };
const RULE = "duplicate-directive";

/** `events {}`, then `http {` on line 2, the given lines from line 3, and `}`. */
const http = (...lines: string[]): string => ["events {}", "http {", ...lines, "}", ""].join("\n");
const stream = (...lines: string[]): string => ["events {}", "stream {", ...lines, "}", ""].join("\n");
const found = (text: string, more: Record<string, string> = {}) => lintText(text, V22, more).filter((p) => p.ruleId === RULE);
const at = (text: string, more: Record<string, string> = {}): string[] => positions(found(text, more));
const messages = (text: string): string[] => found(text).map((p) => p.message);

describe("duplicate locations", () => {
  it('reports the second prefix location of a name, on the line of its "{" (nginx: duplicate location "/ws/")', () => {
    const text = http("    server {", "        location /ws/ { }", "        location", "            /ws/", "        {", "        }", "    }");
    expect(at(text)).toEqual(["duplicate-directive 5:9-7:9"]);
    expect(messages(text)[0]).toMatch(/^duplicate location "\/ws\/" \(first at line 4\): /);
    expect(found(text)[0].related?.[0].range.start.line).toBe(4);
  });

  it('takes "^~ /ws/" and "/ws/" for one prefix location, and "=/ws/" and "= /ws/" for one exact location', () => {
    expect(at(http("    server {", "        location /ws/ { }", "        location ^~ /ws/ { }", "    }"))).toEqual(["duplicate-directive 5:9-5:26"]);
    expect(at(http("    server {", "        location = /ws/ { }", "        location =/ws/ { }", "    }"))).toEqual(["duplicate-directive 5:9-5:24"]);
    expect(at(http("    server {", "        location ^~/ws/ { }", "        location ^~ /ws/ { }", "    }"))).toEqual(["duplicate-directive 5:9-5:26"]);
  });

  it("reports nested duplicates in their own block, and the later of two of the same kind among three", () => {
    expect(at(http("    server {", "        location /a {", "            location /a/b { }", "            location /a/b { }", "        }", "    }"))).toEqual([
      "duplicate-directive 6:13-6:27",
    ]);
    expect(at(http("    server {", "        location /ws/ { }", "        location = /ws/ { }", "        location ^~ /ws/ { }", "    }"))).toEqual([
      "duplicate-directive 6:9-6:26",
    ]);
  });

  it("accepts what nginx accepts: exact beside prefix, regex and named twice, case differences, other blocks", () => {
    const text = http(
      "    server {",
      "        location = /ws/ { }",
      "        location /ws/ { }",
      "        location ~ ^/ws/ { }",
      "        location ~ ^/ws/ { }",
      "        location ~* ^/ws/ { }",
      "        location ~* ^/ws/ { }",
      "        location @ws { }",
      "        location @ws { }",
      "        location /WS/ { }",
      "        location /a { location /a/b { } }",
      "        location /b { }",
      "    }",
      "    server {",
      "        location /ws/ { }",
      "    }",
    );
    expect(at(text)).toEqual([]);
  });

  it("compares the locations an include brings into the block", () => {
    const text = http("    server {", "        location /ws/ { }", "        include ws.conf;", "    }");
    const problems = found(text, { "/example/ws.conf": "location /ws/ {\n}\n" });
    expect(problems.map((p) => `${p.file}:${p.range.start.line}-${p.range.end.line}`)).toEqual(["/example/ws.conf:1-1"]);
    expect(problems[0].message).toContain("(first at /example/nginx.conf:4)");
  });
});

describe("duplicate upstreams", () => {
  it('reports the second upstream of a name, ignoring case, on its "{" line (nginx: duplicate upstream "APP")', () => {
    const text = http("    upstream app { server 127.0.0.1:9000; }", "    upstream APP", "    { server 127.0.0.1:9001; }");
    expect(at(text)).toEqual(["duplicate-directive 4:5-5:5"]);
    expect(messages(text)[0]).toMatch(/^duplicate upstream "APP" \(first at line 3; /);
  });

  it("reports stream upstreams among themselves, and leaves an http and a stream upstream of one name alone", () => {
    const text = [
      "events {}",
      "stream {",
      "    upstream db { server 127.0.0.1:5432; }",
      "    upstream DB { server 127.0.0.1:5433; }",
      "}",
      "http {",
      "    upstream db { server 127.0.0.1:5432; }",
      "    upstream app { server 127.0.0.1:9000; }",
      "}",
      "",
    ].join("\n");
    expect(at(text)).toEqual(["duplicate-directive 4:5-4:17"]);
  });
});

describe("duplicate map entries", () => {
  const map = (...entries: string[]): string =>
    http("    map $http_upgrade $connection_upgrade {", ...entries.map((e) => `        ${e}`), "    }", '    server { listen 127.0.0.1:8080; location / { return 200 "$connection_upgrade"; } }');

  it("reports a second default, quoted or not (nginx: duplicate default map parameter), on the entry's ; line", () => {
    expect(at(map("default upgrade;", "'' close;", "default close;"))).toEqual(["duplicate-directive 6:9-6:23"]);
    expect(at(map("default upgrade;", '"default" close;'))).toEqual(["duplicate-directive 5:9-5:25"]);
    expect(messages(map("default upgrade;", "default close;"))[0]).toMatch(/^duplicate default map parameter \(first at line 4\)/);
    // `\default` is the string key "default", not a second default; `DEFAULT` is that key again.
    expect(at(map("default upgrade;", "\\default close;", "other x;"))).toEqual([]);
    expect(messages(map("default upgrade;", "\\default close;", "DEFAULT x;"))).toEqual([
      'conflicting parameter "default": the map already has this key at line 5 (nginx compares keys ignoring case); keep one of the two',
    ]);
  });

  it('reports a key twice, ignoring case, in nginx\'s lower case (nginx: conflicting parameter "websocket")', () => {
    const text = map("WebSocket upgrade;", "websocket", "    close", ";");
    expect(at(text)).toEqual(["duplicate-directive 5:9-7:10"]);
    expect(messages(text)[0]).toMatch(/^conflicting parameter "websocket": the map already has this key at line 4 /);
    expect(at(map("'' a;", '"" b;'))).toEqual(["duplicate-directive 5:9-5:14"]);
    expect(at(map("\\x 1;", "x 2;"))).toEqual(["duplicate-directive 5:9-5:13"]);
    expect(messages(map("\\~a 1;", "\\~a 2;"))[0]).toMatch(/^conflicting parameter "~a"/);
  });

  it("leaves regex keys alone, and an escaped key beside the regex it looks like", () => {
    expect(at(map("~^a 1;", "~^a 2;", "~*^a 3;", "\\~a 4;", "~a 5;"))).toEqual([]);
  });

  it("after hostnames, compares .example.com with *.example.com and example.com, and tails with tails", () => {
    expect(at(map("hostnames;", "*.example.com 1;", ".example.com 2;"))).toEqual(["duplicate-directive 6:9-6:24"]);
    expect(at(map("hostnames;", "example.com 1;", ".example.com 2;"))).toEqual(["duplicate-directive 6:9-6:24"]);
    expect(at(map("hostnames;", ".example.com 1;", "example.com 2;"))).toEqual(["duplicate-directive 6:9-6:23"]);
    expect(messages(map("hostnames;", "www.example.* 1;", "WWW.example.* 2;"))[0]).toMatch(/^conflicting parameter "www.example.\*"/);
    expect(at(map("hostnames;", "*.example.com 1;", "example.com 2;", "www.example.* 3;", "www.example.com 4;"))).toEqual([]);
    // Without hostnames, ".example.com" is just a string.
    expect(at(map(".example.com 1;", "example.com 2;"))).toEqual([]);
  });

  it("compares entries an include brings in, and does the same in stream", () => {
    const text = map("default upgrade;", "include more.conf;");
    expect(found(text, { "/example/more.conf": "default close;\n" }).map((p) => `${p.file}:${p.range.start.line}`)).toEqual(["/example/more.conf:1"]);
    const streamMap = stream("    map $remote_addr $x {", "        a 1;", "        A 2;", "    }", "    server { listen 127.0.0.1:15432; proxy_pass 127.0.0.1:1; }");
    expect(at(streamMap)).toEqual(["duplicate-directive 5:9-5:13"]);
  });
});

describe("listen sockets shared by servers", () => {
  const servers = (...listens: string[]): string => http(...listens.map((l) => `    server { ${l} }`));

  it("reports a second default server on one address:port, as nginx normalises addresses", () => {
    expect(at(servers("listen 8088 default_server;", "listen *:8088 default;"))).toEqual(["duplicate-directive 4:14-4:36"]);
    expect(messages(servers("listen 8088 default_server;", "listen 0.0.0.0:8088 default_server;"))[0]).toMatch(
      /^a duplicate default server for 0\.0\.0\.0:8088: /,
    );
    expect(messages(servers("listen [::]:8088 default_server;", "listen [0::0]:8088 default_server;"))[0]).toMatch(/^a duplicate default server for \[::\]:8088: /);
    expect(messages(servers("listen 127.0.0.1 default_server;", "listen 127.000.0.1:80 default_server;"))[0]).toMatch(
      /^a duplicate default server for 127\.0\.0\.1:80: /,
    );
    expect(at(servers("listen unix:/run/a.sock default_server;", "listen unix:/run/a.sock default_server;"))).toEqual(["duplicate-directive 4:14-4:53"]);
  });

  it("reports the listen's whole statement, so the line nginx names (the ;) is in it", () => {
    expect(at(servers("listen 8088 default_server;", "listen\n        8088\n        default_server\n        ;"))).toEqual(["duplicate-directive 4:14-7:10"]);
  });

  it("leaves distinct sockets alone: a wildcard and a specific address, IPv4 and IPv6, one default", () => {
    expect(at(servers("listen 8088 default_server;", "listen 127.0.0.1:8088 default_server;", "listen [::]:8088 default_server;", "listen 8088;"))).toEqual([]);
    // wslint does not resolve names: localhost might be more than 127.0.0.1.
    expect(at(servers("listen localhost:8088 default_server;", "listen 127.0.0.1:8088 default_server;"))).toEqual([]);
  });

  it("reports socket options given twice to one address:port (nginx: duplicate listen options for ...)", () => {
    for (const option of ["bind", "backlog=100", "rcvbuf=64k", "sndbuf=64k", "deferred", "reuseport", "so_keepalive=on", "fastopen=10", "ipv6only=on"]) {
      const text = servers(`listen 127.0.0.1:8088 ${option};`, "listen 127.0.0.1:8088;", "listen 127.0.0.1:8088 bind;");
      expect(at(text), option).toEqual(["duplicate-directive 5:14-5:41"]);
      expect(messages(text)[0]).toMatch(/^duplicate listen options for 127\.0\.0\.1:8088: "bind" sets socket options/);
    }
    // Options win over default_server: nginx checks them first.
    expect(messages(servers("listen 8088 reuseport default_server;", "listen 8088 backlog=5 default_server;"))[0]).toMatch(/^duplicate listen options/);
  });

  it("leaves parameters that are not socket options alone, and options on distinct addresses", () => {
    expect(at(servers("listen 127.0.0.1:8088 reuseport;", "listen 127.0.0.1:8088 http2 proxy_protocol;", "listen 8088 reuseport;"))).toEqual([]);
    expect(at(servers("listen 127.0.0.1:8088 accept_filter=dataready;", "listen 127.0.0.1:8088 accept_filter=dataready;"))).toEqual([]);
  });

  it("reports one server listening twice on one address:port (nginx: a duplicate listen 0.0.0.0:8088)", () => {
    const text = http("    server {", "        listen 8088;", "        listen *:8088;", "    }");
    expect(at(text)).toEqual(["duplicate-directive 5:9-5:23"]);
    expect(messages(text)[0]).toMatch(/^a duplicate listen 0\.0\.0\.0:8088: this server already listens on it at line 4/);
    expect(at(http("    server {", "        listen 127.0.0.1:8088;", "        listen 8088;", "    }"))).toEqual([]);
    // HTTP/3 (nginx 1.25+): a QUIC listener is a UDP socket beside the TCP one.
    const h3 = http("    server {", "        listen 443 quic reuseport;", "        listen 443 ssl reuseport;", "    }", "    server {", "        listen 443 quic;", "    }");
    expect(positions(lintText(h3, { nginxVersion: "1.25.5" }), RULE)).toEqual([]);
  });

  it('reports a stream address:port taken twice, TCP and UDP apart (nginx: duplicate "0.0.0.0:15432" address and port pair)', () => {
    const text = stream(
      "    server { listen 15432; proxy_pass 127.0.0.1:1; }",
      "    server { listen *:15432; proxy_pass 127.0.0.1:1; }",
      "    server { listen 15432 udp; proxy_pass 127.0.0.1:1; }",
      "    server { listen 127.0.0.1:15432; proxy_pass 127.0.0.1:1; }",
    );
    expect(at(text)).toEqual(["duplicate-directive 4:14-4:29"]);
    expect(messages(text)[0]).toMatch(/^duplicate "0\.0\.0\.0:15432" address and port pair \(also at line 3\)/);
  });

  it("treats a server snippet's top level as one server", () => {
    const snippet = "# wslint: context server\nlisten 8088;\nlisten *:8088;\n";
    expect(positions(lintText(snippet, V22), RULE)).toEqual(["duplicate-directive 3:1-3:15"]);
  });
});
