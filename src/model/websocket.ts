// Finds the locations that proxy WebSockets, from evidence, and keeps the evidence so messages can say why.
import type { Comment } from "../syntax/ast.js";
import type { ConfigNode, ConfigTree } from "../workspace/tree.js";
import { lineOf, walk } from "../workspace/tree.js";
import { proxyHeaders } from "./effective.js";
import { directivesIn, levelsFrom } from "./levels.js";
import type { Symbols, Upstream } from "./symbols.js";
import { handshakeValues, mayContain, UNKNOWN } from "./variable-values.js";

export type EvidenceKind = "upgrade-header" | "connection-header" | "comment" | "config" | "path" | "upstream-name";

export interface Evidence {
  kind: EvidenceKind;
  /** For messages: `Upgrade forwarded at line 14`. */
  text: string;
  /** Path and upstream names alone are weak evidence: rules then lower their severity to info. */
  weak: boolean;
}

export interface WebSocketLocation {
  tree: ConfigTree;
  /** The block that proxies (a location, an `if` in one); undefined for a location-context snippet's top level. */
  block: ConfigNode | undefined;
  proxyPass: ConfigNode;
  /** The location path for messages (`"/ws/"`), or the snippet file when there is no block. */
  label: string;
  evidence: Evidence[];
  /** The upstream block proxy_pass names, when there is one. */
  upstream?: Upstream;
}

// Names real-time endpoints go by. Strong: only WebSockets use them. Weak: also used for plain HTTP APIs.
const STRONG_NAMES = /(^|[^a-z0-9])(ws|wss|websockets?|socket\.io|sockjs|cable|signalr)([^a-z0-9]|$)/i;
const WEAK_NAMES = /(^|[^a-z0-9])(hubs?|graphql|live|realtime|subscriptions?)([^a-z0-9]|$)/i;
const WEBSOCKET_COMMENT = /^\s*wslint:\s*websocket\s*$/;

export interface DetectOptions {
  symbolsOf(tree: ConfigTree): Symbols;
  /** Location paths the configuration declares as WebSocket endpoints. */
  declared: readonly string[];
  commentsOf(file: string): readonly Comment[];
}

export function findWebSocketLocations(trees: readonly ConfigTree[], options: DetectOptions): WebSocketLocation[] {
  const found: WebSocketLocation[] = [];
  // Marker comments are rare; find them once per file instead of scanning every comment per location.
  const markers = new Map<string, readonly Comment[]>();
  const allComments = options.commentsOf;
  const markersOf = (file: string): readonly Comment[] => {
    if (!markers.has(file)) markers.set(file, allComments(file).filter((c) => WEBSOCKET_COMMENT.test(c.text)));
    return markers.get(file)!;
  };
  const detectOptions: DetectOptions = { ...options, commentsOf: markersOf };
  for (const tree of trees) {
    walk(tree.roots, (node) => {
      if (node.context === "opaque") return false;
      if (node.name !== "proxy_pass" || node.directive.args.length === 0) return;
      const location = detect(node, tree, detectOptions);
      if (location) found.push(location);
    });
  }
  return found;
}

function detect(proxyPass: ConfigNode, tree: ConfigTree, options: DetectOptions): WebSocketLocation | undefined {
  const block = proxyPass.parent;
  const location = enclosingLocation(block);
  const path = location ? location.directive.args.map((a) => a.value).join(" ") : undefined;
  const evidence: Evidence[] = [];
  const { headers } = proxyHeaders(block, tree);
  const variables = options.symbolsOf(tree).variables;
  // An Upgrade line shows the intent even when its value is wrong (upgrade-header-missing says so); only an empty
  // literal, which sends nothing, says none.
  const upgrade = headers.get("upgrade");
  if (upgrade && upgrade.value !== "") {
    const forwarded = mayContain(handshakeValues(upgrade.value, variables), /websocket/i);
    evidence.push({ kind: "upgrade-header", text: `Upgrade ${forwarded ? "forwarded" : "set"} at line ${lineOf(upgrade.node)}`, weak: false });
  }
  // Connection mentioning upgrade (`$connection_upgrade`, even a broken one), or a variable that gives "upgrade" on a handshake.
  const connection = headers.get("connection");
  if (connection && (/upgrade/i.test(connection.value) || givesUpgrade(connection.value, variables))) {
    evidence.push({ kind: "connection-header", text: `Connection "${connection.value}" at line ${lineOf(connection.node)}`, weak: false });
  }
  // Upgrade or Connection written at an outer level but not in force here still shows the intent.
  if (!upgrade || !connection) {
    const lost = outerHeaderIntent(block, tree);
    if (lost) evidence.push(lost);
  }
  const comment = markedByComment(location ?? block, options);
  if (comment) evidence.push({ kind: "comment", text: `marked "# wslint: websocket" at line ${comment}`, weak: false });
  if (path !== undefined && options.declared.some((p) => path === p || path.endsWith(` ${p}`))) {
    evidence.push({ kind: "config", text: "listed in websocketLocations", weak: false });
  }
  if (path !== undefined) {
    if (STRONG_NAMES.test(path)) evidence.push({ kind: "path", text: "its path names a WebSocket endpoint", weak: false });
    else if (WEAK_NAMES.test(path)) evidence.push({ kind: "path", text: "its path suggests a real-time endpoint", weak: true });
  }
  const target = proxyPass.directive.args[0].value;
  const host = /^[a-z]+:\/\/([^/:]+)/i.exec(target)?.[1];
  const upstream = host ? options.symbolsOf(tree).upstreams.get(host) : undefined;
  if (host && STRONG_NAMES.test(host)) evidence.push({ kind: "upstream-name", text: `proxies to "${host}"`, weak: false });
  else if (host && WEAK_NAMES.test(host)) evidence.push({ kind: "upstream-name", text: `proxies to "${host}"`, weak: true });
  if (evidence.length === 0) return undefined;
  // A weak name is outweighed by a Connection header written as a literal without "upgrade" (`""` for keepalive):
  // such a location cannot upgrade, and nothing but its name says it was meant to.
  if (evidence.every((e) => e.weak) && connection && !connection.value.includes("$") && !/upgrade/i.test(connection.value)) return undefined;
  const label = path !== undefined ? `"${path}"` : `in ${proxyPass.file}`;
  return { tree, block, proxyPass, label, evidence, upstream };
}

/** A value whose every handshake outcome is known and some say "upgrade" (a map variable under another name). */
function givesUpgrade(value: string, variables: ReadonlyMap<string, ConfigNode[]>): boolean {
  if (!value.includes("$")) return false;
  const values = handshakeValues(value, variables);
  return values !== undefined && !values.some((v) => v.includes(UNKNOWN)) && mayContain(values, /upgrade/i);
}

/** The location a proxying block belongs to (itself, or the location around an `if`). */
/** The nearest location at or above `block`. */
function enclosingLocation(block: ConfigNode | undefined): ConfigNode | undefined {
  for (let n = block; n; n = n.parent) if (n.name === "location") return n;
  return undefined;
}

function outerHeaderIntent(block: ConfigNode | undefined, tree: ConfigTree): Evidence | undefined {
  for (const level of levelsFrom(block, tree).slice(1)) {
    for (const c of directivesIn(level, "proxy_set_header")) {
      const [name, value] = c.directive.args;
      if (!name) continue;
      const header = name.value.toLowerCase();
      if (header === "upgrade" || (header === "connection" && /upgrade/i.test(value?.value ?? ""))) {
        return { kind: "upgrade-header", text: `${name.value} set for WebSockets at line ${lineOf(c)}`, weak: false };
      }
    }
  }
  return undefined;
}

/** `# wslint: websocket` (commentsOf gives only those) inside the block or on the line above it; returns its line. */
function markedByComment(block: ConfigNode | undefined, options: DetectOptions): number | undefined {
  if (!block) return undefined;
  const { start, end } = block.directive.range;
  for (const c of options.commentsOf(block.file)) {
    const line = c.range.start.line;
    if (line === start.line - 1 || (c.range.start.offset > start.offset && c.range.start.offset < end.offset)) return line;
  }
  return undefined;
}


/** `WebSocket location "/ws/" (Upgrade forwarded at line 14)`: the phrase rules start messages with. */
export function describeWebSocket(ws: WebSocketLocation): string {
  return `WebSocket location ${ws.label} (${ws.evidence[0].text})`;
}

/** Info when the only evidence is a name that plain HTTP APIs also use. */
export function isWeak(ws: WebSocketLocation): boolean {
  return ws.evidence.every((e) => e.weak);
}

/**
 * The location whose settings a WebSocket location runs with, and where fixes go: the location itself, or the
 * location around the `if` or `limit_except` that holds proxy_pass (neither accepts proxy_http_version,
 * proxy_set_header or proxy_read_timeout, and both inherit them from the location). Undefined for a
 * location-context snippet's top level.
 */
export function settingsLocation(ws: WebSocketLocation): ConfigNode | undefined {
  return enclosingLocation(ws.block);
}

/**
 * One WebSocket location per settings location: a location that proxies both in an `if` and directly has one
 * set of settings (the `if` inherits them all), so it gets one finding and one fix, not two that each add the
 * same directives (nginx -t: "directive is duplicate"). The location's own proxy_pass is preferred; order is kept.
 */
export function oncePerLocation(locations: readonly WebSocketLocation[]): WebSocketLocation[] {
  const key = (ws: WebSocketLocation): object => settingsLocation(ws) ?? ws.tree;
  const chosen = new Map<object, WebSocketLocation>();
  for (const ws of locations) {
    const had = chosen.get(key(ws));
    if (!had || (had.block !== settingsLocation(had) && ws.block === settingsLocation(ws))) chosen.set(key(ws), ws);
  }
  return locations.filter((ws) => chosen.get(key(ws)) === ws);
}
