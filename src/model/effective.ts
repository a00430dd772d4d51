// The value a directive takes at a block, merged as nginx merges it: most directives one by one from the
// nearest level that sets them; the proxy_set_header and add_header families all or nothing.
import type { ConfigNode, ConfigTree } from "../workspace/tree.js";
import { directivesIn, levelsFrom, type Level } from "./levels.js";

/** Families nginx inherits as a whole: a level that sets any of them inherits none (proxy/headers modules). */
const FAMILIES: ReadonlyMap<string, readonly string[]> = new Map([
  ["proxy_set_header", ["proxy_set_header"]],
  ["add_header", ["add_header"]],
  ["add_trailer", ["add_trailer"]],
  ["proxy_hide_header", ["proxy_hide_header"]],
]);

export interface Effective {
  /** The directives in force (several for list directives such as proxy_set_header). */
  nodes: ConfigNode[];
  /** The level they are written at; undefined when nothing sets them and nginx's default applies. */
  level: Level | undefined;
}

export function effective(block: ConfigNode | undefined, tree: ConfigTree, name: string): Effective {
  const family = FAMILIES.get(name) ?? [name];
  for (const level of levelsFrom(block, tree)) {
    const nodes = family.length === 1 ? directivesIn(level, name) : family.flatMap((n) => directivesIn(level, n));
    if (nodes.length > 0) return { nodes: [...nodes], level };
  }
  return { nodes: [], level: undefined };
}

/** The first argument of the directive in force, or undefined (then nginx's default applies). */
export function effectiveValue(block: ConfigNode | undefined, tree: ConfigTree, name: string): { value: string; node: ConfigNode } | undefined {
  const { nodes } = effective(block, tree, name);
  const node = nodes[nodes.length - 1];
  const value = node?.directive.args[0]?.value;
  return node && value !== undefined ? { value, node } : undefined;
}

export interface HeaderSetting {
  /** Header name as written. */
  name: string;
  /** Value as nginx stores it (unescaped). */
  value: string;
  node: ConfigNode;
}

/** The proxy_set_header lines in force at a block, by lower-cased header name, and the level they come from. */
export function proxyHeaders(block: ConfigNode | undefined, tree: ConfigTree): { headers: Map<string, HeaderSetting>; level: Level | undefined } {
  const { nodes, level } = effective(block, tree, "proxy_set_header");
  const headers = new Map<string, HeaderSetting>();
  for (const node of nodes) {
    const [name, value] = node.directive.args;
    if (name) headers.set(name.value.toLowerCase(), { name: name.value, value: value?.value ?? "", node });
  }
  return { headers, level };
}
