// Flags a directive nginx accepts only once per block, written twice in the same block.
import { defineRule } from "../src/engine/rule.js";
import { lookupDirective } from "../src/reference/directives.js";
import { isSingleValued } from "../src/reference/single-valued.js";
import type { Finding } from "../src/engine/rule.js";
import { lineOf, type ConfigNode } from "../src/workspace/tree.js";

export default defineRule({
  meta: {
    id: "duplicate-directive",
    type: "validation",
    severity: "error",
    docs: {
      summary: "A directive that may appear once per block, written twice in one block.",
      why: 'nginx stores one value for such directives (`proxy_pass`, `root`, `proxy_http_version`, timeouts, sizes, flags) and fails with `"..." directive is duplicate` instead of picking one.',
      fix: "Keep the one you mean and delete the other. To override a value from an outer block, set it in the inner block: inheritance is not duplication.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        location /ws/ {\n            proxy_http_version 1.0;\n            proxy_http_version 1.1;\n        }\n    }\n}\n"],
      good: ["events {}\nhttp {\n    proxy_http_version 1.0;\n    server {\n        location /ws/ {\n            proxy_http_version 1.1;\n        }\n    }\n}\n"],
    },
  },
  check(ctx) {
    for (const tree of ctx.model.trees) checkBlock(tree.roots, ctx.report);
  },
  visit(node, ctx) {
    if (node.children.length > 0) checkBlock(node.children, ctx.report);
  },
});

/** Reports the second of each once-per-block directive among one block's directives. */
function checkBlock(nodes: ConfigNode[], report: (finding: Finding) => void): void {
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
      message: `"${name}" directive is duplicate${also} (first at ${where(earlier, node)}); nginx takes it once per block`,
      related: [{ file: earlier.file, range: earlier.directive.name.range, message: `first "${other}" here` }],
    });
  }
}

function where(earlier: ConfigNode, later: ConfigNode): string {
  const line = lineOf(earlier);
  return earlier.file === later.file ? `line ${line}` : `${earlier.file}:${line}`;
}
