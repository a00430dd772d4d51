// Flags the `ssl` directive: deprecated since nginx 1.15.0, removed in 1.25.1 in favour of `listen ... ssl`.
import { defineRule } from "../src/engine/rule.js";
import { atLeast } from "../src/model/version.js";

// unknown-directive leaves `ssl` alone (src/reference/availability.ts does not mark it removed), so this rule is the
// only one that reports it, at error where nginx -t fails.
const DEPRECATED_IN = "1.15.0";
const REMOVED_IN = "1.25.1";
const CONTEXTS = new Set(["http", "server", "mail", "mail-server"]);

export default defineRule({
  meta: {
    id: "ssl-on-removed",
    type: "validation",
    severity: "error",
    docs: {
      summary: "The `ssl on;` directive, deprecated since nginx 1.15.0 and removed in 1.25.1.",
      why: "nginx 1.15.0 to 1.25.0 warn `the \"ssl\" directive is deprecated, use the \"listen ... ssl\" directive instead`; from 1.25.1 `ssl` is an `unknown directive` and `nginx -t` fails. `ssl on` also turned every listener of the server into TLS, which is why a separate port-80 server was needed; `listen ... ssl` says it per listener.",
      fix: "Delete `ssl on;` and add `ssl` to the server's TLS listeners: `listen 443 ssl;`.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        listen 443;\n        ssl on;\n        server_name app.example.com;\n        ssl_certificate /etc/ssl/app.pem;\n        ssl_certificate_key /etc/ssl/app.key;\n    }\n}\n"],
      good: ["events {}\nhttp {\n    server {\n        listen 443 ssl;\n        server_name app.example.com;\n        ssl_certificate /etc/ssl/app.pem;\n        ssl_certificate_key /etc/ssl/app.key;\n    }\n}\n"],
    },
  },
  visits: ["ssl"],
  visit(node, ctx) {
    if (!CONTEXTS.has(node.context)) return;
    const value = node.directive.args[0]?.value ?? "on";
    const target = ctx.model.nginxVersion;
    const removed = atLeast(target, REMOVED_IN);
    const deprecated = atLeast(target, DEPRECATED_IN);
    const fix = value === "on" ? 'delete it and write "listen ... ssl" on the TLS listeners' : "delete it";
    ctx.report({
      node,
      severity: removed ? "error" : deprecated ? "warning" : "info",
      message: removed
        ? `unknown directive "ssl": "ssl ${value}" was removed in nginx ${REMOVED_IN} (the target is ${target.text}); ${fix}`
        : `"ssl ${value}" is deprecated ${deprecated ? "since" : "from"} nginx ${DEPRECATED_IN} and removed in ${REMOVED_IN}, where nginx -t fails; ${fix}`,
    });
  },
});
