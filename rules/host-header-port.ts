// Flags `Host $host` in WebSocket locations of servers on non-default ports: $host drops the port.
import { defineRule } from "../src/engine/rule.js";
import { proxyHeaders } from "../src/model/effective.js";
import { enclosingServer, serverListens } from "../src/model/listen.js";
import { describeWebSocket, isWeak } from "../src/model/websocket.js";
import { lineReference } from "../src/workspace/tree.js";

const config = (host: string): string =>
  `events {\n    worker_connections 1024;\n}\nhttp {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      close;\n    }\n    map $http_origin $origin_ok {\n        default                         0;\n        "https://chat.example.com:8443" 1;\n    }\n    limit_conn_zone $binary_remote_addr zone=sockets:10m;\n    server {\n        listen 8443 ssl;\n        server_name chat.example.com;\n        ssl_certificate /etc/ssl/chat.pem;\n        ssl_certificate_key /etc/ssl/chat.key;\n        location /ws/ {\n            if ($origin_ok = 0) {\n                return 403;\n            }\n            limit_conn sockets 20;\n            proxy_pass http://127.0.0.1:3000;\n            proxy_http_version 1.1;\n            proxy_set_header Host ${host};\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection $connection_upgrade;\n            proxy_read_timeout 1h;\n        }\n    }\n}\n`;

export default defineRule({
  meta: {
    id: "host-header-port",
    type: "suggestion",
    severity: "info",
    verifiedOn: "1.22.1",
    docs: {
      summary: "`proxy_set_header Host $host` in a WebSocket location of a server listening on a port other than 80/443.",
      why: "`$host` is the host name without the port. Clients on a non-default port send `Origin: https://chat.example.com:8443` and `Host: chat.example.com:8443`; the backend then sees `Host: chat.example.com`, and servers that compare Origin with Host (Socket.IO's and many frameworks' same-origin checks) reject the handshake with 403.",
      fix: "Send `proxy_set_header Host $http_host;` (the Host as the client sent it, port included; it is client-controlled and empty on HTTP/3), or `$host:$server_port` when clients reach nginx on the port it listens on.",
    },
    examples: { bad: [config("$host")], good: [config("$http_host")] },
  },
  check(ctx) {
    for (const ws of ctx.model.distinctWebsocketLocations()) {
      const server = enclosingServer(ws.block);
      const host = proxyHeaders(ws.block, ws.tree).headers.get("host");
      if (isWeak(ws) || !server || !host || !/^\$(host|\{host\})$/.test(host.value)) continue;
      const odd = serverListens(server).find((l) => l.port !== undefined && l.port !== (l.ssl || l.quic ? 443 : 80));
      if (!odd) continue;
      const value = host.node.directive.args[1];
      ctx.report({
        node: host.node,
        range: value.range,
        message: `${describeWebSocket(ws)} sends "Host ${host.value}", which drops the port, while its server listens on port ${odd.port} (${lineReference(odd.node, host.node)}): backends that compare Origin with Host reject the handshake; send "proxy_set_header Host $http_host;" (keeps the port, but is client-controlled and empty on HTTP/3)`,
      });
    }
  },
});
