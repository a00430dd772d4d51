// Flags an `include` that brings in a file already being included further up the chain.
import { relative } from "node:path";
import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "include-cycle",
    type: "validation",
    severity: "error",
    docs: {
      summary: "Files that include each other in a loop.",
      why: "nginx has no cycle check: it includes the files again and again until it runs out of file descriptors or memory, and never starts.",
      fix: "Break the loop: include shared snippets from one place only.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    include nginx.conf;\n}\n"],
      good: ["events {}\nhttp {\n    include conf.d/*.conf;\n}\n"],
    },
  },
  visits: ["include"],
  visit(node, ctx) {
    const cycle = node.include?.cycle;
    if (!cycle) return;
    const base = node.include!.resolved.replace(/[^/]*$/, "");
    const chain = cycle.map((f) => relative(base, f) || f).join(" → ");
    ctx.report({ node, range: node.directive.args[0]?.range, message: `include cycle: ${chain}; nginx would include these files forever` });
  },
});
