// Decides which kind of value (flag, time, size, offset) a one-argument directive must be given.

export type ValueKind = "flag" | "time" | "time-ms" | "size" | "offset";

/** ngx_conf_set_msec_slot (or ngx_parse_time(..., 0)): millisecond precision, no M or y. */
const MILLISECONDS = [
  "accept_mutex_delay", "auth_delay", "client_body_timeout", "client_header_timeout", "keepalive_time",
  "keepalive_timeout", // upstream's one-argument form; http's takes two and has no single kind
  "keepalive_min_timeout", "lingering_time", "lingering_timeout", "resolver_timeout", "send_timeout",
  "worker_shutdown_timeout", "http2_idle_timeout", "http2_recv_timeout",
  "proxy_connect_timeout", "proxy_read_timeout", "proxy_send_timeout", "proxy_next_upstream_timeout",
  "proxy_cache_lock_timeout", "proxy_cache_lock_age",
  "fastcgi_connect_timeout", "fastcgi_read_timeout", "fastcgi_send_timeout", "fastcgi_next_upstream_timeout",
  "fastcgi_cache_lock_timeout", "fastcgi_cache_lock_age",
  "uwsgi_connect_timeout", "uwsgi_read_timeout", "uwsgi_send_timeout", "uwsgi_next_upstream_timeout",
  "uwsgi_cache_lock_timeout", "uwsgi_cache_lock_age",
  "scgi_connect_timeout", "scgi_read_timeout", "scgi_send_timeout", "scgi_next_upstream_timeout",
  "scgi_cache_lock_timeout", "scgi_cache_lock_age",
  "grpc_connect_timeout", "grpc_read_timeout", "grpc_send_timeout", "grpc_next_upstream_timeout",
  "memcached_connect_timeout", "memcached_read_timeout", "memcached_send_timeout",
  "memcached_next_upstream_timeout",
  // src/http/modules/ngx_http_tunnel_module.c (newer than 1.22)
  "tunnel_connect_timeout", "tunnel_read_timeout", "tunnel_send_timeout", "tunnel_next_upstream_timeout",
  // stream (proxy_connect_timeout and proxy_next_upstream_timeout are above)
  "proxy_timeout", "preread_timeout", "proxy_protocol_timeout", "ssl_handshake_timeout",
  // mail: src/mail/ngx_mail_core_module.c, ngx_mail_auth_http_module.c, ngx_mail_smtp_module.c
  "timeout", "auth_http_timeout", "smtp_greeting_delay",
  // njs: nginx/njs nginx/ngx_http_js_module.c, ngx_stream_js_module.c
  "js_fetch_timeout", "js_fetch_keepalive_time", "js_fetch_keepalive_timeout",
  // the syntax calls it *interval*
  "timer_resolution",
];

/**
 * The syntax line names the placeholder (*time*, *size*); the precision and units come from the slot nginx
 * parses it with. Checked against Debian's nginx 1.22.1 by the values each kind alone accepts (`1ms` vs `1M`,
 * `1g` vs `1m`), and for directives newer than 1.22 read in their module source.
 */
const BY_SLOT: ReadonlyMap<string, ValueKind> = new Map<string, ValueKind>([
  ...MILLISECONDS.map((name): [string, ValueKind] => [name, "time-ms"]),
  // ngx_conf_set_off_slot: the only one that also takes g.
  ["client_max_body_size", "offset"],
  ["directio_alignment", "offset"],
  ["worker_rlimit_core", "offset"],
  ["proxy_cache_max_range_offset", "offset"], // the syntax calls these *number*
  ["fastcgi_cache_max_range_offset", "offset"],
  ["uwsgi_cache_max_range_offset", "offset"],
  ["scgi_cache_max_range_offset", "offset"],
  // ngx_conf_set_size_slot (or the complex-value size slot) under a placeholder named *rate* or *length*.
  ["limit_rate", "size"],
  ["proxy_limit_rate", "size"],
  ["fastcgi_limit_rate", "size"],
  ["uwsgi_limit_rate", "size"],
  ["scgi_limit_rate", "size"],
  ["proxy_download_rate", "size"],
  ["proxy_upload_rate", "size"],
  ["gzip_min_length", "size"],
  ["ssi_value_length", "size"],
  ["ssi_min_file_chunk", "size"], // its syntax line writes `size` as code, not as a placeholder
]);

// One placeholder and nothing else: `*time*`, or `size` written as code.
const SINGLE_PLACEHOLDER = /^\*?`[^`\s]+`\*?$/;

export function valueKindOf(name: string, syntax: readonly string[]): ValueKind | undefined {
  if (syntax.length !== 1) return undefined;
  const line = syntax[0].trim();
  if (line === "`on` | `off`") return "flag";
  if (!SINGLE_PLACEHOLDER.test(line)) return undefined;
  // Hash table sizes read *size* but nginx takes a bare number (ngx_conf_set_num_slot): `1k` fails.
  if (/_hash_(max|bucket)_size$/.test(name)) return undefined;
  const bySlot = BY_SLOT.get(name);
  if (bySlot) return bySlot;
  if (line === "*`time`*" || line === "*`timeout`*") return "time";
  if (line === "*`size`*") return "size";
  return undefined;
}

/**
 * Directives that take several arguments of known kinds, so `valueKindOf` (one argument) gives them none:
 * keepalive_timeout's `timeout [header_timeout]` reads the first in milliseconds (no `M` or `y`) and the
 * second in seconds (ngx_http_core_keepalive).
 */
export const ARGUMENT_KINDS: ReadonlyMap<string, readonly ValueKind[]> = new Map([["keepalive_timeout", ["time-ms", "time"]]]);
