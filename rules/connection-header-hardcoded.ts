// Flags `proxy_set_header Connection "upgrade"` written as a literal instead of the map variable.
import { goodWebSocketConfig } from "../src/engine/example-configs.js";
import { defineRule } from "../src/engine/rule.js";
import { replaceWord } from "../src/engine/text-edits.js";
import { connectionMapEdit, connectionValue } from "../src/engine/websocket-edits.js";
import { proxyHeaders } from "../src/model/effective.js";
import { describeWebSocket } from "../src/model/websocket.js";

export default defineRule({
  meta: {
    id: "connection-header-hardcoded",
    type: "problem",
    severity: "warning",
    verifiedOn: "1.22.1",
    fixable: true,
    docs: {
      summary: "`Connection: upgrade` sent as a literal on every request, WebSocket or not.",
      why: "With `proxy_set_header Connection \"upgrade\"`, plain HTTP requests through the same location reach the backend with `Connection: upgrade` but no `Upgrade` header. Some servers reject such requests, and the header tells every proxy and backend in between to treat each plain request as an upgrade attempt. The map sends `upgrade` only when the client asked for one.",
      fix: "Use `proxy_set_header Connection $connection_upgrade;` with `map $http_upgrade $connection_upgrade { default upgrade; '' close; }` in http (the fix adds the map when it is missing).",
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        listen 8080;\n        location /ws/ {\n            proxy_pass http://127.0.0.1:3000;\n            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection \"upgrade\";\n            proxy_read_timeout 1h;\n        }\n    }\n}\n"],
      good: [goodWebSocketConfig()],
    },
  },
  check(ctx) {
    const seen = new Set<object>();
    for (const ws of ctx.model.websocketLocations()) {
      const connection = proxyHeaders(ws.block, ws.tree).headers.get("connection");
      const written = connection?.node.directive.args[1];
      if (!connection || !written || seen.has(connection.node) || connection.value.toLowerCase() !== "upgrade") continue;
      seen.add(connection.node);
      const value = connectionValue(ctx.model, ws);
      const map = connectionMapEdit(ctx.model, ws);
      // In a snippet with no http block and no map, or with a map that never says upgrade, there is nothing better to write.
      const fix = value?.startsWith("$")
        ? { description: "Use $connection_upgrade", edits: map ? [replaceWord(connection.node, written, value), map] : [replaceWord(connection.node, written, value)] }
        : undefined;
      ctx.report({
        node: connection.node,
        range: written.range,
        message: `${describeWebSocket(ws)} sends "Connection: upgrade" on every request, WebSocket or not: plain requests reach the backend as upgrade attempts without an Upgrade header, which some servers reject; use $connection_upgrade from a map on $http_upgrade`,
        fix,
      });
    }
  },
});
