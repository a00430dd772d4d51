// Flags a worker_connections (512 by default) under the configured minimum in a config that proxies WebSockets.
import { defineRule } from "../src/engine/rule.js";
import { isWeak } from "../src/model/websocket.js";

const DEFAULT_WORKER_CONNECTIONS = 512;
const DEFAULT_MINIMUM = 1024;

const config = (events: string): string =>
  `${events}http {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      close;\n    }\n    map $http_origin $origin_ok {\n        default                    0;\n        "https://chat.example.com" 1;\n    }\n    limit_conn_zone $binary_remote_addr zone=sockets:10m;\n    server {\n        listen 443 ssl;\n        server_name chat.example.com;\n        ssl_certificate /etc/ssl/chat.pem;\n        ssl_certificate_key /etc/ssl/chat.key;\n        location /ws/ {\n            if ($origin_ok = 0) {\n                return 403;\n            }\n            limit_conn sockets 20;\n            proxy_pass http://127.0.0.1:3000;\n            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection $connection_upgrade;\n            proxy_read_timeout 1h;\n        }\n    }\n}\n`;

export default defineRule({
  meta: {
    id: "worker-connections-low",
    type: "suggestion",
    severity: "info",
    verifiedOn: "1.22.1",
    options: {
      schema: { type: "object", properties: { minimum: { type: "integer", minimum: 1 } }, additionalProperties: false },
      defaults: { minimum: DEFAULT_MINIMUM },
    },
    docs: {
      summary: "A config that proxies WebSockets with `worker_connections` (512 by default) under 1024.",
      why: "Each proxied WebSocket holds two connections in a worker for its whole life, one to the client and one to the backend, so a worker carries at most about `worker_connections / 2` concurrent sockets (256 with the default 512), fewer with keepalive clients and other traffic. Past that nginx logs `worker_connections are not enough` and refuses new ones.",
      fix: "Raise `worker_connections` in `events` (e.g. 4096 or more) and `worker_rlimit_nofile` with it, so the open-file limit follows.",
    },
    examples: {
      bad: [config("events {}\n")],
      good: [config("events {\n    worker_connections 4096;\n}\n")],
    },
  },
  check(ctx) {
    const minimum = Number(ctx.options.minimum ?? DEFAULT_MINIMUM);
    const websocketTrees = new Set(ctx.model.websocketLocations().filter((ws) => !isWeak(ws)).map((ws) => ws.tree));
    for (const tree of websocketTrees) {
      if (tree.context !== "main") continue;
      const events = tree.roots.find((n) => n.name === "events" && n.directive.block);
      if (!events) continue; // events-missing reports it
      const set = events.children.filter((c) => c.name === "worker_connections").at(-1);
      const value = set ? Number(set.directive.args[0]?.value) : DEFAULT_WORKER_CONNECTIONS;
      if (!Number.isInteger(value) || value >= minimum) continue;
      const what = set ? `"worker_connections ${value}"` : `The default worker_connections of ${value}`;
      ctx.report({
        node: set ?? events,
        range: set?.directive.args[0]?.range,
        message: `${what} is under ${minimum} in a config that proxies WebSockets: each proxied WebSocket uses two connections (client and backend), so a worker carries at most about ${Math.floor(value / 2)} concurrent sockets; raise it (e.g. "worker_connections 4096;") together with worker_rlimit_nofile`,
      });
    }
  },
});
