// A proxy_pass URL with a URI part where nginx cannot replace the matched part of the request URI with it: in a regex or
// named location, and in the unnamed locations nginx makes of `if` and `limit_except` blocks (ngx_http_proxy_pass,
// src/http/modules/ngx_http_proxy_module.c).
import { locationMatch } from "../../src/model/location-match.js";
import type { ConfigNode } from "../../src/workspace/tree.js";

/**
 * The URI part as ngx_parse_url splits it with `uri_part` set: from the first `/` or `?` after the host (only `/` after
 * an IPv6 `[...]`), or after the `:` that ends a unix socket path. Empty when there is none.
 */
export function uriPart(url: string): string {
  const scheme = /^https?:\/\//i.exec(url);
  if (!scheme) return "";
  const rest = url.slice(scheme[0].length);
  if (/^unix:/i.test(rest)) {
    const colon = rest.indexOf(":", 5);
    return colon < 0 ? "" : rest.slice(colon + 1);
  }
  const start = rest.startsWith("[") ? rest.indexOf("/", rest.indexOf("]")) : rest.search(/[/?]/);
  return start < 0 ? "" : rest.slice(start);
}

/** Where nginx refuses a URI part, in its words; undefined where a URI part is fine. */
function refusedIn(node: ConfigNode): string | undefined {
  if (node.context === "if-in-location") return 'inside "if" statement';
  if (node.context === "limit_except") return 'inside "limit_except" block';
  const location = node.context === "location" ? node.parent : undefined;
  const match = location && locationMatch(location);
  if (match?.kind === "regex") return `in location given by regular expression ("${location!.directive.args.map((a) => a.value).join(" ")}")`;
  if (match?.kind === "named") return `inside named location "${match.name}"`;
  return undefined;
}

/** The message for a proxy_pass nginx rejects for its URI part. */
export function proxyPassUriProblem(node: ConfigNode): string | undefined {
  const url = node.directive.args[0]?.value;
  // With variables nginx builds the URL per request and skips this check (ngx_http_script_variables_count counts `$`).
  if (url === undefined || url.includes("$")) return undefined;
  const uri = uriPart(url);
  const where = uri ? refusedIn(node) : undefined;
  if (!where) return undefined;
  return `"proxy_pass" cannot have URI part ("${uri}") ${where}: nginx passes the request URI there as it is; remove "${uri}" (change the path with "rewrite ... break;" if needed)`;
}
