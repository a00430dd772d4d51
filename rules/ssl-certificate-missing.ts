// Flags TLS listeners without a certificate: in http, the default server of an address that some `listen ... ssl`
// makes TLS (what nginx -t checks), and, as a warning, other TLS servers that would borrow its certificate.
import { defineRule, type Finding } from "../src/engine/rule.js";
import { parseListen } from "../src/model/listen.js";
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
  // A listen by host name binds whatever DNS answers (`localhost` is 127.0.0.1): wslint does not guess, so it
  // judges no address on a port that one uses rather than risk an nginx -t error nginx would not give.
  const guessedPorts = new Set([...addresses.keys()].filter((key) => !isCanonical(key)).map((key) => key.slice(key.lastIndexOf(":") + 1)));
  checkKeys(servers, report);
  const reported = new Set<ConfigNode>();
  for (const [key, address] of addresses) {
    const sslListen = address.sslListen;
    if (!sslListen || !isCanonical(key) || guessedPorts.has(key.slice(key.lastIndexOf(":") + 1))) continue;
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

/** An address as nginx prints it (`0.0.0.0:443`, `[::]:443`, `unix:...`), not a host name as written. */
function isCanonical(key: string): boolean {
  return /^(\d+\.\d+\.\d+\.\d+|\[[^\]]*\]):\d+$/.test(key) || key.startsWith("unix:");
}

function addressKey(listen: ConfigNode): string {
  // An address nginx would resolve by name is its own, as written: wslint does not guess what DNS answers.
  return listenSocket(listen)?.address ?? listen.directive.args[0]?.value ?? "";
}

/** A certificate at server level or inherited from http. */
function hasCertificate(server: ConfigNode): boolean {
  return listInForce(server, "ssl_certificate").length > 0;
}

/** `ssl_reject_handshake on` in force in the server (its own value, else http's): it needs no certificate. */
function rejectsHandshake(server: ConfigNode): boolean {
  const own = server.children.filter((c) => c.name === "ssl_reject_handshake");
  const inForce = own.length > 0 ? own : (server.parent?.children ?? []).filter((c) => c.name === "ssl_reject_handshake");
  return inForce.at(-1)?.directive.args[0]?.value === "on";
}

/**
 * A certificate without its key, as ngx_http_ssl_merge_srv_conf finds it in each server: the certificate and key
 * lists are inherited from http separately, each as a whole, and there must be a key for every certificate.
 */
function checkKeys(servers: ConfigNode[], report: (finding: Finding) => void): void {
  for (const server of servers) {
    const certificates = listInForce(server, "ssl_certificate");
    const keys = listInForce(server, "ssl_certificate_key");
    if (certificates.length <= keys.length) continue;
    const missing = certificates[keys.length];
    const file = missing.directive.args[0]?.value ?? "";
    if (file.includes("$")) continue; // a certificate chosen per request (1.15.9) is loaded then, with its key
    report({ node: missing, message: `no "ssl_certificate_key" is defined for certificate "${file}"; nginx -t fails` });
  }
}

/** A list directive in force in the server: its own lines, else http's. */
function listInForce(server: ConfigNode, name: string): ConfigNode[] {
  const own = server.children.filter((c) => c.name === name);
  return own.length > 0 ? own : (server.parent?.children ?? []).filter((c) => c.name === name);
}
