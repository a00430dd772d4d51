// Flags X-Forwarded-For built with $proxy_add_x_forwarded_for where nothing says which proxies to trust.
import { defineRule } from "../src/engine/rule.js";
import { effective } from "../src/model/effective.js";

const config = (value: string): string =>
  `events {}\nhttp {\n    server {\n        listen 8080;\n        location /api/ {\n            proxy_pass http://127.0.0.1:3000;\n            proxy_set_header X-Forwarded-For ${value};\n        }\n    }\n}\n`;

export default defineRule({
  meta: {
    id: "forwarded-for-spoofable",
    type: "suggestion",
    severity: "info",
    verifiedOn: "1.22.1",
    docs: {
      summary: "`X-Forwarded-For $proxy_add_x_forwarded_for` in a server without realip configuration.",
      why: "`$proxy_add_x_forwarded_for` appends the client address to whatever X-Forwarded-For the client sent (seen: a client sending `6.6.6.6` reaches the backend as `6.6.6.6, 127.0.0.1`). At the edge, a backend that takes the first address (most frameworks do) logs, rate-limits and authorises by an address the client chose.",
      fix: "At the edge, send `proxy_set_header X-Forwarded-For $remote_addr;`. Behind a trusted proxy or CDN, configure realip (`set_real_ip_from <its ranges>; real_ip_header X-Forwarded-For;`) so nginx knows which part to trust.",
    },
    examples: { bad: [config("$proxy_add_x_forwarded_for")], good: [config("$remote_addr")] },
  },
  visits: ["proxy_set_header"],
  visit(node, ctx, tree) {
    if (node.context === "opaque") return;
    const [name, value] = node.directive.args;
    if (name?.value.toLowerCase() !== "x-forwarded-for" || !value?.value.includes("$proxy_add_x_forwarded_for")) return;
    const realip = ["set_real_ip_from", "real_ip_header"].some((d) => effective(node.parent, tree, d).nodes.length > 0);
    if (realip) return;
    ctx.report({
      node,
      range: value.range,
      message: `"X-Forwarded-For $proxy_add_x_forwarded_for" appends to the X-Forwarded-For the client sent, and no set_real_ip_from or real_ip_header is in force, so a client can put any address first; at the edge send "proxy_set_header X-Forwarded-For $remote_addr;", or configure realip with the trusted proxies`,
    });
  },
});
