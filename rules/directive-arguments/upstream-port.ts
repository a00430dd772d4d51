// A proxy_pass (fastcgi_pass, grpc_pass, ...) naming an upstream block with a port: nginx -t refuses it (`upstream
// "app" may not have port 3000`), since the upstream's server lines carry the ports (ngx_http_upstream_add,
// ngx_stream_upstream_add).
import type { Symbols } from "../../src/model/symbols.js";
import type { ConfigNode } from "../../src/workspace/tree.js";

/** Directives whose address may name an upstream block. */
const PASSES = new Set(["proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass", "memcached_pass", "grpc_pass"]);

/** `[scheme://]host[:port][rest]`: the address forms these directives take (unix sockets never name upstreams). */
const ADDRESS = /^((?:[a-z][a-z0-9+.-]*:\/\/)?)(\[[^\]]*\]|[^/:?]+)(?::(\d+))?(.*)$/i;

export function upstreamPortProblem(node: ConfigNode, symbols: Symbols): string | undefined {
  if (!PASSES.has(node.name)) return undefined;
  const text = node.directive.args[0]?.value ?? "";
  const m = ADDRESS.exec(text);
  if (!m || m[3] === undefined || text.includes("$") || /^unix:/i.test(m[2])) return undefined;
  const [, scheme, host, port, rest] = m;
  // nginx compares upstream names ignoring case.
  const wanted = host.toLowerCase();
  const upstreams = node.context.startsWith("stream") ? symbols.streamUpstreams : symbols.upstreams;
  const name = [...upstreams.keys()].find((u) => u.toLowerCase() === wanted);
  if (name === undefined) return undefined;
  return `upstream "${host}" may not have port ${port}: ${node.name} to an upstream block names it alone, its server lines carry the ports; write "${scheme}${name}${rest}"`;
}
