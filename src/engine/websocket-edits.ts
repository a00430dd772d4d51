// Fix edits shared by the WebSocket rules: which block a WebSocket location's fixes go into, where in it, and the
// `$connection_upgrade` map they rely on.
import type { Model } from "../model/model.js";
import { handshakeValues, mapEntries, mayContain } from "../model/variable-values.js";
import { settingsLocation, type WebSocketLocation } from "../model/websocket.js";
import { inheritedHeaderLines } from "../model/header-inheritance.js";
import type { Level } from "../model/levels.js";
import type { ConfigNode } from "../workspace/tree.js";
import type { TextEdit } from "./problem.js";
import { insertAfter, insertAtBlockStart, insertAtTop, insertBefore, isOneLineBlock } from "./text-edits.js";

/**
 * True when `node` is written in the block the location's fixes go into, or in a block between it and proxy_pass (an
 * `if` holding proxy_read_timeout, which nginx -t rejects anyway): a fix edits it in place rather than adding a
 * second value that the inner one would still override.
 */
export function inFixTarget(ws: WebSocketLocation, node: ConfigNode): boolean {
  const target = settingsLocation(ws);
  for (let n = ws.block; ; n = n.parent) {
    if (node.parent === n) return true;
    if (n === target || !n) return false;
  }
}

/**
 * Inserts directives into the block the location's fixes go into, at one point per block whichever proxy_pass
 * asked (so two fixes for one block are the same edit, applied once): after the block's own proxy_pass written in
 * its file, else at the top of the block; in a snippet without either, before the block that holds proxy_pass.
 */
export function insertIntoLocation(model: Model, ws: WebSocketLocation, lines: string[]): TextEdit | undefined {
  const target = settingsLocation(ws);
  const siblings = target ? target.children : ws.tree.roots;
  const file = target ? target.file : ws.tree.entry;
  const own = siblings.find((c) => c.name === "proxy_pass" && c.file === file);
  if (own) return insertAfter(model, own, lines);
  if (target) return insertAtTop(model, target, lines);
  const holder = siblings.find((c) => c.file === file && c.directive.block && holdsProxyPass(c));
  return holder && insertBefore(model, holder, lines);
}

/** The proxy_set_header lines a header fix must copy into the target block so it keeps the inherited ones. */
export function headerLinesToCopy(ws: WebSocketLocation, level: Level | undefined): string[] {
  return inheritedHeaderLines({ ...ws, block: settingsLocation(ws) }, level);
}

function holdsProxyPass(node: ConfigNode): boolean {
  return node.children.some((c) => c.name === "proxy_pass" || holdsProxyPass(c));
}

/** True when an upstream connection pool is in use, so `Connection: close` on plain requests would defeat it. */
export function upstreamKeepsAlive(ws: WebSocketLocation): boolean {
  return ws.upstream?.keepalive !== undefined;
}

/**
 * The map that sends `Connection: upgrade` only with an Upgrade request, added at the top of http when the
 * config has none. With upstream keepalive, plain requests get an empty Connection (keeps the pool) instead
 * of `close`. When the config's map on $http_upgrade has no `default` (a handshake gets "", so no Connection
 * header), the edit adds `default upgrade;` to it. Undefined when the map exists and needs nothing (or is not one
 * wslint can complete), or there is no http block to put it in (a snippet).
 */
export function connectionMapEdit(model: Model, ws: WebSocketLocation): TextEdit | undefined {
  const variables = model.symbolsOf(ws.tree).variables;
  const definers = variables.get("connection_upgrade");
  if (definers) return definers.length === 1 ? completeMap(model, definers[0], variables) : undefined;
  const http = findHttp(ws.tree.roots);
  if (!http) return undefined;
  const plain = upstreamKeepsAlive(ws) ? '""' : "close";
  return insertAtBlockStart(model, http, ["map $http_upgrade $connection_upgrade {", "    default upgrade;", `    ''      ${plain};`, "}"]);
}

/** `default upgrade;` for a map on $http_upgrade that has none and gives nothing on a handshake. */
function completeMap(model: Model, map: ConfigNode, variables: ReadonlyMap<string, ConfigNode[]>): TextEdit | undefined {
  const entries = mapEntries(map);
  const source = map.directive.args[0]?.value.toLowerCase();
  if (map.name !== "map" || (source !== "$http_upgrade" && source !== "${http_upgrade}") || entries.default !== undefined || entries.unmatched) return undefined;
  if (mayContain(handshakeValues("$connection_upgrade", variables), /upgrade/i)) return undefined;
  // `map $http_upgrade $connection_upgrade { '' close; }` on one line stays on one line.
  const first = map.directive.block?.directives[0];
  if (first && isOneLineBlock(model, map)) return { file: map.file, start: first.startOffset, end: first.startOffset, text: "default upgrade; " };
  return insertAtBlockStart(model, map, ["default upgrade;"]);
}

function findHttp(roots: ConfigNode[]): ConfigNode | undefined {
  return roots.find((n) => n.name === "http" && n.directive.block);
}

/**
 * The Connection value a fix writes: the map's variable when it exists or is being added (or completed), else
 * "upgrade". Undefined when the config's own `$connection_upgrade` gives no "upgrade" on a handshake and wslint
 * cannot complete it: writing it would change nothing, and the map is the user's to correct.
 */
export function connectionValue(model: Model, ws: WebSocketLocation): string | undefined {
  const variables = model.symbolsOf(ws.tree).variables;
  if (variables.has("connection_upgrade")) {
    const works = mayContain(handshakeValues("$connection_upgrade", variables), /upgrade/i);
    return works || connectionMapEdit(model, ws) ? "$connection_upgrade" : undefined;
  }
  return findHttp(ws.tree.roots) ? "$connection_upgrade" : '"upgrade"';
}
