// Flags `backup` servers in upstreams balanced by ip_hash or hash, which never use them.
import { defineRule, type Finding } from "../src/engine/rule.js";
import type { Upstream } from "../src/model/symbols.js";

const NO_BACKUP = new Set(["ip_hash", "hash"]);

export default defineRule({
  meta: {
    id: "balancer-backup",
    type: "validation",
    severity: "error",
    docs: {
      summary: "A `backup` server in an upstream balanced by `ip_hash` or `hash`.",
      why: "These methods do not support backup servers. When the method comes before the server, `nginx -t` fails (`balancing method does not support parameter \"backup\"`); when it comes after, nginx accepts it silently and the backup server is never used, so failover you rely on does not exist.",
      fix: "Remove `backup` (and let the hash spread clients over all servers), or use `least_conn` or round-robin, which support backup servers.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    upstream chat {\n        ip_hash;\n        server 127.0.0.1:8081;\n        server 127.0.0.1:8082 backup;\n    }\n}\n"],
      good: ["events {}\nhttp {\n    upstream chat {\n        least_conn;\n        server 127.0.0.1:8081;\n        server 127.0.0.1:8082 backup;\n    }\n}\n"],
    },
  },
  check(ctx) {
    const { upstreams, streamUpstreams } = ctx.model.symbols;
    for (const upstream of [...upstreams.values(), ...streamUpstreams.values()]) checkUpstream(upstream, ctx.report);
  },
});

function checkUpstream(upstream: Upstream, report: (finding: Finding) => void): void {
  const method = upstream.method;
  if (!method || !NO_BACKUP.has(method.directive.name.value)) return;
  const methodName = method.directive.name.value;
  const order = upstream.node.children;
  for (const server of upstream.servers) {
    const backup = server.node.directive.args.find((a) => a.value === "backup");
    if (!backup) continue;
    const methodFirst = order.indexOf(method) < order.indexOf(server.node);
    report({
      node: server.node,
      range: backup.range,
      severity: methodFirst ? "error" : "warning",
      message: methodFirst
        ? `balancing method "${methodName}" does not support parameter "backup"; nginx -t fails`
        : `"backup" server is never used: "${methodName}" (line ${method.directive.name.range.start.line}) ignores backup servers, though nginx accepts this order silently`,
      related: [{ file: method.file, range: method.directive.name.range, message: `"${methodName}" set here` }],
    });
  }
}
