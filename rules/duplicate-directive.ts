// Flags what nginx rejects as duplicate: a directive it accepts once per block written twice in one block, and (in the
// modules next to this file) locations, upstreams, map entries and listen sockets defined twice.
import { defineRule } from "../src/engine/rule.js";
import { lookupDirective } from "../src/reference/directives.js";
import { isSingleValued } from "../src/reference/single-valued.js";
import type { Finding } from "../src/engine/rule.js";
import { lineReference, type ConfigNode, type ConfigTree } from "../src/workspace/tree.js";
import { listenChecker } from "./duplicate-directive/listen-sockets.js";
import { checkLocations } from "./duplicate-directive/locations.js";
import { checkMapEntries } from "./duplicate-directive/map-entries.js";
import { upstreamChecker } from "./duplicate-directive/upstreams.js";
import { firstHere } from "./duplicate-directive/pairs.js";

export default defineRule({
  meta: {
    id: "duplicate-directive",
    type: "validation",
    severity: "error",
    docs: {
      summary: "A directive that may appear once per block written twice in one block, or a location, upstream, map entry or listen socket defined twice.",
      why: 'nginx stores one value for such directives (`proxy_pass`, `root`, `proxy_http_version`, timeouts, sizes, flags) and fails with `"..." directive is duplicate` instead of picking one. Some definitions must be unique too: two exact or two prefix (plain or `^~`) locations of one name in a block (`duplicate location`), two upstreams of one name, ignoring case (`duplicate upstream`), two `default` entries or one key twice in a map (`duplicate default map parameter`, `conflicting parameter`), and for one address:port, two default servers, socket options (`reuseport`, `backlog=`, `rcvbuf=`, `so_keepalive=`...) in two servers, or two listens in one server (`a duplicate default server for`, `duplicate listen options for`, `a duplicate listen`); a stream address:port takes one server.',
      fix: "Keep the one you mean and delete the other. To override a value from an outer block, set it in the inner block: inheritance is not duplication. Put `default_server` and socket options on one server's `listen` of each address:port.",
    },
    examples: {
      bad: [
        "events {}\nhttp {\n    server {\n        location /ws/ {\n            proxy_http_version 1.0;\n            proxy_http_version 1.1;\n        }\n    }\n}\n",
        "events {}\nhttp {\n    server {\n        location /ws/ {\n        }\n        location ^~ /ws/ {\n        }\n    }\n}\n",
        "events {}\nhttp {\n    server {\n        listen 8080 default_server;\n    }\n    server {\n        listen *:8080 default_server;\n    }\n}\n",
        "events {}\nhttp {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      close;\n        default close;\n    }\n}\n",
      ],
      good: [
        "events {}\nhttp {\n    proxy_http_version 1.0;\n    server {\n        location /ws/ {\n            proxy_http_version 1.1;\n        }\n    }\n}\n",
        "events {}\nhttp {\n    server {\n        listen 8080 default_server;\n        location = /ws/ {\n        }\n        location /ws/ {\n        }\n    }\n    server {\n        listen 127.0.0.1:8080 default_server;\n    }\n}\n",
      ],
    },
  },
  check(ctx) {
    for (const tree of ctx.model.trees) {
      checkBlock(tree.roots, ctx.report);
      checkDefinitions(tree, ctx.report);
    }
  },
  visit(node, ctx) {
    if (node.children.length === 0) return;
    if (node.name === "map" && (node.context === "http" || node.context === "stream")) checkMapEntries(node, ctx.report);
    else checkBlock(node.children, ctx.report);
  },
});

/**
 * Upstreams and listen sockets are unique across a whole configuration (one tree), in the order nginx reads them.
 * They live in http, stream and their servers only, so the walk does not enter locations.
 */
function checkDefinitions(tree: ConfigTree, report: (finding: Finding) => void): void {
  const checkers = [upstreamChecker(report), listenChecker(report)];
  const enter = (nodes: ConfigNode[]): void => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      for (let c = 0; c < checkers.length; c++) checkers[c](node);
      if (node.context !== "opaque" && OUTER_BLOCKS.has(node.name) && node.children.length > 0) enter(node.children);
    }
  };
  enter(tree.roots);
}

const OUTER_BLOCKS = new Set(["http", "stream", "server"]);

/** Reports the second of each once-per-block directive, and of each location, among one block's directives. */
function checkBlock(nodes: ConfigNode[], report: (finding: Finding) => void): void {
  checkLocations(nodes, report);
  const first = new Map<string, ConfigNode>();
  // Indexed: see walk() in src/workspace/tree.ts.
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.context === "opaque" || node.directive.recovered) continue;
    const name = node.name;
    const spec = lookupDirective(name, node.context);
    if (!spec || !isSingleValued(spec)) continue;
    // root and alias share one slot: either may follow the other only once.
    const slot = name === "alias" ? "root" : name;
    const earlier = first.get(slot);
    if (!earlier) {
      first.set(slot, node);
      continue;
    }
    const other = earlier.name;
    const also = other !== name ? `, "${other}" directive was specified earlier` : "";
    report({
      node,
      message: `"${name}" directive is duplicate${also} (first at ${lineReference(earlier, node)}); nginx takes it once per block`,
      related: [firstHere(earlier, `first "${other}" here`)],
    });
  }
}
