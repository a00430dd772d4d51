// Flags a server that listens with `ssl` but has no `ssl_certificate`, here or inherited from http.
import { defineRule } from "../src/engine/rule.js";
import { lineOf, type ConfigNode } from "../src/workspace/tree.js";

export default defineRule({
  meta: {
    id: "ssl-certificate-missing",
    type: "validation",
    severity: "error",
    docs: {
      summary: "A `listen ... ssl` server with no `ssl_certificate`.",
      why: 'nginx cannot complete a TLS handshake without a certificate and fails with `no "ssl_certificate" is defined for the "listen ... ssl" directive`, naming the server block.',
      fix: "Add `ssl_certificate` and `ssl_certificate_key` to the server (or to http, to share them), or use `ssl_reject_handshake on;` for a catch-all server.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        listen 443 ssl;\n        server_name chat.example.com;\n    }\n}\n"],
      good: ["events {}\nhttp {\n    server {\n        listen 443 ssl;\n        server_name chat.example.com;\n        ssl_certificate /etc/ssl/chat.pem;\n        ssl_certificate_key /etc/ssl/chat.key;\n    }\n}\n"],
    },
  },
  visits: ["server"],
  visit(server, ctx) {
    const inHttp = server.context === "http";
    if (!inHttp && server.context !== "stream") return;
    const listen = server.children.find((c) => c.name === "listen" && c.directive.args.some((a) => a.value === "ssl"));
    if (!listen || hasCertificate(server)) return;
    // nginx names the server block for http (ngx_http_ssl_init) and the listen line for stream.
    const line = lineOf(listen);
    ctx.report({
      node: inHttp ? server : listen,
      message: inHttp
        ? `no "ssl_certificate" is defined for the "listen ... ssl" directive (line ${line}) in this server`
        : `no "ssl_certificate" is defined for this "listen ... ssl" directive`,
      related: inHttp ? [{ file: listen.file, range: listen.directive.name.range, message: "listens with ssl here" }] : undefined,
    });
  },
});

/** A certificate at server level or inherited from http; `ssl_reject_handshake on` needs none. */
function hasCertificate(server: ConfigNode): boolean {
  const levels = [server.children, server.parent?.children ?? []];
  return levels.some((nodes) =>
    nodes.some((c) => {
      const name = c.name;
      return name === "ssl_certificate" || (name === "ssl_reject_handshake" && c.directive.args[0]?.value === "on");
    }),
  );
}
