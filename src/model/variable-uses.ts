// Where a configuration uses variables: `$name` and `${name}` in the arguments nginx compiles as values,
// not in the ones it reads as regular expressions.
import type { Word } from "../syntax/ast.js";
import type { ConfigNode } from "../workspace/tree.js";

export interface VariableUse {
  /** The variable's name; "" when the `$` starts no valid reference (see `malformed`). */
  name: string;
  word: Word;
  /** What nginx -t says of a `$` that starts no valid reference: `invalid variable name`, or a missing `}`. */
  malformed?: string;
}
const REGEX_OPERATORS = new Set(["~", "~*", "!~", "!~*"]);

/**
 * Directives whose arguments are code or patterns, or strings nginx takes as written (header names, MIME types,
 * cipher lists): not nginx values, so a `$` in them is no variable.
 */
const OPAQUE_DIRECTIVE = /_by_lua|^perl|^js_|^location$|^valid_referers$|^server_name$|^map_hash|^geoip2?$|_(hide|pass)_header$|_types$|_ciphers$|^ssl_ecdh_curve$|_catch_stderr$/;
const opaqueNames = new Map<string, boolean>();

function isOpaqueDirective(name: string): boolean {
  let opaque = opaqueNames.get(name);
  if (opaque === undefined) opaqueNames.set(name, (opaque = OPAQUE_DIRECTIVE.test(name)));
  return opaque;
}

/** The arguments of `node` in which nginx expands variables. */
function valueArgs(node: ConfigNode): Word[] {
  const d = node.directive;
  const name = d.name.value;
  if (node.context === "opaque") {
    // map entries: the value (last word) is a complex value; keys are strings or regexes.
    return node.parent?.name === "map" && d.args.length > 0 ? [d.args[d.args.length - 1]] : [];
  }
  if (isOpaqueDirective(name)) return [];
  if (name === "rewrite") return d.args.slice(1, 2);
  if (name === "if") return d.args.filter((_, i) => !REGEX_OPERATORS.has(d.args[i - 1]?.value ?? ""));
  if (REGEX_ARGUMENTS.has(name)) return [];
  if (NAME_THEN_VALUE.has(name)) return d.args.slice(1);
  if (REGEX_FIRST_WITH_TILDE.has(name) && d.args[0]?.value.startsWith("~")) return d.args.slice(1);
  return d.args;
}

/** Directives whose first argument is a header or parameter name, taken as written; the value follows. */
const NAME_THEN_VALUE = new Set(["add_header", "add_trailer", "proxy_set_header", "grpc_set_header", "fastcgi_param", "uwsgi_param", "scgi_param"]);

/** Directives whose arguments are all regular expressions. */
const REGEX_ARGUMENTS = new Set(["fastcgi_split_path_info", "gzip_disable"]);

/** Directives whose first argument is a regular expression when it starts with `~`. */
const REGEX_FIRST_WITH_TILDE = new Set(["proxy_redirect", "proxy_cookie_path", "proxy_cookie_domain", "proxy_cookie_flags"]);

/**
 * Directives nginx certainly compiles as scripts (complex values), where a `$` that starts no name fails
 * nginx -t. Elsewhere a stray `$` may be a regular expression's or a plain string's, and is left alone.
 */
const COMPILED = new Set([
  "return", "set", "rewrite", "if", "add_header", "add_trailer", "proxy_set_header", "grpc_set_header",
  "fastcgi_param", "uwsgi_param", "scgi_param", "proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass",
  "grpc_pass", "root", "alias", "try_files", "proxy_cache_key", "fastcgi_cache_key", "auth_request_set",
  "proxy_set_body", "sub_filter", "error_page",
]);

const NO_USES: readonly VariableUse[] = Object.freeze([]);

export function variableUses(node: ConfigNode): readonly VariableUse[] {
  // Most directives use no variable: look at the raw words before computing which of them are values.
  if (!node.directive.args.some((a) => a.raw.includes("$"))) return NO_USES;
  const uses: VariableUse[] = [];
  const compiled = node.context === "opaque" || COMPILED.has(node.name);
  for (const word of valueArgs(node)) {
    for (const ref of referencesIn(word.value)) if (compiled || !ref.malformed) uses.push({ ...ref, word });
  }
  return uses;
}

interface Reference {
  name: string;
  malformed?: string;
}

const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * The variables one value refers to, read as nginx's script compiler reads them (ngx_http_script_compile):
 * `$name`, `${name}`; `$1` to `$9` are regex captures, not variables (so `$10` is capture 1 then "0", while
 * `$0` and `${1}` are variables nginx does not know). The same values recur thousands of times: cached.
 */
function referencesIn(value: string): readonly Reference[] {
  if (!value.includes("$")) return NO_REFERENCES;
  let refs = referencesByValue.get(value);
  if (!refs) referencesByValue.set(value, (refs = scanReferences(value)));
  return refs;
}

function scanReferences(value: string): Reference[] {
  const refs: Reference[] = [];
  for (let i = value.indexOf("$"); i >= 0; i = value.indexOf("$", i)) {
    i++;
    const braced = value[i] === "{";
    if (!braced && value[i] >= "1" && value[i] <= "9") continue; // a capture
    let end = braced ? i + 1 : i;
    while (end < value.length && NAME_CHAR.test(value[end])) end++;
    const name = value.slice(braced ? i + 1 : i, end);
    if (name === "") refs.push({ name, malformed: "invalid variable name" });
    else if (braced && value[end] !== "}") refs.push({ name: "", malformed: `the closing bracket in "${name}" variable is missing` });
    else refs.push({ name });
    i = braced && value[end] === "}" ? end + 1 : end;
  }
  return refs;
}

const NO_REFERENCES: readonly Reference[] = Object.freeze([]);
const referencesByValue = new Map<string, readonly Reference[]>();

/** The variable's name when the whole value is one variable (`$connection_upgrade`, `${http_upgrade}`). */
export function singleVariable(value: string): string | undefined {
  return /^\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))$/.exec(value)?.slice(1).find((name) => name !== undefined);
}
