// Flags known directives written in a block where nginx does not allow them.
import { defineRule } from "../src/engine/rule.js";
import { contextLabel } from "../src/reference/context-names.js";
import { directivesNamed } from "../src/reference/directives.js";
import { unavailableReason } from "../src/reference/availability.js";

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
  visit(node, ctx, tree) {
    // A misplaced block's children are opaque (their context is unknowable), so only the block is reported.
    const context = node.context;
    if (context === "opaque") return;
    // A guessed snippet context fits its top level by construction, or nothing fits and we cannot know.
    if (tree.contextSource === "guessed" && !node.parent) return;
    const name = node.directive.name.value;
    const specs = directivesNamed(name);
    if (specs.length === 0 || specs.some((s) => s.contexts.includes(context))) return;
    if (unavailableReason(name, ctx.model.nginxVersion)) return;
    const allowed = [...new Set(specs.flatMap((s) => s.contexts))].map(contextLabel);
    ctx.report({ node, message: `"${name}" directive is not allowed in ${contextLabel(context)}; it belongs in ${allowed.join(", ")}` });
  },
});
