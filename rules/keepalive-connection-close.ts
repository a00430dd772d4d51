// Flags a Connection map whose '' entry sends `Connection: close` to an upstream that keeps connections alive.
import { singleVariable } from "../src/model/variable-uses.js";
import { defineRule } from "../src/engine/rule.js";
import { replaceWord } from "../src/engine/text-edits.js";
import { effectiveValue, proxyHeaders } from "../src/model/effective.js";
import { proxyTarget } from "../src/model/proxy-target.js";
import { methodAfterKeepalive, type Upstream } from "../src/model/symbols.js";
import { atLeast } from "../src/model/version.js";
import { describeWebSocket } from "../src/model/websocket.js";
import type { Model } from "../src/model/model.js";
import { lineOf, type ConfigNode } from "../src/workspace/tree.js";

const config = (plain: string): string =>
  `events {\n    worker_connections 1024;\n}\nhttp {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      ${plain};\n    }\n    map $http_origin $origin_ok {\n        default                   0;\n        ''                        1;\n        "https://app.example.com" 1;\n    }\n    limit_conn_zone $binary_remote_addr zone=sockets:10m;\n    upstream app {\n        server 127.0.0.1:3000;\n        keepalive 16;\n    }\n    server {\n        listen 127.0.0.1:8080;  # behind the TLS-terminating load balancer\n        server_name app.example.com;\n        location / {\n            if ($origin_ok = 0) {\n                return 403;\n            }\n            limit_conn sockets 20;\n            proxy_pass http://app;\n            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection $connection_upgrade;\n            proxy_read_timeout 1h;\n        }\n    }\n}\n`;

export default defineRule({
  meta: {
    id: "keepalive-connection-close",
    type: "problem",
    severity: "warning",
    verifiedOn: "1.22.1",
    fixable: true,
    docs: {
      summary: "An upstream with keepalive, reached through a Connection map whose `''` entry is `close`.",
      why: "The tutorial map `map $http_upgrade $connection_upgrade { default upgrade; '' close; }` sends `Connection: close` on every request without Upgrade, so the backend closes each connection and the upstream `keepalive` pool (on by default from nginx 1.29.7) never reuses one (seen: 3 requests, 3 upstream connections; with `'' \"\";`, 1). An empty value sends no Connection header, which keeps HTTP/1.1 connections open while WebSocket requests still get `upgrade`.",
      fix: "Write the map's `''` entry as `'' \"\";` (the fix does).",
    },
    examples: { bad: [config("close")], good: [config('""')] },
  },
  visits: ["proxy_pass"],
  visit(node, ctx, tree) {
    if (node.context === "opaque" || node.context.startsWith("stream")) return;
    const { model } = ctx;
    const target = proxyTarget(node);
    const symbols = model.symbolsOf(tree);
    const upstream = target && !target.hasVariables && target.host ? symbols.upstreams.get(target.host) : undefined;
    const pool = upstream && keepalive(upstream, atLeast(model.nginxVersion, "1.29.7"));
    if (!upstream || !pool) return;
    const block = node.parent;
    const version = effectiveValue(block, tree, "proxy_http_version")?.value ?? (atLeast(model.nginxVersion, "1.29.7") ? "1.1" : "1.0");
    const connection = proxyHeaders(block, tree).headers.get("connection");
    const variable = connection && singleVariable(connection.value);
    if (version !== "1.1" || !variable) return;
    for (const map of symbols.variables.get(variable) ?? []) {
      const entry = map.name === "map" ? map.children.find(isEmptyKey) : undefined;
      const value = entry?.directive.args[0];
      // One report per map entry, however many locations use it.
      const reported = reportedEntries.get(model) ?? reportedEntries.set(model, new Set()).get(model)!;
      if (!entry || !value || value.value.toLowerCase() !== "close" || reported.has(entry)) continue;
      reported.add(entry);
      const ws = model.websocketLocations().find((w) => w.proxyPass === node);
      const subject = ws ? `${describeWebSocket(ws)} takes` : `The proxy_pass at line ${lineOf(node)} takes`;
      ctx.report({
        node: entry,
        range: value.range,
        message: `${subject} Connection from $${variable}, whose map entry '' ${value.raw} sends "Connection: close" on every request without Upgrade to upstream "${upstream.name}", defeating its keepalive (${pool}): each request opens a new upstream connection; write '' "" instead (an empty header is not sent)`,
        related: [{ file: connection.node.file, range: connection.node.directive.name.range, message: `Connection set from $${variable} here` }],
        fix: { description: `Send no Connection header on plain requests ('' "")`, edits: [replaceWord(entry, value, '""')] },
      });
    }
  },
});

const reportedEntries = new WeakMap<Model, Set<ConfigNode>>();

/** The map entry whose key is the empty string, `''` or `""`. */
function isEmptyKey(entry: ConfigNode): boolean {
  const name = entry.directive.name;
  return name.value === "" && name.quote !== "none" && entry.directive.args.length === 1;
}

/**
 * How the pool is configured, for the message, or undefined when the upstream keeps no connections (none
 * configured, or, before 1.29.7, turned off by a balancing method written after it: keepalive-method-order).
 */
function keepalive(upstream: Upstream, builtIn: boolean): string | undefined {
  const node = upstream.keepalive;
  if (!node) return builtIn ? "on by default since nginx 1.29.7" : undefined;
  if (!builtIn && methodAfterKeepalive(upstream)) return undefined;
  const count = Number(node.directive.args[0]?.value);
  return count > 0 ? `"keepalive ${count}", line ${lineOf(node)}` : undefined;
}
