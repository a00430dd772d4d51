// Flags WebSocket locations reachable over cleartext (ws://) in a server that does not redirect it to https.
import { defineRule } from "../src/engine/rule.js";
import { enclosingServer, serverListens, sslOnInForce, type Listen } from "../src/model/listen.js";
import { describeWebSocket, isWeak } from "../src/model/websocket.js";
import { lineOf, type ConfigNode } from "../src/workspace/tree.js";

const HEAD = "events {\n    worker_connections 1024;\n}\nhttp {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      close;\n    }\n    map $http_origin $origin_ok {\n        default                    0;\n        \"https://chat.example.com\" 1;\n    }\n    limit_conn_zone $binary_remote_addr zone=sockets:10m;\n";
const TLS = "        ssl_certificate /etc/ssl/chat.pem;\n        ssl_certificate_key /etc/ssl/chat.key;\n";
const LOCATION = "        location /ws/ {\n            if ($origin_ok = 0) {\n                return 403;\n            }\n            limit_conn sockets 20;\n            proxy_pass http://127.0.0.1:3000;\n            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection $connection_upgrade;\n            proxy_read_timeout 1h;\n        }\n    }\n}\n";

export default defineRule({
  meta: {
    id: "plaintext-listener",
    type: "problem",
    severity: "warning",
    verifiedOn: "1.22.1",
    docs: {
      summary: "A WebSocket location reachable on a `listen` without `ssl` (or on the default *:80) in a server that does not redirect to https.",
      why: "Over a cleartext listener the socket is `ws://`: everything on it, session cookies and tokens in the handshake included, can be read and altered by anyone on the path. Some networks (proxies, antivirus, carriers) also break unencrypted upgrades. Listeners bound to loopback or a unix socket, and servers that redirect every cleartext request to https (`return 301 https://...`, or an `if ($scheme = http)` that does), are not flagged.",
      fix: "Serve the location from a `listen 443 ssl` server (with `ssl_certificate`), and make the port-80 server only redirect: `return 301 https://$host$request_uri;`.",
    },
    examples: {
      bad: [`${HEAD}    server {\n        listen 80;\n        listen 443 ssl;\n        server_name chat.example.com;\n${TLS}${LOCATION}`],
      good: [`${HEAD}    server {\n        listen 80;\n        server_name chat.example.com;\n        return 301 https://$host$request_uri;\n    }\n    server {\n        listen 443 ssl;\n        server_name chat.example.com;\n${TLS}${LOCATION}`],
    },
  },
  check(ctx) {
    for (const ws of ctx.model.distinctWebsocketLocations()) {
      const server = enclosingServer(ws.block);
      if (!server || sslOnInForce(server)) continue;
      const listens = serverListens(server);
      const cleartext = listens.filter((l) => !l.ssl && !l.quic && !l.loopback);
      if (listens.length > 0 && cleartext.length === 0) continue;
      if (redirectsCleartext(ws.block, server)) continue;
      const where = cleartext.length > 0 ? `listens without TLS on ${addressOf(cleartext[0])} (line ${lineOf(cleartext[0].node)})` : "has no listen, so it listens on *:80 without TLS";
      ctx.report({
        node: ws.block ?? ws.proxyPass,
        severity: isWeak(ws) ? "info" : undefined,
        message: `${describeWebSocket(ws)} is served over cleartext (ws://): its server ${where}, so the socket and its handshake can be read and altered in transit; serve it from "listen 443 ssl" and make the cleartext server only redirect to https`,
        related: cleartext.map((l) => ({ file: l.node.file, range: l.node.directive.name.range, message: "cleartext listener" })),
      });
    }
  },
});

function addressOf(listen: Listen): string {
  return `"${listen.node.directive.args[0].value}"`;
}

/** Every cleartext request leaves with a redirect to https before reaching the location. */
function redirectsCleartext(block: ConfigNode | undefined, server: ConfigNode): boolean {
  for (let n = block; n; n = n.parent) {
    if (n.children.some((c) => redirectsToHttps(c) || (c.name === "if" && testsScheme(c) && c.children.some(redirectsToHttps)))) return true;
    if (n === server) break;
  }
  return false;
}

/** `return 301 https://...`, `return https://...` or `rewrite ^ https://... permanent`. */
function redirectsToHttps(node: ConfigNode): boolean {
  const args = node.directive.args.map((a) => a.value);
  if (node.name === "return") {
    const url = args.length === 1 ? args[0] : /^30[12378]$/.test(args[0] ?? "") ? args[1] : undefined;
    return /^https:\/\//i.test(url ?? "");
  }
  return node.name === "rewrite" && /^\^?\(?\/?\.\*\)?\$?$|^\^$/.test(args[0] ?? "x") && /^https:\/\//i.test(args[1] ?? "");
}

/** `if ($scheme = http)`, `if ($https = "")`, `if ($http_x_forwarded_proto != "https")` and the like. */
function testsScheme(node: ConfigNode): boolean {
  return node.directive.args.some((a) => /^\(?\$(scheme|https|http_x_forwarded_proto)\)?$/i.test(a.value));
}
