// Flags WebSocket locations with no limit_conn: nothing caps how many sockets one client holds open.
import { defineRule } from "../src/engine/rule.js";
import { effective } from "../src/model/effective.js";
import { describeWebSocket, isWeak } from "../src/model/websocket.js";

const config = (zone: string, limit: string): string =>
  `events {\n    worker_connections 1024;\n}\nhttp {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      close;\n    }\n    map $http_origin $origin_ok {\n        default                    0;\n        "https://chat.example.com" 1;\n    }\n${zone}    server {\n        listen 443 ssl;\n        server_name chat.example.com;\n        ssl_certificate /etc/ssl/chat.pem;\n        ssl_certificate_key /etc/ssl/chat.key;\n        location /ws/ {\n            if ($origin_ok = 0) {\n                return 403;\n            }\n${limit}            proxy_pass http://127.0.0.1:3000;\n            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection $connection_upgrade;\n            proxy_read_timeout 1h;\n        }\n    }\n}\n`;

export default defineRule({
  meta: {
    id: "limit-conn-missing",
    type: "suggestion",
    severity: "info",
    verifiedOn: "1.22.1",
    docs: {
      summary: "A WebSocket location with no `limit_conn` in force.",
      why: "`limit_conn` counts a request once its header is read and frees the slot only when the request ends, so an open WebSocket holds its slot for its whole life (seen: with a limit of 1, a second socket gets 503 until the first closes). It is the one nginx limit that caps how many sockets a client keeps open; without it one client can hold thousands and exhaust `worker_connections` and the backend.",
      fix: "Define a zone in http (`limit_conn_zone $binary_remote_addr zone=sockets:10m;`) and set a per-client cap in the location (`limit_conn sockets 20;`); behind a CDN, key it on the real client address (realip).",
    },
    examples: {
      bad: [config("", "")],
      good: [config("    limit_conn_zone $binary_remote_addr zone=sockets:10m;\n", "            limit_conn sockets 20;\n")],
    },
  },
  check(ctx) {
    for (const ws of ctx.model.distinctWebsocketLocations()) {
      if (isWeak(ws) || effective(ws.block, ws.tree, "limit_conn").nodes.length > 0) continue;
      ctx.report({
        node: ws.block ?? ws.proxyPass,
        message: `${describeWebSocket(ws)} has no limit_conn in force: an open socket holds its connection for its whole life, so nothing caps how many sockets one client keeps open; add "limit_conn_zone $binary_remote_addr zone=sockets:10m;" to http and "limit_conn sockets 20;" (or your cap) to the location`,
      });
    }
  },
});
