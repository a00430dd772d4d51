// Flags TLS listeners without a certificate: in http, the default server of an address that some `listen ... ssl`
// makes TLS (what nginx -t checks), and, as a warning, other TLS servers that would borrow its certificate.
import { defineRule, type Finding } from "../src/engine/rule.js";
import { parseListen } from "../src/model/listen.js";
import { listenSocket } from "../src/model/listen-socket.js";
import { lineOf, type ConfigNode } from "../src/workspace/tree.js";

export default defineRule({
  meta: {
    id: "ssl-certificate-missing",
    type: "validation",
    severity: "error",
    docs: {
      summary: "A TLS listener's default server with no `ssl_certificate` (and, as a warning, any other `listen ... ssl` server without one).",
      why: 'One `listen ... ssl` makes its address TLS for every server on it. nginx then needs a certificate in the default server of that address (the one marked `default_server`, else the first) and fails with `no "ssl_certificate" is defined for the "listen ... ssl" directive`, naming that server block, even when the default server itself listens without `ssl`. Another server on the address may go without: nginx -t accepts it, but TLS clients asking for its names get the default server\'s certificate, which their browsers refuse.',
      fix: "Add `ssl_certificate` and `ssl_certificate_key` to the server (or to http, to share them), or use `ssl_reject_handshake on;` for a catch-all default server.",
    },
    examples: {
      bad: [
        "events {}\nhttp {\n    server {\n        listen 443 ssl;\n        server_name chat.example.com;\n    }\n}\n",
        "events {}\nhttp {\n    server {\n        listen 443;\n        return 444;\n    }\n    server {\n        listen 443 ssl;\n        server_name chat.example.com;\n        ssl_certificate /etc/ssl/chat.pem;\n        ssl_certificate_key /etc/ssl/chat.key;\n    }\n}\n",
      ],
      good: ["events {}\nhttp {\n    server {\n        listen 443 ssl;\n        server_name chat.example.com;\n        ssl_certificate /etc/ssl/chat.pem;\n        ssl_certificate_key /etc/ssl/chat.key;\n    }\n}\n"],
    },
  },
  visits: ["http", "server"],
  visit(node, ctx) {
    if (node.name === "http" && node.context === "main") checkHttp(node, ctx.report);
    // nginx names the listen line for stream (ngx_stream_ssl_init): every TLS listener needs its certificate.
    if (node.name === "server" && node.context === "stream") {
      const listen = node.children.find((c) => c.name === "listen" && c.directive.args.some((a) => a.value === "ssl"));
      if (listen && !hasCertificate(node) && !rejectsHandshake(node)) ctx.report({ node: listen, message: `no "ssl_certificate" is defined for this "listen ... ssl" directive` });
    }
  },
});

interface Address {
  /** The first `listen ... ssl` of the address: it makes the address TLS for every server on it. */
  sslListen: ConfigNode | undefined;
  /** The server nginx picks when no name matches: the one marked default_server, else the first. */
  defaultServer: ConfigNode;
  explicitDefault: boolean;
  /** Every server listening on the address, in order. */
  servers: ConfigNode[];
}

/**
 * As ngx_http_ssl_init checks, per address that some listen makes TLS: the default server needs a certificate,
 * unless it rejects handshakes, and then every other server there needs one (or rejects handshakes too).
 */
function checkHttp(http: ConfigNode, report: (finding: Finding) => void): void {
  const addresses = new Map<string, Address>();
  const servers = http.children.filter((c) => c.name === "server" && c.directive.block);
  for (const server of servers) {
    for (const listen of server.children) {
      if (listen.name !== "listen") continue;
      const key = addressKey(listen);
      const ssl = parseListen(listen)?.ssl === true;
      const isDefault = listen.directive.args.some((a) => a.value === "default_server" || a.value === "default");
      const address = addresses.get(key);
      if (!address) addresses.set(key, { sslListen: ssl ? listen : undefined, defaultServer: server, explicitDefault: isDefault, servers: [server] });
      else {
        if (ssl) address.sslListen ??= listen;
        if (isDefault && !address.explicitDefault) [address.defaultServer, address.explicitDefault] = [server, true];
        if (address.servers[address.servers.length - 1] !== server) address.servers.push(server);
      }
    }
  }
  const reported = new Set<ConfigNode>();
  for (const [key, address] of addresses) {
    const sslListen = address.sslListen;
    if (!sslListen) continue;
    const fallback = address.defaultServer;
    const made = sslListen.parent === fallback ? `line ${lineOf(sslListen)}` : `line ${lineOf(sslListen)} makes ${key} TLS`;
    const related = [{ file: sslListen.file, range: sslListen.directive.name.range, message: "listens with ssl here" }];
    if (hasCertificate(fallback)) {
      // The default server lends its certificate to the others: nginx -t passes, their clients do not.
      for (const server of address.servers) {
        if (server === fallback || reported.has(server) || hasCertificate(server) || rejectsHandshake(server)) continue;
        reported.add(server);
        report({
          node: server,
          severity: "warning",
          message: `no "ssl_certificate" in this server, on ${key} (${made}): nginx -t accepts it, but TLS clients asking for its names get the certificate of the default server (line ${lineOf(fallback)}), which their browsers refuse`,
          related,
        });
      }
    } else if (rejectsHandshake(fallback)) {
      // A default server that rejects handshakes lends nothing: every other server there needs its own.
      for (const server of address.servers) {
        if (server === fallback || reported.has(server) || hasCertificate(server) || rejectsHandshake(server)) continue;
        reported.add(server);
        report({ node: server, message: `no "ssl_certificate" is defined for the "listen ... ssl" directive (${made}) in this server, and the default server (line ${lineOf(fallback)}) rejects handshakes instead of lending one; nginx -t fails`, related });
      }
    } else if (!reported.has(fallback)) {
      reported.add(fallback);
      const why = sslListen.parent === fallback ? made : `${made}, and this server is its default server`;
      report({ node: fallback, message: `no "ssl_certificate" is defined for the "listen ... ssl" directive (${why}) in this server; nginx -t fails`, related });
    }
  }
}

function addressKey(listen: ConfigNode): string {
  // An address nginx would resolve by name is its own, as written: wslint does not guess what DNS answers.
  return listenSocket(listen)?.address ?? listen.directive.args[0]?.value ?? "";
}

/** A certificate at server level or inherited from http. */
function hasCertificate(server: ConfigNode): boolean {
  return inServerOrHttp(server, (c) => c.name === "ssl_certificate");
}

/** `ssl_reject_handshake on` at server level or inherited from http: the server needs no certificate. */
function rejectsHandshake(server: ConfigNode): boolean {
  return inServerOrHttp(server, (c) => c.name === "ssl_reject_handshake" && c.directive.args[0]?.value === "on");
}

function inServerOrHttp(server: ConfigNode, test: (node: ConfigNode) => boolean): boolean {
  return server.children.some(test) || (server.parent?.children.some(test) ?? false);
}
