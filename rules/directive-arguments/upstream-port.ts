// A proxy_pass (fastcgi_pass, grpc_pass, ...) naming an upstream block with a port: nginx -t refuses it (`upstream
// "app" may not have port 3000`), since the upstream's server lines carry the ports (ngx_http_upstream_add,
// ngx_stream_upstream_add); and a stream proxy_pass naming neither an upstream nor a port (`no port in upstream`).
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
  if (!m || text.includes("$") || /^unix:/i.test(m[2])) return undefined;
  const [, scheme, host, port, rest] = m;
  const stream = node.context.startsWith("stream");
  // nginx compares upstream names ignoring case.
  const wanted = host.toLowerCase();
  const upstreams = stream ? symbols.streamUpstreams : symbols.upstreams;
  const name = [...upstreams.keys()].find((u) => u.toLowerCase() === wanted);
  if (port === undefined) {
    // Stream's proxy_pass has no scheme to imply a port: a name that is no upstream block needs one.
    if (!stream || name !== undefined || node.name !== "proxy_pass") return undefined;
    const near = [...upstreams.keys()].find((u) => u.toLowerCase().replace(/[-_]/g, "") === wanted.replace(/[-_]/g, ""));
    const hint = near ? `; did you mean upstream "${near}"?` : ": name an upstream block, or give host:port";
    return `no port in upstream "${host}"${hint}`;
  }
  if (name === undefined) return undefined;
  return `upstream "${host}" may not have port ${port}: ${node.name} to an upstream block names it alone, its server lines carry the ports; write "${scheme}${name}${rest}"`;
}
