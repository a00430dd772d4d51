// The values a configuration variable can take, when map and set give them as plain text, so a rule can reason
// about every case (`map $http_upgrade $backend { default ws_pool; '' web_pool; }` yields ws_pool or web_pool).
import type { ConfigNode } from "../workspace/tree.js";

/** Map block lines that are parameters, not entries. */
const MAP_PARAMETERS = new Set(["hostnames", "volatile", "include"]);

/**
 * Every literal value `name` (no `$`) can take, from its map entries (default included) and set lines; undefined
 * when one of them contains a variable or something other than map or set defines it (geo, js_set, lua...).
 */
export function literalValues(name: string, variables: ReadonlyMap<string, ConfigNode[]>): string[] | undefined {
  const definers = variables.get(name);
  if (!definers || definers.length === 0) return undefined;
  const values: string[] = [];
  for (const node of definers) {
    const kind = node.name;
    if (kind === "set") values.push(node.directive.args[1]?.value ?? "");
    else if (kind === "map") {
      for (const entry of node.children) {
        if (entry.directive.args.length === 0 || (entry.directive.name.quote === "none" && MAP_PARAMETERS.has(entry.name))) continue;
        values.push(entry.directive.args[entry.directive.args.length - 1].value);
      }
    } else return undefined;
  }
  return values.some((v) => v.includes("$")) ? undefined : [...new Set(values)];
}
