// The levels a block inherits from, innermost first: nested location → location → server → http, with
// `if` blocks inheriting from the block around them, as nginx merges configurations.
import type { ConfigNode, ConfigTree } from "../workspace/tree.js";

/** One level of configuration: a block's directives (include-expanded), or a file's top level. */
export interface Level {
  /** The block directive (`location`, `server`, `http`...); undefined for the tree's top level. */
  node: ConfigNode | undefined;
  children: ConfigNode[];
}

/** `block` itself first, then each enclosing block, then the tree's top level (a snippet's context). */
export function levelsFrom(block: ConfigNode | undefined, tree: ConfigTree): Level[] {
  const levels: Level[] = [];
  for (let n = block; n; n = n.parent) levels.push({ node: n, children: n.children });
  levels.push({ node: undefined, children: tree.roots });
  return levels;
}

/**
 * A level's directives by name, built once per level: rules ask every WebSocket location for several
 * directives, and an http block of thousands of servers must not be scanned for each question.
 */
const byName = new WeakMap<ConfigNode[], Map<string, ConfigNode[]>>();

/** The directives named `name` written directly in a level (not in nested blocks), in order. */
export function directivesIn(level: Level, name: string): readonly ConfigNode[] {
  // Small blocks (most locations) are cheaper to scan than to index.
  if (level.children.length < 32) return level.children.filter((c) => c.name === name);
  let index = byName.get(level.children);
  if (!index) {
    index = new Map();
    for (let i = 0; i < level.children.length; i++) {
      const c = level.children[i];
      const list = index.get(c.name);
      if (list) list.push(c);
      else index.set(c.name, [c]);
    }
    byName.set(level.children, index);
  }
  return index.get(name) ?? [];
}
