// How an http `location` matches, as ngx_http_core_location reads its modifier and name (src/http/ngx_http_core_module.c).
import type { ConfigNode } from "../workspace/tree.js";

/**
 * `exact` is `=`; `prefix` is a plain prefix or `^~` (both "inclusive" in ngx_http_add_location, so nginx compares them
 * with each other); `regex` is `~` or `~*`; `named` is `@name`.
 */
export type LocationKind = "exact" | "prefix" | "regex" | "named";

export interface LocationMatch {
  kind: LocationKind;
  /** The name nginx keeps (clcf->name): the path without its modifier, `@name` for a named location. */
  name: string;
}

const MODIFIERS: Record<string, LocationKind> = { "=": "exact", "^~": "prefix", "~": "regex", "~*": "regex" };

/** undefined for a location nginx rejects for other reasons (no name, an unknown modifier). */
export function locationMatch(node: ConfigNode): LocationMatch | undefined {
  const args = node.directive.args;
  if (args.length === 2) {
    const kind = Object.hasOwn(MODIFIERS, args[0].value) ? MODIFIERS[args[0].value] : undefined;
    return kind && { kind, name: args[1].value };
  }
  if (args.length !== 1) return undefined;
  // The modifier may also be glued to the name: `=/ws`, `^~/static/`, `~^/api`.
  const text = args[0].value;
  if (text.startsWith("=")) return { kind: "exact", name: text.slice(1) };
  if (text.startsWith("^~")) return { kind: "prefix", name: text.slice(2) };
  if (text.startsWith("~")) return { kind: "regex", name: text.slice(text.startsWith("~*") ? 2 : 1) };
  return { kind: text.startsWith("@") ? "named" : "prefix", name: text };
}
