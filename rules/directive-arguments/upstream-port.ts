// A proxy_pass (fastcgi_pass, grpc_pass, ...) naming an upstream block with a port: nginx -t refuses it (`upstream
// "app" may not have port 3000`), since the upstream's server lines carry the ports (ngx_http_upstream_add,
// ngx_stream_upstream_add); and a stream proxy_pass naming neither an upstream nor a port (`no port in upstream`).
import type { Symbols } from "../../src/model/symbols.js";
import type { ConfigNode } from "../../src/workspace/tree.js";

/** Directives whose address may name an upstream block. */
const PASSES = new Set(["proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass", "memcached_pass", "grpc_pass"]);

/** `[scheme://]host[:port][rest]`: the address forms these directives take (unix sockets never name upstreams). */
const ADDRESS = /^((?:[a-z][a-z0-9+.-]*:\/\/)?)(\[[^\]]*\]|[^/:?]+)(?::(\d+))?(.*)$/i;

/**
 * `wholeConfig`: the tree is a main config, so an upstream it does not define does not exist; a snippet's upstreams
 * may be in the config that includes it, and then a name without a port is no problem of its own.
 */
export function upstreamPortProblem(node: ConfigNode, symbols: Symbols, wholeConfig: boolean): string | undefined {
  if (!PASSES.has(node.name)) return undefined;
  const text = node.directive.args[0]?.value ?? "";
  const stream = node.context.startsWith("stream");
  const m = ADDRESS.exec(text);
  if (!m || text.includes("$") || UNIX.test(text)) return undefined;
  const [, scheme, host, port, rest] = m;
  const streamNameOnly = stream && node.name === "proxy_pass" && port === undefined;
  if (port === undefined && !streamNameOnly) return undefined;
  const upstreams = stream ? symbols.streamUpstreams : symbols.upstreams;
  // nginx compares upstream names ignoring case.
  const name = upstreamsByLowerName(upstreams).get(host.toLowerCase());
  if (streamNameOnly) {
    // Stream's proxy_pass has no scheme to imply a port: a name that is no upstream block needs one.
    if (name !== undefined || !wholeConfig) return undefined;
    const near = [...upstreams.keys()].find((u) => u.toLowerCase().replace(/[-_]/g, "") === host.toLowerCase().replace(/[-_]/g, ""));
    return `no port in upstream "${host}"${near ? `; did you mean upstream "${near}"?` : ": name an upstream block, or give host:port"}`;
  }
  if (name === undefined) return undefined;
  return `upstream "${host}" may not have port ${port}: ${node.name} to an upstream block names it alone, its server lines carry the ports; write "${scheme}${name}${rest}"`;
}

/** `unix:/path`, with or without a scheme: a socket, never an upstream. */
const UNIX = /^(?:[a-z][a-z0-9+.-]*:\/\/)?unix:/i;

/** Upstream names by their lower-cased form, built once per table: every pass directive asks. */
function upstreamsByLowerName(upstreams: ReadonlyMap<string, unknown>): Map<string, string> {
  let byLower = lowerNames.get(upstreams);
  if (!byLower) {
    byLower = new Map();
    for (const name of upstreams.keys()) if (!byLower.has(name.toLowerCase())) byLower.set(name.toLowerCase(), name);
    lowerNames.set(upstreams, byLower);
  }
  return byLower;
}

const lowerNames = new WeakMap<ReadonlyMap<string, unknown>, Map<string, string>>();
