// Where a proxy_pass sends requests: scheme, host and port as ngx_parse_url splits them, and whether nginx must
// evaluate the URL at run time (any variable in it, ngx_http_proxy_pass).
import type { Word } from "../syntax/ast.js";
import { isBuiltinVariable } from "../reference/variables.js";
import { walk, type ConfigNode, type ConfigTree } from "../workspace/tree.js";
import { literalValues } from "./variable-values.js";

export interface ProxyTarget {
  word: Word;
  /** Lower-cased, `http`/`https`; undefined when the URL is not `scheme://...` (a bare variable). */
  scheme: string | undefined;
  /** As written (IPv6 with brackets); undefined when the URL cannot be split. */
  host: string | undefined;
  /** Explicit port, when written. */
  port: number | undefined;
  /** `http://unix:/path:...`: no host to resolve. */
  unix: boolean;
  /** A variable anywhere in the URL: nginx builds and resolves it per request. */
  hasVariables: boolean;
  hostHasVariable: boolean;
}

const URL = /^([^:/]*):\/\/(\[[^\]]*\]|[^/:?]*)(?::([^/?]*))?/;

/** proxy_pass in http (`scheme://host[:port][/uri]`). Stream's `host:port` form is parsed by streamTarget. */
export function proxyTarget(node: ConfigNode): ProxyTarget | undefined {
  const word = node.directive.args[0];
  if (!word) return undefined;
  const text = word.value;
  const hasVariables = text.includes("$");
  const m = URL.exec(text);
  if (!m) return { word, scheme: undefined, host: undefined, port: undefined, unix: false, hasVariables, hostHasVariable: hasVariables };
  const unix = /^[^:/]*:\/\/unix:\//i.test(text);
  const port = m[3] !== undefined && /^\d+$/.test(m[3]) ? Number(m[3]) : undefined;
  return { word, scheme: m[1].toLowerCase(), host: m[2], port, unix, hasVariables, hostHasVariable: m[2].includes("$") || (m[3]?.includes("$") ?? false) };
}

/** Stream proxy_pass: `host:port`, `unix:/path`, or a variable. */
export function streamTarget(node: ConfigNode): ProxyTarget | undefined {
  const word = node.directive.args[0];
  if (!word) return undefined;
  const text = word.value;
  const hasVariables = text.includes("$");
  if (text.startsWith("unix:")) return { word, scheme: undefined, host: undefined, port: undefined, unix: true, hasVariables, hostHasVariable: false };
  const m = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(text)!;
  const port = m[2] !== undefined && /^\d+$/.test(m[2]) ? Number(m[2]) : undefined;
  return { word, scheme: undefined, host: m[1], port, unix: false, hasVariables, hostHasVariable: m[1].includes("$") || (m[2]?.includes("$") ?? false) };
}

/** An IPv4 or bracketed IPv6 literal: nginx connects to it without resolving. */
export function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || /^\[[0-9a-fA-F:.]+\]$/.test(host);
}

/** Variables that start the path or query, not the host (`http://backend$request_uri`). */
const PATH_VARIABLES = /^(request_uri|uri|document_uri|is_args|args|query_string|\d+)$/i;
/** Built-ins that hold an IP address: no resolving needed. */
const IP_VARIABLES = /^(server_addr|remote_addr|realip_remote_addr)$/i;
const TOKEN = /\$\{([A-Za-z0-9_]+)\}|\$([A-Za-z0-9_]+)|([^$]+)/g;

export interface ProxyHost {
  host: string;
  port: number | undefined;
  https: boolean;
  unix: boolean;
}

/**
 * The hosts a proxy_pass URL can name once its variables are expanded (map and set values), or the built-in
 * request variable it takes the host from; undefined when a variable's values are unknown.
 */
export function proxyHosts(url: string, stream: boolean, variables: ReadonlyMap<string, ConfigNode[]>, depth = 0): { hosts: ProxyHost[]; requestVariable?: string } | undefined {
  const scheme = stream ? undefined : /^([^/]*):\/\//.exec(url);
  if (!stream && !scheme) {
    // The whole URL (or its start) is a variable: expand it and look again.
    const lead = /^\$\{?([A-Za-z0-9_]+)\}?/.exec(url);
    const values = lead && depth < 3 ? literalValues(lead[1], variables) : undefined;
    if (!lead || !values) return lead && isBuiltinVariable(lead[1]) && !variables.has(lead[1]) ? { hosts: [], requestVariable: lead[1] } : undefined;
    const all = values.map((v) => proxyHosts(v + url.slice(lead[0].length), stream, variables, depth + 1));
    return all.every((a) => a) ? { hosts: all.flatMap((a) => a!.hosts), requestVariable: all.find((a) => a!.requestVariable)?.requestVariable } : undefined;
  }
  const https = /^https$/i.test(scheme?.[1] ?? "");
  let authorities = [""];
  for (const m of url.slice(scheme ? scheme[0].length : 0).matchAll(TOKEN)) {
    const name = m[1] ?? m[2];
    if (name === undefined) {
      const cut = m[3].search(/[/?]/);
      authorities = authorities.map((a) => a + (cut < 0 ? m[3] : m[3].slice(0, cut)));
      if (cut >= 0) break;
    } else if (PATH_VARIABLES.test(name) && !variables.has(name)) break;
    else if (IP_VARIABLES.test(name) && !variables.has(name)) authorities = authorities.map((a) => `${a}127.0.0.1`);
    else if (isBuiltinVariable(name) && !variables.has(name)) return { hosts: [], requestVariable: name };
    else {
      const values = literalValues(name, variables);
      if (!values || values.length * authorities.length > 64) return undefined;
      authorities = authorities.flatMap((a) => values.map((v) => a + v));
    }
  }
  return { hosts: authorities.map((a) => splitAuthority(a, https)) };
}

function splitAuthority(authority: string, https: boolean): ProxyHost {
  if (/^unix:/i.test(authority)) return { host: "unix", port: undefined, https, unix: true };
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?/.exec(authority)!;
  return { host: m[1], port: m[2] ? Number(m[2]) : undefined, https, unix: false };
}

/** host:port of every proxy_pass without variables: nginx keeps them as implicit upstreams a variable URL can match. */
export function implicitUpstreams(trees: readonly ConfigTree[]): Set<string> {
  const found = new Set<string>();
  for (const tree of trees) {
    walk(tree.roots, (node) => {
      if (node.context === "opaque") return false;
      if (node.name !== "proxy_pass") return;
      const target = node.context.startsWith("stream") ? streamTarget(node) : proxyTarget(node);
      if (!target || target.hasVariables || !target.host) return;
      found.add(`${target.host.toLowerCase()}:${target.port ?? (target.scheme === "https" ? 443 : 80)}`);
    });
  }
  return found;
}
