// proxy_set_header is inherited all or nothing: what a block's own lines make it lose, and what a fix must
// copy down so that adding one header does not drop the inherited ones.
import type { ConfigNode, ConfigTree } from "../workspace/tree.js";
import { directivesIn, levelsFrom, type Level } from "./levels.js";
import type { WebSocketLocation } from "./websocket.js";

export interface LostHeader {
  name: string;
  /** The outer proxy_set_header that no longer applies. */
  node: ConfigNode;
}

function headerLines(level: Level): ConfigNode[] {
  return directivesIn(level, "proxy_set_header").filter((c) => c.directive.args.length > 0);
}

/**
 * For a level with its own proxy_set_header lines: the headers set at the level it would otherwise inherit
 * from (the nearest outer level that has any) that it does not set itself.
 */
export function lostHeaders(block: ConfigNode | undefined, tree: ConfigTree): LostHeader[] {
  // Asked of every block: most set no header of their own, and need no levels built.
  if (block && !block.children.some((c) => c.name === "proxy_set_header")) return [];
  const [own, ...outer] = levelsFrom(block, tree);
  const mine = headerLines(own);
  if (mine.length === 0) return [];
  const names = new Set(mine.map((n) => n.directive.args[0].value.toLowerCase()));
  let inherited: ConfigNode[] = [];
  for (const level of outer) {
    inherited = headerLines(level);
    if (inherited.length > 0) break;
  }
  return inherited
    .filter((n) => !names.has(n.directive.args[0].value.toLowerCase()))
    .map((n) => ({ name: n.directive.args[0].value, node: n }));
}

/**
 * The outer line of this header (lower-case name) that the WebSocket location would have had but its own lines (or an
 * enclosing block's) drop, innermost first; undefined when none is lost.
 */
export function lostHeader(ws: WebSocketLocation, name: string): LostHeader | undefined {
  for (let n: ConfigNode | undefined = ws.block; n; n = n.parent) {
    const lost = lostHeaders(n, ws.tree).find((h) => h.name.toLowerCase() === name);
    if (lost) return lost;
  }
  return undefined;
}

/**
 * The proxy_set_header lines a fix must copy into the location before adding its own: the inherited ones,
 * when the location has none of its own (adding one would drop them).
 */
export function inheritedHeaderLines(ws: WebSocketLocation, level: Level | undefined): string[] {
  if (!level || !ws.block) return [];
  const owner = level.node;
  if (owner === ws.block || (owner && isLocationOf(owner, ws))) return [];
  return headerLines(level).map((n) => `proxy_set_header ${n.directive.args.map((a) => a.raw).join(" ")};`);
}

/** The location around an `if` that holds proxy_pass owns the lines the fix would add to. */
function isLocationOf(node: ConfigNode, ws: WebSocketLocation): boolean {
  return ws.block?.name === "if" && ws.block.parent === node;
}
