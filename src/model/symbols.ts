// Names a configuration defines for itself: variables (map, geo, set, ...), upstream blocks, loaded modules and
// shared memory zones, collected in one walk per tree.
import { walk, type ConfigNode, type ConfigTree } from "../workspace/tree.js";

/**
 * Directives that define the variable named by one of their arguments, and which argument. A Map, not an
 * object: a directive may be called `constructor` or `__proto__`.
 */
const VARIABLE_DEFINERS = new Map<string, (args: string[]) => string | undefined>([
  ["map", (a) => a[1]],
  ["split_clients", (a) => a[1]],
  ["geo", (a) => a[a.length - 1]],
  ["geoip2", () => undefined],
  ["set", (a) => a[0]],
  ["perl_set", (a) => a[0]],
  ["js_set", (a) => a[0]],
  ["js_var", (a) => a[0]],
  ["auth_request_set", (a) => a[0]],
  ["auth_jwt_claim_set", (a) => a[0]],
  ["auth_jwt_header_set", (a) => a[0]],
  ["set_by_lua", (a) => a[0]],
  ["set_by_lua_file", (a) => a[0]],
  ["set_by_lua_block", (a) => a[0]],
  ["set_secure_link", (a) => a[0]],
]);

export interface UpstreamServer {
  node: ConfigNode;
  address: string;
  /** Parameters such as `backup`, `down`, `weight=2`, `max_fails=3`. */
  params: string[];
}

export interface Upstream {
  name: string;
  node: ConfigNode;
  servers: UpstreamServer[];
  /** The balancing-method directive (`ip_hash`, `hash`, `least_conn`, `random`, `sticky`...), if any. */
  method?: ConfigNode;
  keepalive?: ConfigNode;
}

export interface Symbols {
  /** Variable name (no `$`) → the nodes defining it. */
  variables: Map<string, ConfigNode[]>;
  /** http upstream name → its definition (stream upstreams live in `streamUpstreams`). */
  upstreams: Map<string, Upstream>;
  streamUpstreams: Map<string, Upstream>;
  /** Short names of dynamic modules the config loads (`load_module modules/ngx_http_f5_metrics_module.so` → f5_metrics). */
  loadedModules: string[];
  /**
   * Shared memory zones by the directive that defines them (`limit_conn_zone`, `proxy_cache_path`, ...; stream's
   * prefixed `stream `): `zone=NAME:size` and `keys_zone=NAME:size`.
   */
  zones: Map<string, Set<string>>;
  /** Every directive name the tree uses, so checks of rare directives cost nothing when they are absent. */
  directiveNames: Set<string>;
}

/** Directives whose regular expressions define variables by named captures: `(?<name>...)`, `(?P<name>...)`. */
const REGEX_DIRECTIVES = new Set(["location", "if", "server_name", "rewrite"]);
const NAMED_CAPTURE = /\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/g;

const NO_CAPTURES: readonly string[] = Object.freeze([]);

function namedCaptures(node: ConfigNode): readonly string[] {
  const d = node.directive;
  const isMapRegex = node.context === "opaque" && node.parent?.name === "map" && d.name.raw.startsWith("~");
  if (!isMapRegex && !REGEX_DIRECTIVES.has(d.name.value)) return NO_CAPTURES;
  const names: string[] = [];
  for (const word of isMapRegex ? [d.name] : d.args) {
    if (word.raw.includes("(?")) for (const m of word.value.matchAll(NAMED_CAPTURE)) names.push(m[1]);
  }
  return names;
}

const LOADED_MODULE = /ngx_(?:http_|stream_|mail_)?(.+?)(?:_filter)?_module\.so$/;

const BALANCING_METHODS = new Set(["ip_hash", "hash", "least_conn", "least_time", "random", "sticky", "ntlm"]);

/** What a file outside every tree defines: nothing. */
export function emptySymbols(): Symbols {
  return { variables: new Map(), upstreams: new Map(), streamUpstreams: new Map(), loadedModules: [], zones: new Map(), directiveNames: new Set() };
}

export function collectSymbols(tree: ConfigTree): Symbols {
  const symbols = emptySymbols();
  walk(tree.roots, (node) => {
    const name = node.name;
    symbols.directiveNames.add(name);
    if ((name.endsWith("_zone") || name.endsWith("_cache_path")) && node.context !== "opaque") addZone(symbols.zones, node);
    const define = VARIABLE_DEFINERS.get(name);
    if (define && node.context !== "opaque") {
      const variable = define(node.directive.args.map((a) => a.value));
      if (variable?.startsWith("$")) addTo(symbols.variables, variable.slice(1), node);
    }
    const captures = namedCaptures(node);
    // Indexed: see walk() in workspace/tree.ts.
    for (let i = 0; i < captures.length; i++) addTo(symbols.variables, captures[i], node);
    const module = name === "load_module" && !node.parent ? LOADED_MODULE.exec(node.directive.args[0]?.value ?? "")?.[1] : undefined;
    if (module) symbols.loadedModules.push(module);
    const upstreamName = node.directive.args[0]?.value;
    if (name === "upstream" && node.directive.block && upstreamName) {
      const table = node.context === "stream" ? symbols.streamUpstreams : symbols.upstreams;
      if (!table.has(upstreamName)) table.set(upstreamName, readUpstream(upstreamName, node));
    }
  });
  return symbols;
}

const ZONE_ARGUMENT = /^(?:keys_)?zone=([^:]+)/;

/** Records the zone a `*_zone` or `*_cache_path` directive defines, under the directive's name. */
function addZone(zones: Map<string, Set<string>>, node: ConfigNode): void {
  const args = node.directive.args;
  for (let i = 0; i < args.length; i++) {
    const zone = ZONE_ARGUMENT.exec(args[i].value)?.[1];
    if (!zone) continue;
    const key = `${node.context.startsWith("stream") ? "stream " : ""}${node.name}`;
    const names = zones.get(key);
    if (names) names.add(zone);
    else zones.set(key, new Set([zone]));
    return;
  }
}

function readUpstream(name: string, node: ConfigNode): Upstream {
  const upstream: Upstream = { name, node, servers: [] };
  for (const child of node.children) {
    const d = child.directive;
    const childName = d.name.value;
    if (childName === "server" && d.args.length > 0) {
      upstream.servers.push({ node: child, address: d.args[0].value, params: d.args.slice(1).map((a) => a.value) });
    } else if (BALANCING_METHODS.has(childName)) upstream.method = child;
    else if (childName === "keepalive") upstream.keepalive = child;
  }
  return upstream;
}

/**
 * The balancing method written after `keepalive`, when there is one: before nginx 1.29.7 the method replaces the
 * hooks keepalive installed (1.22 warns "load balancing method redefined"), so the upstream keeps no connections.
 */
export function methodAfterKeepalive(upstream: Upstream): ConfigNode | undefined {
  const { keepalive, method } = upstream;
  if (!keepalive || !method) return undefined;
  const children = upstream.node.children;
  return children.indexOf(method) > children.indexOf(keepalive) ? method : undefined;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
