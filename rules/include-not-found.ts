// Flags an `include` of a literal path that cannot be read (an empty glob is fine, as in nginx).
import { isAbsolute } from "node:path";
import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "include-not-found",
    type: "validation",
    severity: "error",
    docs: {
      summary: "An `include` names a file that does not exist or cannot be read.",
      why: 'nginx opens every literal include path when it reads the configuration and fails with `open() "..." failed` if it cannot; a glob that matches nothing is not an error. A missing absolute path (`/etc/letsencrypt/options-ssl-nginx.conf`) is a warning: it usually exists on the server the config is deployed to, just not where wslint runs.',
      fix: "Correct the path (relative paths resolve against the main configuration's directory), create the file, or use a glob if the file is optional.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    include websocket-map.conf;\n}\n"],
      good: ["events {}\nhttp {\n    include conf.d/*.conf;\n}\n"],
    },
  },
  visits: ["include"],
  visit(node, ctx) {
    const include = node.include;
    if (!include) return;
    const range = node.directive.args[0]?.range;
    if (include.error) {
      // An absolute path that is missing here (/etc/letsencrypt/..., /etc/nginx/snippets/...) usually exists on
      // the server the config is deployed to: say so as a warning rather than failing CI on it.
      const elsewhere = isAbsolute(include.pattern) && include.error === "No such file or directory";
      ctx.report({
        node,
        range,
        severity: elsewhere ? "warning" : undefined,
        message: elsewhere
          ? `open() "${include.resolved}" failed (${include.error}) on this machine; if the file exists where nginx runs, nginx reads it there, but wslint could not check its contents`
          : `open() "${include.resolved}" failed (${include.error}); nginx cannot read this include`,
      });
    }
    // Not nginx's problem but wslint's limit: say so, softly, so nothing is silently unchecked.
    if (include.notFollowed) ctx.report({ node, range, severity: "warning", message: include.notFollowed });
  },
});
