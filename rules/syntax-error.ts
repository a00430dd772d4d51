// Reports what the parser could not read: unbalanced braces, missing ";", unclosed quotes, binary files.
import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "syntax-error",
    type: "validation",
    severity: "error",
    docs: {
      summary: "The file is not valid nginx configuration syntax.",
      why: "nginx refuses to start or reload when any configuration file cannot be tokenized: `nginx -t` stops at the first such error.",
      fix: 'Close every block with "}", end every simple directive with ";", close every quote, and quote regular expressions that contain "{", "}" or ";".',
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        listen 8080\n    }\n}\n"],
      good: ["events {}\nhttp {\n    server {\n        listen 8080;\n    }\n}\n"],
    },
  },
  check(ctx) {
    for (const loaded of ctx.model.workspace.files.values()) {
      for (const issue of loaded.issues) ctx.report({ file: loaded.path, range: issue.range, message: issue.message });
    }
  },
});
