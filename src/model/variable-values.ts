// The values a configuration variable can take, when map and set give them as plain text, so a rule can reason
// about every case (`map $http_upgrade $backend { default ws_pool; '' web_pool; }` yields ws_pool or web_pool),
// and what a value evaluates to on a given request (a browser's WebSocket handshake), map lookups included.
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

/** Stands for text nothing in the configuration tells (geo, js_set, a regex capture, most built-ins): it may be anything. */
export const UNKNOWN = "\u0000";
/**
 * Stands for a request header other than the ones a request model lists (`$http_upgrades`, `$http_host`): whatever
 * the client sent there, or nothing. It never carries the WebSocket handshake's `Upgrade`/`Connection` tokens.
 */
export const OTHER_HEADER = "\u0001";

/** Request headers by `$http_` name (lower case, `_` for `-`) → the values a client may send. */
type RequestHeaders = ReadonlyMap<string, readonly string[]>;

/** A browser's WebSocket handshake (RFC 6455 4.1): Chrome sends `Connection: Upgrade`, Firefox `keep-alive, Upgrade`. */
const HANDSHAKE: RequestHeaders = new Map([
  ["upgrade", ["websocket"]],
  ["connection", ["Upgrade", "keep-alive, Upgrade"]],
]);

/** More combinations than this (variables multiplying each other's values) and the answer is "unknown". */
const MAX_VALUES = 64;
const MAX_DEPTH = 6;

/** nginx's script syntax: `${name}`, `$name` (letters, digits, `_`), `$1`..`$9` captures, literal text. */
const TOKEN = /\$\{([A-Za-z0-9_]+)\}|\$([1-9])|\$([A-Za-z0-9_]+)|([^$]+|\$)/g;

type Variables = ReadonlyMap<string, ConfigNode[]>;

/**
 * Every text `value` (a complex value as nginx stores it, quotes and escapes resolved) can evaluate to on a request
 * with `headers`: map and set variables are followed (a map's entry is chosen as nginx chooses it: exact keys
 * ignoring case, then regexes in order, then `default`, else ""), `$http_*` read `headers` (OTHER_HEADER for the
 * rest), anything else is UNKNOWN. Undefined when there are too many combinations or variables nest too deep.
 */
function requestValues(value: string, variables: Variables, headers: RequestHeaders, depth = 0): string[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let results = [""];
  for (const m of value.matchAll(TOKEN)) {
    const name = m[1] ?? m[3];
    const parts = m[2] !== undefined ? [UNKNOWN] : name === undefined ? [m[4]] : variableValues(name, variables, headers, depth);
    if (!parts || results.length * parts.length > MAX_VALUES) return undefined;
    results = results.flatMap((r) => parts.map((p) => r + p));
  }
  return [...new Set(results)];
}

/**
 * requestValues on a browser's WebSocket handshake. Remembered per tree's variables: every WebSocket location asks
 * about the same few values (`$http_upgrade`, `$connection_upgrade`), thousands of times on a large config.
 */
export function handshakeValues(value: string, variables: Variables): readonly string[] | undefined {
  let byValue = handshakeCache.get(variables);
  if (!byValue) handshakeCache.set(variables, (byValue = new Map()));
  if (!byValue.has(value)) byValue.set(value, requestValues(value, variables, HANDSHAKE));
  return byValue.get(value);
}

const handshakeCache = new WeakMap<Variables, Map<string, readonly string[] | undefined>>();

/** True unless every value is known and none matches `token` (unknown text may hold it; OTHER_HEADER never does). */
export function mayContain(values: readonly string[] | undefined, token: RegExp): boolean {
  return values === undefined || values.some((v) => v.includes(UNKNOWN) || token.test(v.replaceAll(OTHER_HEADER, " ")));
}

function variableValues(name: string, variables: Variables, headers: RequestHeaders, depth: number): string[] | undefined {
  // nginx lowercases variable names; symbols keep them as written.
  const lower = name.toLowerCase();
  const definers = variables.get(name) ?? variables.get(lower);
  if (definers && definers.length > 0) {
    const values: string[] = [];
    for (const node of definers) {
      const found =
        node.name === "set" ? requestValues(node.directive.args[1]?.value ?? "", variables, headers, depth + 1)
        : node.name === "map" ? mapValues(node, variables, headers, depth + 1)
        : [UNKNOWN];
      if (!found) return undefined;
      values.push(...found);
    }
    return [...new Set(values)];
  }
  if (lower.startsWith("http_")) return [...(headers.get(lower.slice(5)) ?? [OTHER_HEADER])];
  return [UNKNOWN];
}

interface MapEntries {
  exact: Map<string, string>;
  regexes: Array<{ regex: RegExp | undefined; value: string }>;
  default: string | undefined;
  /** `hostnames` or `include`: keys wslint does not match itself. */
  unmatched: boolean;
}

const entriesOf = new WeakMap<ConfigNode, MapEntries>();

/** A map block's entries as ngx_http_map_module reads them (a leading `\` escapes `~` or a keyword); read once per map. */
export function mapEntries(map: ConfigNode): MapEntries {
  let entries = entriesOf.get(map);
  if (!entries) entriesOf.set(map, (entries = readMapEntries(map)));
  return entries;
}

function readMapEntries(map: ConfigNode): MapEntries {
  const entries: MapEntries = { exact: new Map(), regexes: [], default: undefined, unmatched: false };
  for (const entry of map.children) {
    const key = entry.name;
    const args = entry.directive.args;
    if (args.length === 0) {
      if (key === "hostnames") entries.unmatched = true;
      continue;
    }
    const value = args[args.length - 1].value;
    if (key === "include") entries.unmatched = true;
    else if (key === "default") entries.default = value;
    else if (key.startsWith("~")) {
      const caseless = key.startsWith("~*");
      let regex: RegExp | undefined;
      try {
        regex = new RegExp(key.slice(caseless ? 2 : 1), caseless ? "i" : "");
      } catch {
        regex = undefined; // PCRE syntax JavaScript lacks: it may match or not
      }
      entries.regexes.push({ regex, value });
    } else {
      const exact = (key.startsWith("\\") ? key.slice(1) : key).toLowerCase();
      if (!entries.exact.has(exact)) entries.exact.set(exact, value);
    }
  }
  return entries;
}

function mapValues(map: ConfigNode, variables: Variables, headers: RequestHeaders, depth: number): string[] | undefined {
  const entries = mapEntries(map);
  const every = [...entries.exact.values(), ...entries.regexes.map((r) => r.value), entries.default ?? ""];
  const sources = requestValues(map.directive.args[0]?.value ?? "", variables, headers, depth + 1);
  const chosen = new Set<string>();
  for (const source of sources && !entries.unmatched ? sources : [UNKNOWN]) {
    if (source.includes(UNKNOWN) || source.includes(OTHER_HEADER)) {
      for (const v of every) chosen.add(v);
      continue;
    }
    const exact = entries.exact.get(source.toLowerCase());
    if (exact !== undefined) {
      chosen.add(exact);
      continue;
    }
    let matched = false;
    for (const { regex, value } of entries.regexes) {
      if (regex && !regex.test(source)) continue;
      chosen.add(value);
      if (regex) {
        matched = true;
        break;
      }
    }
    if (!matched) chosen.add(entries.default ?? "");
  }
  const values: string[] = [];
  for (const v of chosen) {
    const found = requestValues(v, variables, headers, depth + 1);
    if (!found) return undefined;
    values.push(...found);
  }
  return [...new Set(values)];
}
