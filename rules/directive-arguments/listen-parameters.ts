// `listen` parameters nginx refuses with `invalid parameter "..."`: unknown ones (they are case-sensitive: `SSL` is
// one), removed ones (`spdy`), and ones newer than the target nginx (`quic` before 1.25.0).
import { atLeast, type NginxVersion } from "../../src/model/version.js";
import type { Word } from "../../src/syntax/ast.js";
import type { ConfigNode } from "../../src/workspace/tree.js";

/** Parameters and the release that brought them (changes.xml); older ones are in every nginx still shipped. */
const ADDED_IN: ReadonlyMap<string, { version: string; what: string }> = new Map([["quic", { version: "1.25.0", what: "HTTP/3" }]]);

/** http's listen parameters (ngx_http_core_listen); `setfib=` and `accept_filter=` are FreeBSD's, kept to spare it. */
const KNOWN = /^(default_server|default|ssl|http2|quic|proxy_protocol|deferred|bind|reuseport|(setfib|fastopen|backlog|rcvbuf|sndbuf|accept_filter|ipv6only|so_keepalive)=.*)$/;

export function listenParameterProblem(node: ConfigNode, target: NginxVersion): { message: string; range: Word["range"] } | undefined {
  if (node.name !== "listen" || node.context !== "server") return undefined;
  for (const word of node.directive.args.slice(1)) {
    if (!KNOWN.test(word.value) && !word.value.includes("$")) {
      const lower = word.value.toLowerCase();
      const hint = KNOWN.test(lower) ? `; parameters are lower-case: "${lower}"` : word.value === "spdy" ? '; SPDY was replaced by "http2" in nginx 1.9.5' : "";
      return { message: `invalid parameter "${word.value}" in "listen"${hint}`, range: word.range };
    }
    const added = ADDED_IN.get(word.value);
    if (added && !atLeast(target, added.version)) {
      return { message: `invalid parameter "${word.value}": ${added.what} came with nginx ${added.version} (the target is ${target.text})`, range: word.range };
    }
  }
  return undefined;
}
