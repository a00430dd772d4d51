// Flags WebSocket locations that never send `Connection: upgrade` to the backend.
import { singleVariable } from "../src/model/variable-uses.js";
import { goodWebSocketConfig } from "../src/engine/example-configs.js";
import { defineRule } from "../src/engine/rule.js";
import { replaceWord } from "../src/engine/text-edits.js";
import { connectionMapEdit, connectionValue, headerLinesToCopy, insertIntoLocation } from "../src/engine/websocket-edits.js";
import { proxyHeaders } from "../src/model/effective.js";
import { lostHeader } from "../src/model/header-inheritance.js";
import { handshakeValues, mapEntries, mayContain, OTHER_HEADER } from "../src/model/variable-values.js";
import { describeWebSocket, isWeak } from "../src/model/websocket.js";
import { lineOf, type ConfigNode } from "../src/workspace/tree.js";

export default defineRule({
  meta: {
    id: "connection-header-missing",
    type: "problem",
    severity: "error",
    verifiedOn: "1.22.1",
    fixable: true,
    docs: {
      summary: "A WebSocket location that does not send `Connection: upgrade` to the backend on a handshake.",
      why: "nginx sends `Connection: close` to upstreams by default and never forwards the client's Connection header by itself. Without `proxy_set_header Connection` carrying `upgrade`, the backend does not treat the request as an upgrade and no WebSocket opens. `proxy_set_header Connection $http_connection` passes the client's own header on, which carries `upgrade` on a handshake, so it counts as sending it. The value is judged by what it becomes on a handshake, as nginx evaluates it: a `$connection_upgrade` map with no `default` gives an empty value (and nginx then sends no Connection header), and `$http_upgrade` gives `websocket`, not `upgrade`.",
      fix: "Add `proxy_set_header Connection $connection_upgrade;` with the map `map $http_upgrade $connection_upgrade { default upgrade; '' close; }` in http (the fix adds both, or adds `default upgrade;` to a map that lacks it).",
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        listen 8080;\n        location /ws/ {\n            proxy_pass http://127.0.0.1:3000;\n            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n        }\n    }\n}\n"],
      good: [goodWebSocketConfig()],
    },
  },
  check(ctx) {
    const reported = new Set<object>();
    for (const ws of ctx.model.distinctWebsocketLocations()) {
      const { headers, level } = proxyHeaders(ws.block, ws.tree);
      const connection = headers.get("connection");
      const variables = ctx.model.symbolsOf(ws.tree).variables;
      const values = connection && handshakeValues(connection.value, variables);
      if (connection && mayContain(values, /upgrade/i)) continue;
      // header-inheritance-lost says it better when the lost line carried upgrade; a lost `Connection ""` did not.
      const lost = connection ? undefined : lostHeader(ws, "connection");
      if (lost && mayContain(handshakeValues(lost.node.directive.args[1]?.value ?? "", variables), /upgrade/i)) continue;
      if (connection && reported.has(connection.node)) continue; // an outer line shared by several locations
      if (connection) reported.add(connection.node);
      const value = connectionValue(ctx.model, ws);
      const map = connectionMapEdit(ctx.model, ws);
      const written = connection?.node.directive.args[1];
      const change =
        value === undefined ? undefined
        : !connection ? insertIntoLocation(ctx.model, ws, [...headerLinesToCopy(ws, level), `proxy_set_header Connection ${value};`])
        : written && written.raw !== value ? replaceWord(connection.node, written, value)
        : undefined;
      const ownMap = variables.get("connection_upgrade")?.find((n) => n.name === "map");
      // The map edit goes with a change that uses it; alone, it can only complete the config's own map.
      const edits = change ? (map && value!.startsWith("$") ? [change, map] : [change]) : ownMap && map ? [map] : [];
      const found = connection ? sends(connection.value, values!, lineOf(connection.node), variables) : 'does not set the Connection header (nginx sends "close")';
      const advice =
        ownMap && map ? `add "default upgrade;" to the map at line ${lineOf(ownMap)}${change ? ' and send "proxy_set_header Connection $connection_upgrade;"' : ""}`
        : ownMap && value === undefined ? `make $connection_upgrade (the map at line ${lineOf(ownMap)}) give "upgrade" when Upgrade is "websocket", and send "proxy_set_header Connection $connection_upgrade;"`
        : 'send "proxy_set_header Connection $connection_upgrade;"';
      ctx.report({
        node: connection?.node ?? ws.block ?? ws.proxyPass,
        severity: isWeak(ws) ? "info" : undefined,
        message: `${describeWebSocket(ws)} ${found}, so the backend never sees an upgrade; ${advice}`,
        fix: edits.length > 0 ? { description: change ? `Send "Connection: ${value}"` : 'Add "default upgrade;" to the $connection_upgrade map', edits } : undefined,
      });
    }
  },
});

/**
 * What a handshake's Connection header becomes: `sends "Connection: keep-alive" (line 10)` for a literal, else what
 * the variables give on a handshake (`sends no Connection header on a handshake: "$connection_upgrade" (line 10) ...`).
 */
function sends(written: string, values: readonly string[], line: number, variables: ReadonlyMap<string, ConfigNode[]>): string {
  const each = [...new Set(values.map((v) => (v === "" ? "no Connection header" : `"Connection: ${v.replaceAll(OTHER_HEADER, "<a client header>")}"`)))].join(" or ");
  if (!written.includes("$")) return `sends ${each} (line ${line})`;
  const name = singleVariable(written);
  const map = name === undefined ? undefined : variables.get(name)?.find((n) => n.name === "map");
  const why = map && values.every((v) => v === "") && mapEntries(map).default === undefined
    ? `is empty, its map (line ${lineOf(map)}) matching no entry and having no default`
    : `does not carry "upgrade"`;
  return `sends ${each} on a handshake: "${written}" (line ${line}) ${why}`;
}
