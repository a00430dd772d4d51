// Flags proxy_pass to https://<name> without proxy_ssl_server_name on: nginx sends no SNI to the backend.
import { defineRule } from "../src/engine/rule.js";
import { effectiveValue } from "../src/model/effective.js";
import { isIpLiteral, proxyTarget } from "../src/model/proxy-target.js";
import { describeWebSocket } from "../src/model/websocket.js";

const config = (sni: string): string =>
  `events {}\nhttp {\n    server {\n        listen 8080;\n        location /api/ {\n            proxy_pass https://api.example.com;\n${sni}        }\n    }\n}\n`;

export default defineRule({
  meta: {
    id: "proxy-ssl-server-name",
    type: "problem",
    severity: "warning",
    verifiedOn: "1.22.1",
    docs: {
      summary: "`proxy_pass https://<host name>` without `proxy_ssl_server_name on`.",
      why: "`proxy_ssl_server_name` is off by default, so nginx opens the TLS connection to the backend without SNI. Backends that choose the certificate or the site by SNI (CDNs, cloud load balancers, any host serving several names) answer with a default certificate, a 421/403, or fail the handshake. For an `upstream` whose servers are host names, the name sent is the upstream's own name unless `proxy_ssl_name` says otherwise.",
      fix: "Add `proxy_ssl_server_name on;` (and `proxy_ssl_name <backend name>;` when proxying to an upstream block), ideally with `proxy_ssl_verify on;` and `proxy_ssl_trusted_certificate`.",
    },
    examples: { bad: [config("")], good: [config("            proxy_ssl_server_name on;\n")] },
  },
  visits: ["proxy_pass"],
  visit(node, ctx, tree) {
    if (node.context === "opaque" || node.context.startsWith("stream")) return;
    const target = proxyTarget(node);
    const host = target?.host;
    if (target?.scheme !== "https" || !host || target.hostHasVariable || target.unix || isIpLiteral(host) || host.toLowerCase() === "localhost") return;
    const upstream = ctx.model.symbolsOf(tree).upstreams.get(host);
    // An upstream of IP addresses has no name to send; one of host names sends the upstream's name (proxy_ssl_name).
    if (upstream && upstream.servers.every((s) => isIpLiteral(s.address.replace(/:\d+$/, "")) || s.address.startsWith("unix:"))) return;
    if (effectiveValue(node.parent, tree, "proxy_ssl_server_name")?.value === "on") return;
    const ws = ctx.model.websocketLocations().find((w) => w.proxyPass === node);
    const name = upstream ? ` (and "proxy_ssl_name <backend name>;", or the upstream name "${host}" is sent)` : "";
    ctx.report({
      node,
      range: target.word.range,
      message: `${ws ? `${describeWebSocket(ws)}: ` : ""}"proxy_pass ${target.word.value}" opens TLS to the backend without SNI (proxy_ssl_server_name is off), so a backend that picks its certificate or site by name may present the wrong one or refuse the handshake; add "proxy_ssl_server_name on;"${name}`,
    });
  },
});
