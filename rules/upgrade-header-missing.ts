// Flags WebSocket locations that never forward the client's Upgrade header to the backend.
import { goodWebSocketConfig } from "../src/engine/example-configs.js";
import { defineRule } from "../src/engine/rule.js";
import { insertIntoLocation } from "../src/engine/websocket-edits.js";
import { proxyHeaders } from "../src/model/effective.js";
import { describeWebSocket, isWeak } from "../src/model/websocket.js";
import { inheritedHeaderLines, lostHeader } from "../src/model/header-inheritance.js";

export default defineRule({
  meta: {
    id: "upgrade-header-missing",
    type: "problem",
    severity: "error",
    verifiedOn: "1.22.1",
    fixable: true,
    docs: {
      summary: "A WebSocket location that does not forward the `Upgrade` header.",
      why: "nginx never passes the client's `Upgrade` header on by itself (it is hop-by-hop); without `proxy_set_header Upgrade $http_upgrade` the backend sees a plain request, answers 200 or 400, and no WebSocket opens.",
      fix: "Add `proxy_set_header Upgrade $http_upgrade;` to the location. If the location inherited other proxy_set_header lines, the fix copies them too: a block with its own proxy_set_header inherits none.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        listen 8080;\n        location /socket.io/ {\n            proxy_pass http://127.0.0.1:3000;\n            proxy_http_version 1.1;\n            proxy_set_header Connection \"upgrade\";\n        }\n    }\n}\n"],
      good: [goodWebSocketConfig({ path: "/socket.io/" })],
    },
  },
  check(ctx) {
    for (const ws of ctx.model.websocketLocations()) {
      const { headers, level } = proxyHeaders(ws.block, ws.tree);
      if (headers.has("upgrade") || lostHeader(ws, "upgrade")) continue; // a lost header is header-inheritance-lost's
      const lines = [...inheritedHeaderLines(ws, level), "proxy_set_header Upgrade $http_upgrade;"];
      const edit = insertIntoLocation(ctx.model, ws, lines);
      ctx.report({
        node: ws.block ?? ws.proxyPass,
        severity: isWeak(ws) ? "info" : undefined,
        message: `${describeWebSocket(ws)} does not forward the Upgrade header, so no WebSocket can open; add "proxy_set_header Upgrade $http_upgrade;"`,
        fix: edit && { description: 'Add "proxy_set_header Upgrade $http_upgrade;"', edits: [edit] },
      });
    }
  },
});
