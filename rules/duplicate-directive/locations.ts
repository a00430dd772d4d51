// Two locations of one block with the same name and the same kind of match: nginx fails with `duplicate location "/ws/"`
// once the http block is read (ngx_http_join_exact_locations, src/http/ngx_http.c).
import type { Finding } from "../../src/engine/rule.js";
import { locationMatch } from "../../src/model/location-match.js";
import { lineReference, type ConfigNode } from "../../src/workspace/tree.js";
import { firstHere, statementRange } from "./pairs.js";

/**
 * Reports the second of each pair among one block's locations. nginx compares exact (`=`) locations with each other
 * and prefix locations (plain or `^~`) with each other, byte for byte (case matters on Linux); an exact and a prefix
 * location of one name may coexist, and regex and named locations are never compared.
 */
export function checkLocations(nodes: ConfigNode[], report: (finding: Finding) => void): void {
  let first: Map<string, ConfigNode> | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.name !== "location" || !node.directive.block || (node.context !== "server" && node.context !== "location")) continue;
    const match = locationMatch(node);
    if (!match || (match.kind !== "exact" && match.kind !== "prefix")) continue;
    const key = `${match.kind}\0${match.name}`;
    first ??= new Map();
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, node);
      continue;
    }
    const kind = match.kind === "exact" ? 'exact ("=") location per name in a block' : 'prefix location per name in a block, "^~" or not';
    report({
      node,
      range: statementRange(node),
      message: `duplicate location "${match.name}" (first at ${lineReference(earlier, node)}): nginx takes one ${kind}; merge the two`,
      related: [firstHere(earlier, `first location "${match.name}" here`)],
    });
  }
}
