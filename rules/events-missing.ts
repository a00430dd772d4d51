// Flags a main configuration without an `events` block.
import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "events-missing",
    type: "validation",
    severity: "error",
    docs: {
      summary: "A main configuration without an `events {}` block.",
      why: 'nginx requires an events block (even an empty one) and fails with `no "events" section in configuration`. Snippets included from another file are not main configurations and are never flagged.',
      fix: "Add `events {}` at the top level of the main configuration.",
    },
    examples: {
      bad: ["http {\n    server {\n        listen 8080;\n    }\n}\n"],
      good: ["events {}\nhttp {\n    server {\n        listen 8080;\n    }\n}\n"],
    },
  },
  check(ctx) {
    for (const tree of ctx.model.trees) {
      if (tree.contextSource !== "main" || tree.context !== "main") continue;
      if (tree.roots.some((n) => n.name === "events")) continue;
      const first = tree.roots[0];
      const at = { line: 1, column: 1, offset: 0 };
      ctx.report({
        file: tree.entry,
        range: first ? first.directive.name.range : { start: at, end: at },
        message: 'no "events" section in configuration; add "events {}" at the top level',
      });
    }
  },
});
