// Flags blocks whose own proxy_set_header lines silently drop the ones set further out.
import { basename, dirname, relative } from "node:path";
import { GOOD_WEBSOCKET_LOCATION, goodWebSocketConfig } from "../src/engine/example-configs.js";
import { defineRule } from "../src/engine/rule.js";
import { lostHeaders } from "../src/model/header-inheritance.js";
import { describeWebSocket, type WebSocketLocation } from "../src/model/websocket.js";
import { lineOf, type ConfigNode } from "../src/workspace/tree.js";

const WEBSOCKET_HEADERS = new Set(["upgrade", "connection"]);

export default defineRule({
  meta: {
    id: "header-inheritance-lost",
    type: "problem",
    severity: "warning",
    verifiedOn: "1.22.1",
    docs: {
      summary: "A block's own `proxy_set_header` lines drop every `proxy_set_header` inherited from outer blocks.",
      why: "`proxy_set_header` is inherited all or nothing: a location (or server) with even one `proxy_set_header` of its own inherits none from the levels around it. Upgrade and Connection set at server level are lost the moment a location adds `proxy_set_header Host $host`, and the WebSocket silently stops upgrading (200 instead of 101). It is an error when that happens in a WebSocket location.",
      fix: "Repeat the lost headers in the block, or move all proxy_set_header lines to one level (an `include` of a shared snippet keeps them in one place).",
    },
    examples: {
      bad: ["events {}\nhttp {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      close;\n    }\n    server {\n        listen 8080;\n        proxy_http_version 1.1;\n        proxy_read_timeout 1h;\n        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection $connection_upgrade;\n        location /ws/ {\n            proxy_pass http://127.0.0.1:3000;\n            proxy_set_header Host $host;\n        }\n    }\n}\n"],
      good: [goodWebSocketConfig({ server: ["proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $connection_upgrade;"], location: GOOD_WEBSOCKET_LOCATION.filter((l) => !l.startsWith("proxy_set_header")) })],
    },
  },
  check(ctx) {
    // Each block mapped to a WebSocket location inside it (or that it is), built once rather than searched per block.
    const websocketBlocks = new Map<ConfigNode, WebSocketLocation>();
    for (const ws of ctx.model.websocketLocations()) {
      for (let n = ws.block; n; n = n.parent) if (!websocketBlocks.has(n)) websocketBlocks.set(n, ws);
    }
    for (const tree of ctx.model.trees) {
      const visit = (nodes: ConfigNode[]): void => {
        // Indexed: see walk() in src/workspace/tree.ts.
        for (let i = 0; i < nodes.length; i++) {
          const node = nodes[i];
          if (node.context === "opaque" || !node.directive.block) continue;
          const lost = lostHeaders(node, tree);
          if (lost.length > 0 && proxiesBelow(node)) {
            const ws = websocketBlocks.get(node);
            const critical = ws !== undefined && lost.some((h) => WEBSOCKET_HEADERS.has(h.name.toLowerCase()));
            const first = node.children.find((c) => c.name === "proxy_set_header")!;
            // Lines an include brings in are reported at that include, in the block's own file.
            const at = inFileOf(first, node.file);
            const fileName = (file: string): string => relative(dirname(tree.entry), file) || basename(file);
            const where = (n: ConfigNode): string => `${n.file === at.file ? "" : `${fileName(n.file)} `}line ${lineOf(n)}`;
            const names = lost.map((h) => `${h.name} (${where(h.node)})`).join(", ");
            const source = at === first ? "" : `, brought in by this include (${where(first)}),`;
            const subject = ws && critical ? `${describeWebSocket(ws)}: this` : "This";
            ctx.report({
              node: at,
              severity: critical ? "error" : undefined,
              message: `${subject} block's own proxy_set_header lines${source} drop the inherited ${names}; nginx inherits proxy_set_header all or nothing`,
              related: [
                ...(at === first ? [] : [{ file: first.file, range: first.directive.name.range, message: "the block's first proxy_set_header" }]),
                ...lost.map((h) => ({ file: h.node.file, range: h.node.directive.name.range, message: `${h.name} set here, not inherited` })),
              ],
            });
          }
          visit(node.children);
        }
      };
      visit(tree.roots);
    }
  },
});

/** The node itself when it is written in `file`, else the `include` in `file` that brings it in, however nested. */
function inFileOf(node: ConfigNode, file: string): ConfigNode {
  for (let n: ConfigNode | undefined = node; n; n = n.includedBy) if (n.file === file) return n;
  return node;
}


/** Only blocks that proxy (here or in a nested block) send headers anywhere. */
function proxiesBelow(node: ConfigNode): boolean {
  return node.children.some((c) => c.name === "proxy_pass" || (c.directive.block !== undefined && proxiesBelow(c)));
}
