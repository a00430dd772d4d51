// Which directives nginx rejects when repeated in one block ("is duplicate").
import type { DirectiveSpec } from "./directives.js";

/**
 * Set through nginx's one-value slot handlers (ngx_conf_set_str_slot, ngx_conf_set_enum_slot, ...) or
 * handlers that test for an earlier value; each returns "is duplicate" on a second occurrence in one block.
 * Directives that collect a list (proxy_set_header, listen, ssl_certificate, access_log) are not here.
 */
const SINGLE_VALUED = new Set([
  // The top-level blocks: a second one is "is duplicate" (ngx_events_block, ngx_http_block, ...).
  "events",
  "http",
  "stream",
  "mail",
  "root",
  "alias",
  "proxy_pass",
  "fastcgi_pass",
  "uwsgi_pass",
  "scgi_pass",
  "grpc_pass",
  "memcached_pass",
  "proxy_http_version",
  "worker_processes",
  "worker_connections",
  "user",
  "pid",
  "default_type",
  "ssl_protocols",
  "ssl_ciphers",
  "resolver",
  "try_files",
  "expires",
  "keepalive",
  "proxy_buffers",
  "charset",
]);

/** Flags, times, sizes and offsets all go through one-value slots. */
export function isSingleValued(spec: DirectiveSpec): boolean {
  return SINGLE_VALUED.has(spec.name) || (spec.value !== undefined && spec.args.max === 1);
}
