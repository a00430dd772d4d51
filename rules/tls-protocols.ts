// Flags ssl_protocols that enable SSLv2, SSLv3, TLSv1 or TLSv1.1.
import { defineRule } from "../src/engine/rule.js";
import { serverListens, sslOnInForce } from "../src/model/listen.js";
import type { ConfigNode, ConfigTree } from "../src/workspace/tree.js";

// ngx_conf_set_bitmask_slot compares protocol names case-insensitively.
const WEAK = new Set(["sslv2", "sslv3", "tlsv1", "tlsv1.1"]);

const config = (protocols: string): string =>
  `events {}\nhttp {\n    server {\n        listen 443 ssl;\n        server_name app.example.com;\n        ssl_certificate /etc/ssl/app.pem;\n        ssl_certificate_key /etc/ssl/app.key;\n        ssl_protocols ${protocols};\n    }\n}\n`;

export default defineRule({
  meta: {
    id: "tls-protocols",
    type: "problem",
    severity: "warning",
    docs: {
      summary: "`ssl_protocols` enabling SSLv2, SSLv3, TLSv1 or TLSv1.1.",
      why: "SSLv2 and SSLv3 are broken (DROWN, POODLE); TLS 1.0 and 1.1 were deprecated by RFC 8996 in 2021 and browsers no longer offer them. Enabling them only lets a downgrade or an outdated client weaken the connection that carries your WebSocket traffic and cookies. nginx's own default is `TLSv1.2 TLSv1.3` since 1.23.4. A value in `http` or in a server is reported only when a TLS server (`listen ... ssl` or `quic`, or `ssl on`) has it in force: an http-level line that every TLS server overrides with its own `ssl_protocols` (as certbot's included options file does) enables nothing.",
      fix: "Write `ssl_protocols TLSv1.2 TLSv1.3;` (or remove the line on nginx 1.23.4 and later).",
    },
    examples: { bad: [config("TLSv1 TLSv1.1 TLSv1.2")], good: [config("TLSv1.2 TLSv1.3")] },
  },
  visits: ["ssl_protocols"],
  visit(node, ctx, tree) {
    if (node.context === "opaque") return;
    const weak = node.directive.args.filter((a) => WEAK.has(a.value.toLowerCase()));
    if (weak.length === 0 || !inForceForTls(node, tree)) return;
    const names = weak.map((w) => w.value).join(", ");
    ctx.report({
      node,
      range: { start: weak[0].range.start, end: weak[weak.length - 1].range.end },
      message: `ssl_protocols enables ${names}, ${weak.length > 1 ? "which are" : "which is"} obsolete and weak (RFC 8996); allow only "TLSv1.2 TLSv1.3"`,
    });
  },
});

/** A server that speaks TLS: a `listen ... ssl` or `quic`, or `ssl on` in force. */
function isTlsServer(server: ConfigNode): boolean {
  return serverListens(server).some((l) => l.ssl || l.quic) || sslOnInForce(server);
}

/**
 * Whether an http-level or server-level ssl_protocols is in force in some TLS server: a server's own line when the
 * server speaks TLS, an http-level one when some TLS server does not set its own. Unknown (true) at the top level of
 * a snippet with no servers in it, whose includer is not known; other contexts (stream, mail) are always reported.
 */
function inForceForTls(node: ConfigNode, tree: ConfigTree): boolean {
  const owner = node.parent;
  if (node.context === "server") return owner ? isTlsServer(owner) : true;
  if (node.context !== "http") return true;
  const servers = (owner?.children ?? tree.roots).filter((c) => c.name === "server" && c.context === "http");
  if (!owner && servers.length === 0) return true;
  return servers.some((server) => isTlsServer(server) && !server.children.some((c) => c.name === "ssl_protocols"));
}
