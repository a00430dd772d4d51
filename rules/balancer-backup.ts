// Flags `backup` servers in upstreams balanced by ip_hash or hash, which do not support them: nginx -t fails when the
// method comes first, and accepts the other order only because the check runs when each server line is read.
import { defineRule, type Finding } from "../src/engine/rule.js";
import type { Upstream } from "../src/model/symbols.js";
import { lineOf } from "../src/workspace/tree.js";

const NO_BACKUP = new Set(["ip_hash", "hash"]);

export default defineRule({
  meta: {
    id: "balancer-backup",
    type: "validation",
    severity: "error",
    verifiedOn: "1.22.1",
    docs: {
      summary: "A `backup` server in an upstream balanced by `ip_hash` or `hash`.",
      why: "These methods do not support backup servers. When the method comes before the server, `nginx -t` fails (`balancing method does not support parameter \"backup\"`). When it comes after, nginx accepts it only because that check runs when the `server` line is read, before the method is known: the combination is still unsupported. The backup server is then used only once the hash gives up on the primaries (after 20 failed picks `ip_hash` and `hash` fall back to round-robin, which moves on to backup servers), and `hash ... consistent` never falls back to it at all.",
      fix: "Remove `backup` (and let the hash spread clients over all servers), or use `least_conn` or round-robin, which support backup servers.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    upstream chat {\n        ip_hash;\n        server 127.0.0.1:8081;\n        server 127.0.0.1:8082 backup;\n    }\n}\n"],
      good: ["events {}\nhttp {\n    upstream chat {\n        least_conn;\n        server 127.0.0.1:8081;\n        server 127.0.0.1:8082 backup;\n    }\n}\n"],
    },
  },
  check(ctx) {
    // An upstream in a file two trees include is checked in each; the runner reports it once.
    for (const tree of ctx.model.trees) {
      const { upstreams, streamUpstreams } = ctx.model.symbolsOf(tree);
      for (const upstream of [...upstreams.values(), ...streamUpstreams.values()]) checkUpstream(upstream, ctx.report);
    }
  },
});

function checkUpstream(upstream: Upstream, report: (finding: Finding) => void): void {
  const method = upstream.method;
  if (!method || !NO_BACKUP.has(method.name)) return;
  const methodName = method.name;
  // ngx_http_upstream_get_chash_peer gives up with NGX_BUSY; ip_hash and plain hash fall back to round-robin.
  const consistent = methodName === "hash" && method.directive.args[1]?.value === "consistent";
  const fallback = consistent
    ? `"hash ... consistent" never falls back to the backup server: when the primaries fail, requests fail`
    : `the backup server is used only after "${methodName}" gives up on the primaries and falls back to round-robin`;
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
        : `"backup" with "${methodName}" (line ${lineOf(method)}) is unsupported: nginx rejects it when the balancing method comes first, and accepts this order only because the check runs when the server line is read; ${fallback}`,
      related: [{ file: method.file, range: method.directive.name.range, message: `"${methodName}" set here` }],
    });
  }
}
