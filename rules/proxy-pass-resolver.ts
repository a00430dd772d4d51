// Flags proxy_pass URLs with variables whose host nginx must resolve per request, with no resolver to do it.
import { defineRule } from "../src/engine/rule.js";
import { effectiveValue } from "../src/model/effective.js";
import { implicitUpstreams, isIpLiteral, proxyHosts, proxyTarget, streamTarget, type ProxyHost } from "../src/model/proxy-target.js";
import { describeWebSocket } from "../src/model/websocket.js";
import type { ConfigTree } from "../src/workspace/tree.js";

const config = (resolver: string): string =>
  `events {}\nhttp {\n    server {\n        listen 8080;\n${resolver}        location /api/ {\n            proxy_pass http://api.example.com$request_uri;\n        }\n    }\n}\n`;

export default defineRule({
  meta: {
    id: "proxy-pass-resolver",
    type: "problem",
    severity: "error",
    verifiedOn: "1.22.1",
    docs: {
      summary: "A `proxy_pass` with variables whose host needs a DNS lookup, and no `resolver` in force.",
      why: "When the proxy_pass URL contains any variable (in the host or only in the path, as in `http://backend.example.com$request_uri`), nginx builds the URL per request and looks the host up then: first among `upstream` blocks (by name, when no port is given), then as an IP address, else through the `resolver`. Without a resolver every request fails with 502 and `no resolver defined to resolve ...` in the error log (seen). `localhost` is a name too.",
      fix: "Name an `upstream` block (or use an IP address) as the host, or add a `resolver` (e.g. `resolver 127.0.0.53;` on systemd-resolved hosts, `resolver 127.0.0.11;` in Docker) to the location, server or http.",
    },
    examples: { bad: [config("")], good: [config("        resolver 127.0.0.53 valid=30s;\n")] },
  },
  visits: ["proxy_pass"],
  visit(node, ctx, tree) {
    if (node.context === "opaque") return;
    const { model } = ctx;
    const stream = node.context.startsWith("stream");
    const target = stream ? streamTarget(node) : proxyTarget(node);
    if (!target?.hasVariables || effectiveValue(node.parent, tree, "resolver")) return;
    const symbols = model.symbolsOf(tree);
    const found = proxyHosts(target.word.value, stream, symbols.variables);
    if (!found) return;
    const upstreams = stream ? symbols.streamUpstreams : symbols.upstreams;
    const implicit = implicitOf.get(tree) ?? implicitOf.set(tree, implicitUpstreams([tree])).get(tree)!;
    const known = (h: ProxyHost): boolean => h.unix || isIpLiteral(h.host) || (h.port === undefined && [...upstreams.keys()].some((u) => u.toLowerCase() === h.host.toLowerCase())) || implicit.has(`${h.host.toLowerCase()}:${h.port ?? (h.https ? 443 : 80)}`);
    const names = [...new Set(found.hosts.filter((h) => h.host !== "" && !known(h)).map((h) => h.host))];
    if (names.length === 0 && !found.requestVariable) return;
    const what = names.length > 0 ? `"${names.join('", "')}"` : `the value of $${found.requestVariable} (unless it is an IP address or an upstream name)`;
    const ws = model.websocketLocations().find((w) => w.proxyPass === node);
    ctx.report({
      node,
      range: target.word.range,
      message: `${ws ? `${describeWebSocket(ws)}: ` : ""}"proxy_pass ${target.word.value}" contains variables, so nginx resolves ${what} per request, and no resolver is in force: every request fails with 502 "no resolver defined"; proxy to an upstream name or an IP address, or add a "resolver"`,
    });
  },
});

/** Implicit upstreams, found once per lint. */
const implicitOf = new WeakMap<ConfigTree, Set<string>>();
