// A proxy_pass naming an upstream block with a port: nginx -t refuses it (`upstream "app" may not have port 3000`),
// since the upstream's server lines carry the ports (ngx_http_upstream_add, ngx_stream_upstream_add).
import type { Symbols } from "../../src/model/symbols.js";
import { proxyTarget, streamTarget } from "../../src/model/proxy-target.js";
import type { ConfigNode } from "../../src/workspace/tree.js";

export function upstreamPortProblem(node: ConfigNode, symbols: Symbols): string | undefined {
  if (node.name !== "proxy_pass") return undefined;
  const stream = node.context.startsWith("stream");
  const target = stream ? streamTarget(node) : proxyTarget(node);
  if (!target?.host || target.port === undefined || target.hasVariables) return undefined;
  // nginx compares upstream names ignoring case.
  const wanted = target.host.toLowerCase();
  const upstreams = stream ? symbols.streamUpstreams : symbols.upstreams;
  const name = [...upstreams.keys()].find((u) => u.toLowerCase() === wanted);
  if (name === undefined) return undefined;
  const fix = stream ? name : `${target.scheme}://${name}`;
  return `upstream "${target.host}" may not have port ${target.port}: proxy_pass to an upstream block names it alone, its server lines carry the ports; write "${fix}"`;
}
