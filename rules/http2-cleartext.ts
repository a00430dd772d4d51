// Flags `listen ... http2` without `ssl`: before nginx 1.25.1 such a port speaks only HTTP/2, and HTTP/1.1 fails.
import { defineRule } from "../src/engine/rule.js";
import { enclosingServer, parseListen, sslOnInForce } from "../src/model/listen.js";
import { listenSocket } from "../src/model/listen-socket.js";
import { atLeast } from "../src/model/version.js";
import type { ConfigNode } from "../src/workspace/tree.js";

// From 1.25.1 a cleartext HTTP/2 port sniffs the client preface and falls back to HTTP/1.x
// (src/http/ngx_http_request.c, ngx_http_wait_request_handler); before, it is HTTP/2 only (1.24.0 code).
const SNIFFS_FROM = "1.25.1";

export default defineRule({
  meta: {
    id: "http2-cleartext",
    type: "problem",
    severity: "error",
    verifiedOn: "1.22.1",
    docs: {
      summary: "A `listen ... http2` without `ssl`: before nginx 1.25.1 the port speaks only HTTP/2, so HTTP/1.1 clients and WebSockets fail.",
      why: "Browsers use HTTP/2 only over TLS (ALPN) and open WebSockets with HTTP/1.1. Before nginx 1.25.1 a cleartext `listen ... http2` port expects the HTTP/2 preface from every client: HTTP/1.1 requests, WebSocket handshakes included, are dropped (`invalid connection preface` in the log, seen on 1.22). From 1.25.1 nginx detects the preface and serves HTTP/1.1 too, but the `http2` listen parameter is deprecated in favour of `http2 on;`.",
      fix: "Remove `http2` from the cleartext listen (or add `ssl` and a certificate); from nginx 1.25.1 write `http2 on;` in the server instead of the listen parameter.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        listen 8080 http2;\n        location / {\n            root /srv/www;\n        }\n    }\n}\n"],
      good: ["events {}\nhttp {\n    server {\n        listen 8080;\n        location / {\n            root /srv/www;\n        }\n    }\n}\n"],
    },
  },
  visits: ["listen"],
  visit(node, ctx) {
    if (node.context !== "server") return;
    const listen = parseListen(node);
    if (!listen?.http2 || listen.ssl || listen.quic) return;
    const server = enclosingServer(node);
    if (server && sslOnInForce(server)) return;
    // Another server's `listen ... ssl` on the same address makes it TLS for every server there.
    const address = listenSocket(node)?.address;
    if (server?.parent && address && tlsAddresses(server.parent).has(address)) return;
    const target = ctx.model.nginxVersion;
    const sniffs = atLeast(target, SNIFFS_FROM);
    ctx.report({
      node,
      range: listen.http2.range,
      severity: sniffs ? "warning" : "error",
      message: sniffs
        ? `"listen ${node.directive.args[0].value} http2" without ssl is deprecated since nginx 1.25.1 (the target is ${target.text}); remove "http2" from the listen and write "http2 on;" in the server`
        : `"listen ${node.directive.args[0].value} http2" without ssl makes the port HTTP/2 only before nginx 1.25.1 (the target is ${target.text}): every HTTP/1.1 client, WebSockets included, fails with "invalid connection preface"; remove "http2" from this listen, or add "ssl"`,
    });
  },
});

/** The addresses some `listen ... ssl` in the http block makes TLS, as nginx prints them; computed once per block. */
function tlsAddresses(http: ConfigNode): Set<string> {
  let found = tlsByHttp.get(http);
  if (!found) {
    found = new Set();
    for (const server of http.children) {
      if (server.name !== "server") continue;
      for (const listen of server.children) {
        const address = listen.name === "listen" && parseListen(listen)?.ssl ? listenSocket(listen)?.address : undefined;
        if (address) found.add(address);
      }
    }
    tlsByHttp.set(http, found);
  }
  return found;
}

const tlsByHttp = new WeakMap<ConfigNode, Set<string>>();
