// Flags known directives written in a block where nginx does not allow them.
import { defineRule } from "../src/engine/rule.js";
import { contextLabel } from "../src/reference/context-names.js";
import { directivesNamed } from "../src/reference/directives.js";
import { unavailableReason } from "../src/reference/availability.js";
import { walk } from "../src/workspace/tree.js";

export default defineRule({
  meta: {
    id: "directive-context",
    type: "validation",
    severity: "error",
    docs: {
      summary: "A directive written in a block where nginx does not allow it.",
      why: 'Each directive is valid only in certain contexts (http, server, location, upstream, ...); elsewhere nginx fails with `"..." directive is not allowed here`.',
      fix: "Move the directive into one of the contexts the message lists.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    proxy_pass http://127.0.0.1:8080;\n}\n"],
      good: ["events {}\nhttp {\n    server {\n        location / {\n            proxy_pass http://127.0.0.1:8080;\n        }\n    }\n}\n"],
    },
  },
  check(ctx) {
    for (const tree of ctx.model.trees) {
      walk(tree.roots, (node) => {
        const context = node.context;
        if (context === "opaque") return false;
        // A guessed snippet context fits its top level by construction, or nothing fits and we cannot know.
        if (tree.contextSource === "guessed" && !node.parent) return;
        const specs = directivesNamed(node.directive.name.value);
        if (specs.length === 0 || specs.some((s) => s.contexts.includes(context))) return;
        if (unavailableReason(node.directive.name.value, ctx.model.nginxVersion)) return false;
        const allowed = [...new Set(specs.flatMap((s) => s.contexts))].map(contextLabel);
        ctx.report({
          node,
          message: `"${node.directive.name.value}" directive is not allowed in ${contextLabel(context)}; it belongs in ${allowed.join(", ")}`,
        });
        return false;
      });
    }
  },
});
