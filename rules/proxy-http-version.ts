// Flags WebSocket locations that proxy with HTTP/1.0 (or HTTP/2): the upgrade needs HTTP/1.1.
import { goodWebSocketConfig } from "../src/engine/example-configs.js";
import { defineRule } from "../src/engine/rule.js";
import { replaceWord } from "../src/engine/text-edits.js";
import { inFixTarget, insertIntoLocation } from "../src/engine/websocket-edits.js";
import { effectiveValue } from "../src/model/effective.js";
import { atLeast } from "../src/model/version.js";
import { describeWebSocket, isWeak } from "../src/model/websocket.js";
import { lineOf } from "../src/workspace/tree.js";

export default defineRule({
  meta: {
    id: "proxy-http-version",
    type: "problem",
    severity: "error",
    verifiedOn: "1.22.1",
    fixable: true,
    docs: {
      summary: "A WebSocket location that proxies with HTTP/1.0 or HTTP/2 instead of HTTP/1.1.",
      why: "The WebSocket handshake is an HTTP/1.1 upgrade. Before nginx 1.29.7 `proxy_http_version` defaults to 1.0, so the backend sees `GET /ws HTTP/1.0`: strict servers (python `websockets`, many Java and Go stacks) answer 400, lenient ones happen to work. `proxy_http_version 2` (1.29.4+) has no upgrade at all.",
      fix: "Add `proxy_http_version 1.1;` to the location (or correct the value written there).",
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        listen 8080;\n        location /ws/ {\n            proxy_pass http://127.0.0.1:3000;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection \"upgrade\";\n        }\n    }\n}\n"],
      good: [goodWebSocketConfig()],
    },
  },
  check(ctx) {
    const version = ctx.model.nginxVersion;
    const defaultVersion = atLeast(version, "1.29.7") ? "1.1" : "1.0";
    for (const ws of ctx.model.distinctWebsocketLocations()) {
      const set = effectiveValue(ws.block, ws.tree, "proxy_http_version");
      const value = set?.value ?? defaultVersion;
      if (value === "1.1") continue;
      const where = set ? `"proxy_http_version ${value}" (line ${lineOf(set.node)})` : `HTTP/1.0, the default before nginx 1.29.7 (the target is ${version.text})`;
      const ownValue = set && inFixTarget(ws, set.node) ? set : undefined;
      const edit = ownValue
        ? replaceWord(ownValue.node, ownValue.node.directive.args[0], "1.1")
        : insertIntoLocation(ctx.model, ws, ["proxy_http_version 1.1;"]);
      ctx.report({
        node: ownValue?.node ?? ws.block ?? ws.proxyPass,
        severity: isWeak(ws) ? "info" : undefined,
        message: `${describeWebSocket(ws)} proxies with ${where}; the upgrade needs "proxy_http_version 1.1;"`,
        fix: edit && { description: ownValue ? "Set proxy_http_version to 1.1" : 'Add "proxy_http_version 1.1;"', edits: [edit] },
      });
    }
  },
});
