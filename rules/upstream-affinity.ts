// Flags WebSocket locations balanced over several servers with nothing that keeps a client on one of them.
import { defineRule } from "../src/engine/rule.js";
import { describeWebSocket, isWeak, type WebSocketLocation } from "../src/model/websocket.js";
import { lineReference } from "../src/workspace/tree.js";

/** Methods that send a client to the same server again (sticky: NGINX Plus, or the nginx-sticky module). */
const AFFINITY = new Set(["ip_hash", "hash", "sticky"]);
/** Methods an operator picks on purpose: with one of them, only a protocol known to need affinity is flagged. */
const CHOSEN = new Set(["least_conn", "random", "least_time"]);
/** Protocols whose sessions span several requests (long-polling, negotiate, then upgrade). */
const MULTI_REQUEST = /socket\.io|engine\.io|sockjs|signalr|(^|[^a-z0-9])hubs?([^a-z0-9]|$)/i;

const WS_TLS_HEAD = "events {\n    worker_connections 1024;\n}\nhttp {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      close;\n    }\n    map $http_origin $origin_ok {\n        default                    0;\n        ''                         1;  # long-polling GETs send no Origin\n        \"https://chat.example.com\" 1;\n    }\n    limit_conn_zone $binary_remote_addr zone=sockets:10m;\n";
const WS_SERVER = "    server {\n        listen 443 ssl;\n        server_name chat.example.com;\n        ssl_certificate /etc/ssl/chat.pem;\n        ssl_certificate_key /etc/ssl/chat.key;\n        location /socket.io/ {\n            if ($origin_ok = 0) {\n                return 403;\n            }\n            limit_conn sockets 20;\n            proxy_pass http://chat;\n            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection $connection_upgrade;\n            proxy_read_timeout 1h;\n        }\n    }\n}\n";

export default defineRule({
  meta: {
    id: "upstream-affinity",
    type: "problem",
    severity: "warning",
    verifiedOn: "1.22.1",
    docs: {
      summary: "A WebSocket location proxying to an upstream with two or more active servers and no `ip_hash`, `hash` or `sticky`.",
      why: "Round-robin, `least_conn` and `random` pick a server per request. A WebSocket client that reconnects, or that starts with HTTP long-polling (socket.io, SignalR, SockJS fallbacks) and then upgrades, lands on another backend that does not know its session: the handshake fails with 400 (\"Session ID unknown\") or state is lost. An upstream that names `least_conn`, `random` or `least_time` was balanced that way on purpose (a WebSocket server that keeps no per-client session needs no affinity), so there the rule reports only locations whose path or upstream name shows a protocol with multi-request sessions: socket.io, engine.io, SockJS, SignalR (`hubs`).",
      fix: "Add `ip_hash;` or `hash $remote_addr consistent;` (or a cookie-based `hash`, or `sticky` on NGINX Plus) to the upstream, or share session state between the backends (a Redis adapter).",
    },
    examples: {
      bad: [`${WS_TLS_HEAD}    upstream chat {\n        server 127.0.0.1:3001;\n        server 127.0.0.1:3002;\n    }\n${WS_SERVER}`],
      good: [`${WS_TLS_HEAD}    upstream chat {\n        ip_hash;\n        server 127.0.0.1:3001;\n        server 127.0.0.1:3002;\n    }\n${WS_SERVER}`],
    },
  },
  check(ctx) {
    for (const ws of ctx.model.websocketLocations()) {
      const upstream = ws.upstream;
      if (!upstream || upstream.node.children.some((c) => AFFINITY.has(c.name))) continue;
      const active = upstream.servers.filter((s) => !s.params.includes("backup") && !s.params.includes("down"));
      if (active.length < 2) continue;
      const methodName = upstream.method?.name;
      if (methodName && CHOSEN.has(methodName) && !multiRequestSessions(ws, upstream.name)) continue;
      const method = methodName ? `"${methodName}"` : "round-robin";
      ctx.report({
        node: ws.proxyPass,
        severity: isWeak(ws) ? "info" : undefined,
        message: `${describeWebSocket(ws)} proxies to upstream "${upstream.name}" (${lineReference(upstream.node, ws.proxyPass)}), which spreads requests over ${active.length} servers by ${method} with no affinity: reconnects and long-polling fallbacks (socket.io, SignalR) land on other backends that do not know the session; add "ip_hash;" or "hash $remote_addr consistent;" to the upstream`,
        related: [{ file: upstream.node.file, range: upstream.node.directive.name.range, message: `upstream "${upstream.name}" defined here` }],
      });
    }
  },
});

/** A location path or upstream name that shows a protocol with multi-request sessions (socket.io, SignalR...). */
function multiRequestSessions(ws: WebSocketLocation, upstreamName: string): boolean {
  const paths: string[] = [];
  for (let n = ws.block; n; n = n.parent) if (n.name === "location") paths.push(n.directive.args.map((a) => a.value).join(" "));
  return [...paths, upstreamName].some((name) => MULTI_REQUEST.test(name));
}
