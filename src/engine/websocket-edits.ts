// Fix edits shared by the WebSocket rules: where a directive goes in a WebSocket location, and the
// `$connection_upgrade` map they rely on.
import type { Model } from "../model/model.js";
import type { WebSocketLocation } from "../model/websocket.js";
import type { ConfigNode } from "../workspace/tree.js";
import type { TextEdit } from "./problem.js";
import { insertAfter, insertAtBlockStart } from "./text-edits.js";

/**
 * Inserts directives into the WebSocket location: after its proxy_pass, or at the top of the location when
 * proxy_pass sits in an `if` (proxy_http_version and proxy_set_header are not allowed in `if`).
 */
export function insertIntoLocation(model: Model, ws: WebSocketLocation, lines: string[]): TextEdit | undefined {
  const inIf = ws.proxyPass.parent?.name === "if";
  if (!inIf) return insertAfter(model, ws.proxyPass, lines);
  const location = locationOf(ws.proxyPass);
  return location ? insertAtBlockStart(model, location, lines) : undefined;
}

function locationOf(node: ConfigNode): ConfigNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.name === "location") return n;
  return undefined;
}

/** True when an upstream connection pool is in use, so `Connection: close` on plain requests would defeat it. */
export function upstreamKeepsAlive(ws: WebSocketLocation): boolean {
  return ws.upstream?.keepalive !== undefined;
}

/**
 * The map that sends `Connection: upgrade` only with an Upgrade request, added at the top of http when the
 * config has none. With upstream keepalive, plain requests get an empty Connection (keeps the pool) instead
 * of `close`. Undefined when the map exists or there is no http block to put it in (a snippet).
 */
export function connectionMapEdit(model: Model, ws: WebSocketLocation): TextEdit | undefined {
  if (model.symbolsOf(ws.tree).variables.has("connection_upgrade")) return undefined;
  const http = findHttp(ws.tree.roots);
  if (!http) return undefined;
  const plain = upstreamKeepsAlive(ws) ? '""' : "close";
  return insertAtBlockStart(model, http, ["map $http_upgrade $connection_upgrade {", "    default upgrade;", `    ''      ${plain};`, "}"]);
}

function findHttp(roots: ConfigNode[]): ConfigNode | undefined {
  return roots.find((n) => n.name === "http" && n.directive.block);
}

/** The Connection value a fix writes: the map's variable when it exists or is being added, else "upgrade". */
export function connectionValue(model: Model, ws: WebSocketLocation): string {
  return model.symbolsOf(ws.tree).variables.has("connection_upgrade") || findHttp(ws.tree.roots) ? "$connection_upgrade" : '"upgrade"';
}
