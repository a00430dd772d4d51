// Reports what nginx cannot read as configuration: unbalanced braces, missing ";", unclosed quotes, binary
// files, and directives written as a block when they take none (or the reverse).
import { defineRule } from "../src/engine/rule.js";
import { lookupDirective } from "../src/reference/directives.js";
import { unavailableReason } from "../src/reference/availability.js";

export default defineRule({
  meta: {
    id: "syntax-error",
    type: "validation",
    severity: "error",
    docs: {
      summary: "The file is not valid nginx configuration syntax.",
      why: "nginx refuses to start or reload when any configuration file cannot be read: `nginx -t` stops at the first such error.",
      fix: 'Close every block with "}", end every simple directive with ";", close every quote, and quote regular expressions that contain "{", "}" or ";".',
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        listen 8080\n    }\n}\n", "events {}\nhttp {\n    server {\n        location ~ ^/v\\d{2}/ {\n        }\n    }\n}\n"],
      good: ["events {}\nhttp {\n    server {\n        listen 8080;\n        location ~ \"^/v\\d{2}/\" {\n        }\n    }\n}\n"],
    },
  },
  check(ctx) {
    for (const loaded of ctx.model.workspace.files.values()) {
      for (const issue of loaded.issues) ctx.report({ file: loaded.path, range: issue.range, message: issue.message });
    }
    for (const issue of ctx.model.workspace.issues) ctx.report({ file: issue.file, range: issue.range, message: issue.message });
  },
  // nginx's messages for a block where none belongs, or none where one must be (ngx_conf_handler).
  visit(node, ctx) {
    if (node.context === "opaque") return;
    const d = node.directive;
    const name = d.name.value;
    const spec = lookupDirective(name, node.context);
    if (!spec || d.recovered || unavailableReason(name, ctx.model.nginxVersion)) return;
    if (spec.block && !d.block && !d.rawBody) ctx.report({ node, range: d.range, message: `directive "${name}" has no opening "{"` });
    if (!spec.block && d.block) {
      const header = { start: d.range.start, end: d.block.range.start };
      ctx.report({ node, range: header, message: `directive "${name}" is not terminated by ";" (it takes no block: is a ";" missing, or a "{" unquoted in a regex?)` });
    }
  },
});
