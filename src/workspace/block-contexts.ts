// Which context a block directive opens, as nginx's modules define them (ngx_http_core_module, ngx_stream_*, ...).
import type { ContextName } from "../reference/contexts.js";

/** A block whose body nginx does not read as directives (map entries, mime types) or that no module we know opens. */
export type NodeContext = ContextName | "opaque";

// Maps, not objects: a block may be called `constructor` or `__proto__`.
const opens = new Map<ContextName, ReadonlyMap<string, ContextName>>([
  ["main", new Map([["events", "events"], ["http", "http"], ["stream", "stream"], ["mail", "mail"]])],
  ["http", new Map([["server", "server"], ["upstream", "upstream"]])],
  ["server", new Map([["location", "location"], ["if", "if-in-server"]])],
  ["location", new Map([["location", "location"], ["if", "if-in-location"], ["limit_except", "limit_except"]])],
  ["stream", new Map([["server", "stream-server"], ["upstream", "stream-upstream"]])],
  ["mail", new Map([["server", "mail-server"]])],
]);

/** The context inside `name { ... }` written in `parent`; "opaque" for key/value blocks and unknown blocks. */
export function childContext(parent: NodeContext, name: string): NodeContext {
  if (parent === "opaque") return "opaque";
  return opens.get(parent)?.get(name) ?? "opaque";
}

/** Blocks whose bodies are lists of entries rather than directives: nginx reads them with their own parsers. */
export const ENTRY_BLOCKS = new Set(["map", "geo", "types", "split_clients", "charset_map", "match", "geoip2"]);

/** The contexts a snippet may be declared in with `--context` or `# wslint: context NAME`. */
export const SNIPPET_CONTEXTS: readonly ContextName[] = [
  "main",
  "events",
  "http",
  "server",
  "location",
  "upstream",
  "if-in-location",
  "limit_except",
  "stream",
  "stream-server",
  "stream-upstream",
  "mail",
  "mail-server",
];
