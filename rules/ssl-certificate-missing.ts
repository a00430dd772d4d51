// Flags TLS listeners without a certificate: in http, the default server of an address that some `listen ... ssl`
// makes TLS (what nginx -t checks), and, as a warning, other TLS servers that would borrow its certificate.
import { defineRule, type Finding } from "../src/engine/rule.js";
import { DEFAULT_LISTEN_PORT, inForceInServer, parseListen } from "../src/model/listen.js";
import { listenSocket } from "../src/model/listen-socket.js";
import { lineOf, lineReference, type ConfigNode } from "../src/workspace/tree.js";

export default defineRule({
  meta: {
    id: "ssl-certificate-missing",
    type: "validation",
    severity: "error",
    docs: {
      summary: "A TLS listener's default server with no `ssl_certificate`, a certificate without its key (and, as a warning, a `listen ... ssl` server that borrows the default server's certificate).",
      why: 'One `listen ... ssl` makes its address TLS for every server on it. nginx then needs a certificate in the default server of that address (the one marked `default_server`, else the first) and fails with `no "ssl_certificate" is defined for the "listen ... ssl" directive`, naming that server block, even when the default server itself listens without `ssl`. A default server with `ssl_reject_handshake on` lends nothing, so then every other server there needs its own. Every `ssl_certificate` also needs an `ssl_certificate_key` (`no "ssl_certificate_key" is defined for certificate`). Another server on the address may go without: nginx -t accepts it, but TLS clients asking for its names get the default server\'s certificate, which their browsers refuse.',
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
  const guessedPorts = new Set<number>();
  const add = (server: ConfigNode, key: string, ssl: boolean, isDefault: boolean, listen: ConfigNode | undefined): void => {
    const address = addresses.get(key);
    if (!address) addresses.set(key, { sslListen: ssl ? listen : undefined, defaultServer: server, explicitDefault: isDefault, servers: [server] });
    else {
      if (ssl) address.sslListen ??= listen;
      if (isDefault && !address.explicitDefault) [address.defaultServer, address.explicitDefault] = [server, true];
      if (address.servers[address.servers.length - 1] !== server) address.servers.push(server);
    }
  };
  for (const server of servers) {
    const listens = server.children.filter((c) => c.name === "listen");
    // A server without listen listens on *:80 (as root, which `nginx -t` for a deployment usually is).
    if (listens.length === 0) add(server, `0.0.0.0:${DEFAULT_LISTEN_PORT}`, false, false, undefined);
    for (const listen of listens) {
      const parsed = parseListen(listen);
      const socket = listenSocket(listen);
      // A listen by host name binds whatever DNS answers (`localhost` is 127.0.0.1): wslint does not guess, so
      // it judges no address on that port rather than risk an nginx -t error nginx would not give.
      if (!socket) {
        if (parsed?.port !== undefined) guessedPorts.add(parsed.port);
        continue;
      }
      add(server, socket.address, parsed?.ssl === true, socket.defaultServer, listen);
    }
  }
  checkKeys(servers, report);
  const reported = new Set<ConfigNode>();
  for (const [key, address] of addresses) {
    const sslListen = address.sslListen;
    if (!sslListen || guessedPorts.has(Number(key.slice(key.lastIndexOf(":") + 1)))) continue;
    const fallback = address.defaultServer;
    const made = sslListen.parent === fallback ? `line ${lineOf(sslListen)}` : `${lineReference(sslListen, fallback)} makes ${key} TLS`;
    const related = [{ file: sslListen.file, range: sslListen.directive.name.range, message: "listens with ssl here" }];
    if (hasCertificate(fallback)) {
      // The default server lends its certificate to the others: nginx -t passes, their clients do not.
      for (const server of address.servers) {
        if (server === fallback || reported.has(server) || hasCertificate(server) || rejectsHandshake(server)) continue;
        reported.add(server);
        report({
          node: server,
          severity: "warning",
          message: `no "ssl_certificate" in this server, on ${key} (${made}): nginx -t accepts it, but TLS clients asking for its names get the certificate of the default server (${lineReference(fallback, server)}), which their browsers refuse`,
          related,
        });
      }
    } else if (rejectsHandshake(fallback)) {
      // A default server that rejects handshakes lends nothing: every other server there needs its own.
      for (const server of address.servers) {
        if (server === fallback || reported.has(server) || hasCertificate(server) || rejectsHandshake(server)) continue;
        reported.add(server);
        report({ node: server, message: `no "ssl_certificate" is defined for the "listen ... ssl" directive (${made}) in this server, and the default server (${lineReference(fallback, server)}) rejects handshakes instead of lending one; nginx -t fails`, related });
      }
    } else if (!reported.has(fallback)) {
      reported.add(fallback);
      const why = sslListen.parent === fallback ? made : `${made}, and this server is its default server`;
      report({ node: fallback, message: `no "ssl_certificate" is defined for the "listen ... ssl" directive (${why}) in this server; nginx -t fails`, related });
    }
  }
}

/** A certificate at server level or inherited from http. */
function hasCertificate(server: ConfigNode): boolean {
  return inForceInServer(server, "ssl_certificate").length > 0;
}

/** `ssl_reject_handshake on` in force in the server (its own value, else http's): it needs no certificate. */
function rejectsHandshake(server: ConfigNode): boolean {
  return inForceInServer(server, "ssl_reject_handshake").at(-1)?.directive.args[0]?.value === "on";
}

/**
 * A certificate without its key, as ngx_http_ssl_merge_srv_conf finds it in each server: the certificate and key
 * lists are inherited from http separately, each as a whole, and there must be a key for every certificate.
 */
function checkKeys(servers: ConfigNode[], report: (finding: Finding) => void): void {
  for (const server of servers) {
    const certificates = inForceInServer(server, "ssl_certificate");
    const keys = inForceInServer(server, "ssl_certificate_key");
    if (certificates.length <= keys.length) continue;
    // nginx names the last certificate, variables or not (it checks the counts before loading anything).
    const missing = certificates[certificates.length - 1];
    const file = missing.directive.args[0]?.value ?? "";
    report({ node: missing, message: `no "ssl_certificate_key" is defined for certificate "${file}"; nginx -t fails` });
  }
}
