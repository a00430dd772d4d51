// Flags WebSocket locations that never forward the client's Upgrade header to the backend, or send something else as Upgrade.
import { singleVariable } from "../src/model/variable-uses.js";
import { goodWebSocketConfig } from "../src/engine/example-configs.js";
import { defineRule } from "../src/engine/rule.js";
import { replaceWord } from "../src/engine/text-edits.js";
import { headerLinesToCopy, insertIntoLocation } from "../src/engine/websocket-edits.js";
import { proxyHeaders } from "../src/model/effective.js";
import { lostHeader } from "../src/model/header-inheritance.js";
import { handshakeValues, mayContain, OTHER_HEADER } from "../src/model/variable-values.js";
import { describeWebSocket, isWeak } from "../src/model/websocket.js";
import { lineOf } from "../src/workspace/tree.js";

/** Headers a browser's handshake always has: `$http_host` as Upgrade sends the Host, not nothing. */
const HANDSHAKE_HEADERS = new Set(["host", "origin", "user_agent", "sec_websocket_key", "sec_websocket_version", "sec_websocket_extensions"]);

export default defineRule({
  meta: {
    id: "upgrade-header-missing",
    type: "problem",
    severity: "error",
    verifiedOn: "1.22.1",
    fixable: true,
    docs: {
      summary: "A WebSocket location that does not forward the `Upgrade` header, or forwards a value that cannot carry `websocket`.",
      why: "nginx never passes the client's `Upgrade` header on by itself (it is hop-by-hop); without `proxy_set_header Upgrade $http_upgrade` the backend sees a plain request, answers 200 or 400, and no WebSocket opens. A value that is empty on a handshake does the same (nginx drops a header whose value is empty): a typo such as `$http_upgrades` (every `$http_*` variable exists, empty when the client sent no such header), a swapped `$connection_upgrade`, or a literal other than `websocket`.",
      fix: "Add `proxy_set_header Upgrade $http_upgrade;` to the location, or make the value `$http_upgrade` (the fix does either). If the location inherited other proxy_set_header lines, the fix copies them too: a block with its own proxy_set_header inherits none.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        listen 8080;\n        location /socket.io/ {\n            proxy_pass http://127.0.0.1:3000;\n            proxy_http_version 1.1;\n            proxy_set_header Connection \"upgrade\";\n        }\n    }\n}\n"],
      good: [goodWebSocketConfig({ path: "/socket.io/" })],
    },
  },
  check(ctx) {
    const reported = new Set<object>();
    for (const ws of ctx.model.distinctWebsocketLocations()) {
      const { headers, level } = proxyHeaders(ws.block, ws.tree);
      const upgrade = headers.get("upgrade");
      if (upgrade) {
        const values = handshakeValues(upgrade.value, ctx.model.symbolsOf(ws.tree).variables);
        if (mayContain(values, /websocket/i) || reported.has(upgrade.node)) continue;
        reported.add(upgrade.node); // an outer line shared by several locations is reported once
        const written = upgrade.node.directive.args[1];
        const edit = written && replaceWord(upgrade.node, written, "$http_upgrade");
        ctx.report({
          node: upgrade.node,
          severity: isWeak(ws) ? "info" : undefined,
          message: `${describeWebSocket(ws)} ${sent(upgrade.value, values!, lineOf(upgrade.node))}, so no WebSocket can open; forward the client's with "proxy_set_header Upgrade $http_upgrade;"`,
          fix: edit && { description: 'Send "Upgrade $http_upgrade"', edits: [edit] },
        });
        continue;
      }
      if (lostHeader(ws, "upgrade")) continue; // a lost header is header-inheritance-lost's
      const lines = [...headerLinesToCopy(ws, level), "proxy_set_header Upgrade $http_upgrade;"];
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

/** What a handshake's Upgrade header becomes, and why: `sends no Upgrade header on a handshake: "$http_upgrades" (line 9) is ...`. */
function sent(written: string, values: readonly string[], line: number): string {
  const header = /^http_(.+)$/.exec(singleVariable(written) ?? "")?.[1]?.toLowerCase();
  if (header && values.every((v) => v === OTHER_HEADER)) {
    const name = header.split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("-");
    return HANDSHAKE_HEADERS.has(header)
      ? `sends the client's ${name} header as Upgrade on a handshake: "${written}" (line ${line}) is not $http_upgrade`
      : `sends no Upgrade header on a handshake: "${written}" (line ${line}) is the client's "${name}" header, not its Upgrade header, and a WebSocket handshake has none`;
  }
  const each = values.map((v) => (v === "" ? "no Upgrade header" : `"Upgrade: ${v.replaceAll(OTHER_HEADER, "<a client header>")}"`));
  return `sends ${[...new Set(each)].join(" or ")} on a handshake: "${written}" (line ${line}) does not give the client's "websocket"`;
}
