// Which directives a given nginx build has: the reference covers the newest nginx and NGINX Plus, while
// the target may be an older open-source nginx.
import { atLeast, type NginxVersion } from "../model/version.js";
import { directivesNamed } from "./directives.js";

/** Modules only NGINX Plus ships (nginx.org documents them as part of the commercial subscription). */
const PLUS_MODULES = new Set([
  "ngx_http_api_module",
  "ngx_http_auth_jwt_module",
  "ngx_http_f4f_module",
  "ngx_http_hls_module",
  "ngx_http_internal_redirect_module",
  "ngx_http_keyval_module",
  "ngx_http_oidc_module",
  "ngx_http_session_log_module",
  "ngx_http_status_module",
  "ngx_http_upstream_conf_module",
  "ngx_http_upstream_hc_module",
  "ngx_mgmt_module",
  "ngx_stream_keyval_module",
  "ngx_stream_mqtt_filter_module",
  "ngx_stream_mqtt_preread_module",
  "ngx_stream_upstream_hc_module",
  "ngx_stream_zone_sync_module",
]);

/** NGINX Plus directives inside open-source modules. */
const PLUS_DIRECTIVES = new Set(["sticky", "sticky_cookie_insert", "ntlm", "least_time", "queue", "health_check", "state"]);

/** Open-source directives newer than the oldest nginx still shipped by distributions (changes.xml). */
const ADDED_IN: ReadonlyMap<string, string> = new Map([
  ["ssl_reject_handshake", "1.19.4"],
  ["ssl_conf_command", "1.19.4"],
  ["proxy_ssl_conf_command", "1.19.4"],
  ["keepalive_time", "1.19.10"],
  ["http3", "1.25.0"],
  ["http3_hq", "1.25.0"],
  ["http3_max_concurrent_streams", "1.25.0"],
  ["http3_stream_buffer_size", "1.25.0"],
  ["quic_active_connection_id_limit", "1.25.0"],
  ["quic_bpf", "1.25.0"],
  ["quic_gso", "1.25.0"],
  ["quic_host_key", "1.25.0"],
  ["quic_retry", "1.25.0"],
  ["http2", "1.25.1"],
]);

/** Why the target nginx has no directive of this name, or undefined when it has one. */
export function unavailableReason(name: string, version: NginxVersion): string | undefined {
  let byName = reasons.get(version);
  if (!byName) reasons.set(version, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, findReason(name, version));
  return byName.get(name);
}

const reasons = new WeakMap<NginxVersion, Map<string, string | undefined>>();

function findReason(name: string, version: NginxVersion): string | undefined {
  const since = ADDED_IN.get(name);
  if (since && !atLeast(version, since)) return `it was added in nginx ${since}; the target is ${version.text}`;
  const specs = directivesNamed(name);
  if (specs.length > 0 && (PLUS_DIRECTIVES.has(name) || specs.every((s) => PLUS_MODULES.has(s.module)))) {
    return "only NGINX Plus has it";
  }
  return undefined;
}
