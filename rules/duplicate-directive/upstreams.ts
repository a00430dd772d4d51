// An upstream name defined twice: nginx fails with `duplicate upstream "app"` (ngx_http_upstream_add, and its stream
// twin ngx_stream_upstream_add). Names compare ignoring case; http and stream upstreams are separate.
import type { Finding } from "../../src/engine/rule.js";
import { lineReference, type ConfigNode } from "../../src/workspace/tree.js";
import { asciiLower, firstHere, statementRange } from "./pairs.js";

/** A checker fed one tree's nodes in document order; it reports the second `upstream` block of a name. */
export function upstreamChecker(report: (finding: Finding) => void): (node: ConfigNode) => void {
  const first = new Map<string, ConfigNode>();
  return (node) => {
    if (node.name !== "upstream" || (node.context !== "http" && node.context !== "stream")) return;
    const d = node.directive;
    if (d.args.length !== 1 || !d.block || d.recovered) return;
    const name = d.args[0].value;
    const key = `${node.context}\0${asciiLower(name)}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, node);
      return;
    }
    report({
      node,
      range: statementRange(node),
      message: `duplicate upstream "${name}" (first at ${lineReference(earlier, node)}; nginx compares upstream names ignoring case): rename one or merge their servers`,
      related: [firstHere(earlier, `first upstream "${earlier.directive.args[0].value}" here`)],
    });
  };
}
