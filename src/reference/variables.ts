// Built-in nginx variables: the reference's list, its NAME families, and regex captures.
import { Format, getVariables } from "@nginx/reference-lib";

/**
 * Variables nginx 1.22 knows (nginx -t accepts `return 200 $name`) that the reference leaves out: the docs
 * describe the browser module's variables in prose, and list the four $tcpinfo_* under one entry that the
 * reference keeps only the last name of.
 */
const MISSING_FROM_REFERENCE = [
  "ancient_browser", "modern_browser", "msie", "tcpinfo_rtt", "tcpinfo_rttvar", "tcpinfo_snd_cwnd",
];

/** The families rules rely on, also listed here so they hold however the reference writes them (`$http_NAME`). */
const PREFIXES = [
  "http_", "sent_http_", "sent_trailer_", "cookie_", "arg_", "upstream_http_", "upstream_trailer_",
  "upstream_cookie_", "jwt_header_", "jwt_claim_",
];

interface Table {
  names: Set<string>;
  prefixes: string[];
}

let table: Table | undefined;

function load(): Table {
  const names = new Set(MISSING_FROM_REFERENCE);
  const prefixes = new Set(PREFIXES);
  for (const { name } of getVariables(Format.Markdown)) {
    const bare = name.replace(/^\$/, "");
    if (bare.endsWith("_NAME")) prefixes.add(bare.slice(0, -"NAME".length));
    else names.add(bare);
  }
  return { names, prefixes: [...prefixes] };
}

function getTable(): Table {
  table ??= load();
  return table;
}

/**
 * `name` without the `$`. nginx lowercases variable names, and reads `$1`..`$9` as regex captures with any
 * text after the digit as literal text (`$10` is capture 1 then "0"). `$0` is not a capture in nginx's script
 * compiler (src/http/ngx_http_script.c takes '1'..'9'): nginx 1.22 -t says `unknown "0" variable`.
 */
export function isBuiltinVariable(name: string): boolean {
  // A config repeats the same few variables thousands of times: remember each answer.
  let builtin = answers.get(name);
  if (builtin === undefined) {
    const lower = name.toLowerCase();
    const { names, prefixes } = getTable();
    builtin = /^[1-9]/.test(name) || names.has(lower) || prefixes.some((p) => lower.startsWith(p));
    answers.set(name, builtin);
  }
  return builtin;
}

const answers = new Map<string, boolean>();

/** Every built-in name for completion; a family appears as its prefix (`http_`). */
export function builtinVariableNames(): string[] {
  const { names, prefixes } = getTable();
  return [...new Set([...names, ...prefixes])].sort();
}
