// Where a configuration uses variables: `$name` and `${name}` in the arguments nginx compiles as values,
// not in the ones it reads as regular expressions.
import type { Word } from "../syntax/ast.js";
import type { ConfigNode } from "../workspace/tree.js";

export interface VariableUse {
  name: string;
  word: Word;
}

const VARIABLE = /\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g;
const REGEX_OPERATORS = new Set(["~", "~*", "!~", "!~*"]);

/** Directives whose arguments are code or patterns, not nginx values. */
const OPAQUE_DIRECTIVE = /_by_lua|^perl|^js_|^location$|^valid_referers$|^server_name$|^map_hash|^geoip2?$/;
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
  if (name === "proxy_redirect" && d.args[0]?.value.startsWith("~")) return d.args.slice(1);
  return d.args;
}

const NO_USES: readonly VariableUse[] = Object.freeze([]);

export function variableUses(node: ConfigNode): readonly VariableUse[] {
  // Most directives use no variable: look at the raw words before computing which of them are values.
  if (!node.directive.args.some((a) => a.raw.includes("$"))) return NO_USES;
  const uses: VariableUse[] = [];
  for (const word of valueArgs(node)) {
    for (const name of namesIn(word.value)) uses.push({ name, word });
  }
  return uses;
}

/** The variable names in one value; the same values ("$host", "$http_upgrade") recur thousands of times. */
function namesIn(value: string): readonly string[] {
  if (!value.includes("$")) return NO_NAMES;
  let names = namesByValue.get(value);
  if (!names) {
    names = [...value.matchAll(VARIABLE)].map((m) => m[1] ?? m[2]);
    namesByValue.set(value, names);
  }
  return names;
}

const NO_NAMES: readonly string[] = Object.freeze([]);
const namesByValue = new Map<string, readonly string[]>();
