// A location nginx refuses inside another (ngx_http_core_location): a nested prefix or exact location must start with
// its parent's name (a regex parent's pattern text included), exact and named locations hold no others, and named
// locations live at server level only.
import { locationMatch } from "../../src/model/location-match.js";
import type { ConfigNode } from "../../src/workspace/tree.js";

/** nginx's message for a location it refuses where it is written; undefined when it may be there. */
export function nestedLocationProblem(node: ConfigNode): string | undefined {
  if (node.name !== "location" || node.context !== "location" || node.parent?.name !== "location") return undefined;
  const inner = locationMatch(node);
  const outer = locationMatch(node.parent);
  if (!inner || !outer) return undefined;
  if (outer.kind === "exact") return `location "${inner.name}" cannot be inside the exact location "${outer.name}"; exact locations hold no others`;
  if (outer.kind === "named") return `location "${inner.name}" cannot be inside the named location "${outer.name}"`;
  if (inner.kind === "named") return `named location "${inner.name}" can be on the server level only`;
  // Compared as file names: case matters on Linux (ngx_filename_cmp).
  if (inner.kind !== "regex" && !inner.name.startsWith(outer.name)) {
    return `location "${inner.name}" is outside location "${outer.name}": a nested location must start with its parent's path (write "${outer.name}${inner.name.replace(/^\//, "")}", or move it out)`;
  }
  return undefined;
}
