// Flags WebSocket locations whose proxy_read_timeout (the idle timeout of the whole tunnel) is short.
import { GOOD_WEBSOCKET_LOCATION, goodWebSocketConfig } from "../src/engine/example-configs.js";
import { defineRule } from "../src/engine/rule.js";
import { replaceWord } from "../src/engine/text-edits.js";
import { inFixTarget, insertIntoLocation } from "../src/engine/websocket-edits.js";
import { effectiveValue } from "../src/model/effective.js";
import { parseTime } from "../src/reference/values.js";
import { describeWebSocket, isWeak } from "../src/model/websocket.js";
import { lineOf } from "../src/workspace/tree.js";

const DEFAULT_MINIMUM = "1h";

export default defineRule({
  meta: {
    id: "read-timeout-short",
    type: "problem",
    severity: "warning",
    verifiedOn: "1.22.1",
    fixable: true,
    options: {
      schema: { type: "object", properties: { minimum: { type: "string", description: "The shortest proxy_read_timeout a WebSocket location may have (an nginx time: 1h, 90m, 3600s); the fix writes it.", pattern: "^[0-9]+(ms|s|m|h|d|w)?([0-9]+(ms|s|m|h|d|w))*$" } }, additionalProperties: false },
      defaults: { minimum: DEFAULT_MINIMUM },
    },
    docs: {
      summary: "A WebSocket location whose `proxy_read_timeout` (60s by default) would close idle sockets.",
      why: "In an open WebSocket tunnel nginx re-arms `proxy_read_timeout` on every read or write in either direction, so it is the tunnel's idle timeout: a socket quiet for longer is closed (the browser sees code 1006). The default is 60s; `proxy_send_timeout` and `send_timeout` do not help.",
      fix: "Set `proxy_read_timeout` in the location to at least the configured minimum (default 1h), or make the application send pings more often than the timeout.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      close;\n    }\n    server {\n        listen 8080;\n        location /ws/ {\n            proxy_pass http://127.0.0.1:3000;\n            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection $connection_upgrade;\n        }\n    }\n}\n"],
      good: [goodWebSocketConfig({ server: ["proxy_read_timeout 2h;"], location: GOOD_WEBSOCKET_LOCATION.filter((l) => !l.startsWith("proxy_read_timeout")) })],
    },
  },
  check(ctx) {
    const minimumText = String(ctx.options.minimum ?? DEFAULT_MINIMUM);
    const minimum = parseTime(minimumText, { ms: true }) ?? parseTime(DEFAULT_MINIMUM, { ms: true })!;
    for (const ws of ctx.model.distinctWebsocketLocations()) {
      const set = effectiveValue(ws.block, ws.tree, "proxy_read_timeout");
      const ms = set ? parseTime(set.value, { ms: true }) : 60_000;
      if (ms === undefined || ms >= minimum) continue; // an invalid value is directive-arguments' to report
      const own = set && inFixTarget(ws, set.node) ? set : undefined;
      const edit = own
        ? replaceWord(own.node, own.node.directive.args[0], minimumText)
        : insertIntoLocation(ctx.model, ws, [`proxy_read_timeout ${minimumText};`]);
      const current = set ? `"proxy_read_timeout ${set.value}" (line ${lineOf(set.node)})` : "the default proxy_read_timeout of 60s";
      ctx.report({
        node: own?.node ?? ws.block ?? ws.proxyPass,
        severity: isWeak(ws) ? "info" : undefined,
        message: `${describeWebSocket(ws)} closes sockets idle for longer than ${current}; raise it to at least ${minimumText}`,
        fix: edit && { description: `Set proxy_read_timeout to ${minimumText}`, edits: [edit] },
      });
    }
  },
});
