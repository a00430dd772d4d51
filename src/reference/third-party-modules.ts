// Well-known third-party modules and the directives they add, so `"modules": ["lua"]` declares all of them.
// Names come from each module's command table (ngx_command_t) or README directive list.

// Phases with an inline string form (`content_by_lua "..."`) besides `_block` and `_file`; newer phases
// have only the last two.
const luaInlinePhases = ["init", "init_worker", "set", "rewrite", "access", "content", "header_filter", "body_filter", "log"];
const luaBlockPhases = [
  "exit_worker", "server_rewrite", "balancer", "ssl_client_hello", "ssl_certificate", "ssl_session_fetch",
  "ssl_session_store", "proxy_ssl_verify", "preread",
];

/** lua-nginx-module and stream-lua-nginx-module: every `*_by_lua*` form and the `lua_*` settings. */
const lua = [
  ...luaInlinePhases.map((p) => `${p}_by_lua`),
  ...[...luaInlinePhases, ...luaBlockPhases].flatMap((p) => [`${p}_by_lua_block`, `${p}_by_lua_file`]),
  "rewrite_by_lua_no_postpone", "access_by_lua_no_postpone", "balancer_keepalive",
  "lua_load_resty_core", "lua_thread_cache_max_entries", "lua_max_running_timers", "lua_max_pending_timers",
  "lua_shared_dict", "lua_capture_error_log", "lua_sa_restart", "lua_regex_cache_max_entries",
  "lua_regex_match_limit", "lua_package_cpath", "lua_package_path", "lua_code_cache", "lua_need_request_body",
  "lua_transform_underscores_in_response_headers", "lua_socket_log_errors", "lua_socket_keepalive_timeout",
  "lua_socket_connect_timeout", "lua_socket_send_timeout", "lua_socket_send_lowat", "lua_socket_buffer_size",
  "lua_socket_pool_size", "lua_socket_read_timeout", "lua_http10_buffering", "lua_check_client_abort",
  "lua_use_default_type", "lua_ssl_protocols", "lua_ssl_ciphers", "lua_ssl_verify_depth", "lua_ssl_certificate",
  "lua_ssl_certificate_key", "lua_ssl_trusted_certificate", "lua_ssl_crl", "lua_ssl_key_log",
  "lua_ssl_conf_command", "lua_malloc_trim", "lua_worker_thread_vm_pool_size", "lua_add_variable",
];

export const MODULE_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  brotli: ["brotli", "brotli_static", "brotli_types", "brotli_buffers", "brotli_comp_level", "brotli_window", "brotli_min_length"],
  "cache-purge": ["proxy_cache_purge", "fastcgi_cache_purge", "scgi_cache_purge", "uwsgi_cache_purge"],
  echo: [
    "echo", "echo_duplicate", "echo_flush", "echo_sleep", "echo_blocking_sleep", "echo_reset_timer",
    "echo_read_request_body", "echo_location_async", "echo_location", "echo_subrequest_async", "echo_subrequest",
    "echo_foreach_split", "echo_end", "echo_request_body", "echo_exec", "echo_status", "echo_before_body",
    "echo_after_body",
  ],
  geoip2: ["geoip2", "geoip2_proxy", "geoip2_proxy_recursive"],
  "headers-more": ["more_set_headers", "more_clear_headers", "more_set_input_headers", "more_clear_input_headers"],
  lua,
  modsecurity: ["modsecurity", "modsecurity_rules", "modsecurity_rules_file", "modsecurity_rules_remote", "modsecurity_transaction_id"],
  // njs is documented on nginx.org, but the reference data lags its releases.
  njs: [
    "js_access", "js_body_filter", "js_content", "js_context_reuse", "js_engine", "js_fetch_buffer_size",
    "js_fetch_ciphers", "js_fetch_max_response_buffer_size", "js_fetch_protocols", "js_fetch_timeout",
    "js_fetch_trusted_certificate", "js_fetch_verify", "js_fetch_verify_depth", "js_filter", "js_header_filter",
    "js_import", "js_path", "js_periodic", "js_preload_object", "js_preread", "js_set", "js_shared_dict_zone",
    "js_var",
  ],
  "subs-filter": ["subs_filter", "subs_filter_types"],
  sticky: ["sticky"],
  vts: [
    "vhost_traffic_status", "vhost_traffic_status_zone", "vhost_traffic_status_dump", "vhost_traffic_status_display",
    "vhost_traffic_status_display_format", "vhost_traffic_status_display_jsonp", "vhost_traffic_status_display_sum_key",
    "vhost_traffic_status_filter", "vhost_traffic_status_filter_by_host", "vhost_traffic_status_filter_by_set_key",
    "vhost_traffic_status_filter_check_duplicate", "vhost_traffic_status_filter_max_node", "vhost_traffic_status_limit",
    "vhost_traffic_status_limit_traffic", "vhost_traffic_status_limit_traffic_by_set_key",
    "vhost_traffic_status_limit_check_duplicate", "vhost_traffic_status_set_by_filter",
    "vhost_traffic_status_average_method", "vhost_traffic_status_histogram_buckets",
    "vhost_traffic_status_bypass_limit", "vhost_traffic_status_bypass_stats",
  ],
  zstd: ["zstd", "zstd_comp_level", "zstd_min_length", "zstd_types", "zstd_buffers", "zstd_static", "zstd_dict_file"],
};

/** Module names expand to their directives; anything else is taken as a directive name. */
export function modulesToDirectives(modules: readonly string[]): string[] {
  const out = new Set<string>();
  for (const entry of modules) {
    const directives = Object.hasOwn(MODULE_DIRECTIVES, entry) ? MODULE_DIRECTIVES[entry] : [entry];
    for (const d of directives) out.add(d);
  }
  return [...out];
}

/**
 * `load_module` names whose module goes by another name in the table: the shared object is named after the C
 * module (ngx_http_js_module.so is njs; brotli and zstd ship a filter and a static module).
 */
const LOADED_NAME_ALIASES: ReadonlyMap<string, string> = new Map([
  ["js", "njs"],
  ["subs", "subs-filter"],
  ["brotli_static", "brotli"],
  ["zstd_static", "zstd"],
]);

/** The table's module for a loaded module's short name (`headers_more` from ngx_http_headers_more_filter_module.so). */
export function moduleOfLoadedName(loaded: string): string | undefined {
  const name = LOADED_NAME_ALIASES.get(loaded) ?? loaded.replace(/_/g, "-");
  return Object.hasOwn(MODULE_DIRECTIVES, name) ? name : undefined;
}

/** The third-party module a directive name belongs to, for hints; undefined when none of the table has it. */
export function thirdPartyModuleOf(name: string): string | undefined {
  return moduleByDirective.get(name);
}

const moduleByDirective = new Map(Object.entries(MODULE_DIRECTIVES).flatMap(([module, names]) => names.map((n) => [n, module] as const)));
