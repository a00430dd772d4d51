// Flags WebSocket locations that never send `Connection: upgrade` to the backend.
import { goodWebSocketConfig } from "../src/engine/example-configs.js";
import { defineRule } from "../src/engine/rule.js";
import { replaceWord } from "../src/engine/text-edits.js";
import { connectionMapEdit, connectionValue, insertIntoLocation } from "../src/engine/websocket-edits.js";
import { proxyHeaders } from "../src/model/effective.js";
import { inheritedHeaderLines, lostHeader } from "../src/model/header-inheritance.js";
import { describeWebSocket, isWeak } from "../src/model/websocket.js";
import { lineOf } from "../src/workspace/tree.js";

export default defineRule({
  meta: {
    id: "connection-header-missing",
    type: "problem",
    severity: "error",
    verifiedOn: "1.22.1",
    fixable: true,
    docs: {
      summary: "A WebSocket location that does not send `Connection: upgrade` to the backend.",
      why: "nginx sends `Connection: close` to upstreams by default and never forwards the client's Connection header by itself. Without `proxy_set_header Connection` carrying `upgrade`, the backend does not treat the request as an upgrade and no WebSocket opens. `proxy_set_header Connection $http_connection` passes the client's own header on, which carries `upgrade` on a handshake, so it counts as sending it.",
      fix: "Add `proxy_set_header Connection $connection_upgrade;` with the map `map $http_upgrade $connection_upgrade { default upgrade; '' close; }` in http (the fix adds both).",
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        listen 8080;\n        location /ws/ {\n            proxy_pass http://127.0.0.1:3000;\n            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n        }\n    }\n}\n"],
      good: [goodWebSocketConfig()],
    },
  },
  check(ctx) {
    for (const ws of ctx.model.websocketLocations()) {
      const { headers, level } = proxyHeaders(ws.block, ws.tree);
      const connection = headers.get("connection");
      const variables = ctx.model.symbolsOf(ws.tree).variables;
      if (connection && carriesUpgrade(connection.value, variables)) continue;
      // header-inheritance-lost says it better when the lost line carried upgrade; a lost `Connection ""` did not.
      const lost = connection ? undefined : lostHeader(ws, "connection");
      if (lost && carriesUpgrade(lost.node.directive.args[1]?.value ?? "", variables)) continue;
      const value = connectionValue(ctx.model, ws);
      const lines = [...inheritedHeaderLines(ws, level), `proxy_set_header Connection ${value};`];
      const written = connection?.node.directive.args[1];
      const change = !connection
        ? insertIntoLocation(ctx.model, ws, lines)
        : written && replaceWord(connection.node, written, value);
      const map = connectionMapEdit(ctx.model, ws);
      const found = connection
        ? `sends "Connection: ${connection.value}" (line ${lineOf(connection.node)})`
        : 'does not set the Connection header (nginx sends "close")';
      ctx.report({
        node: connection?.node ?? ws.block ?? ws.proxyPass,
        severity: isWeak(ws) ? "info" : undefined,
        message: `${describeWebSocket(ws)} ${found}, so the backend never sees an upgrade; send "proxy_set_header Connection $connection_upgrade;"`,
        fix: change && { description: `Send "Connection: ${value}"`, edits: map && value.startsWith("$") ? [change, map] : [change] },
      });
    }
  },
});

/**
 * A literal containing "upgrade", a variable (from a map) that can take such a value, or `$http_connection`, which
 * forwards the client's own Connection header (browsers send "Upgrade" with the handshake).
 */
function carriesUpgrade(value: string, defined: ReadonlyMap<string, unknown>): boolean {
  if (/upgrade/i.test(value)) return true;
  const variable = /^\$\{?([A-Za-z0-9_]+)\}?$/.exec(value)?.[1];
  return variable !== undefined && (defined.has(variable) || variable.toLowerCase() === "http_connection");
}
