// Corrections where the syntax lines of the reference disagree with what nginx itself accepts.
import type { ArgCount } from "./syntax-arguments.js";

export interface Override {
  args?: ArgCount;
  /** nginx older than `version` allowed only `args` (the reference describes the newest release). */
  before?: { version: string; args: ArgCount };
}

const ONE_OR_MORE: ArgCount = { min: 1, max: Infinity };
const TWO_OR_MORE: ArgCount = { min: 2, max: Infinity };

/**
 * Keyed by "module directive". `args` mirrors nginx's own count check, the one that says "invalid number of
 * arguments"; extra words past it get other messages ("invalid parameter") from the directive's handler.
 * Unless a source path is given, each entry is what Debian's nginx 1.22.1 -t answered in the agreement test
 * (test/reference/nginx-agreement.test.ts).
 */
export const OVERRIDES: Readonly<Record<string, Override>> = {
  // Parameter lists: nginx counts 1MORE (2MORE for *_cache_path) and answers a word too many with "invalid
  // parameter" or "unknown log format", so the number of optional parameters in the syntax line is no limit.
  "ngx_http_core_module listen": { args: ONE_OR_MORE },
  "ngx_stream_core_module listen": { args: ONE_OR_MORE },
  "ngx_mail_core_module listen": { args: ONE_OR_MORE }, // src/mail/ngx_mail_core_module.c: NGX_CONF_1MORE
  "ngx_http_upstream_module server": { args: ONE_OR_MORE }, // "[parameters]" stands for any number of them
  "ngx_stream_upstream_module server": { args: ONE_OR_MORE },
  "ngx_http_log_module access_log": { args: ONE_OR_MORE },
  "ngx_stream_log_module access_log": { args: ONE_OR_MORE },
  "Core functionality error_log": { args: ONE_OR_MORE }, // several levels may follow the file (debug_http ...)
  "ngx_http_proxy_module proxy_cache_path": { args: TWO_OR_MORE },
  "ngx_http_fastcgi_module fastcgi_cache_path": { args: TWO_OR_MORE },
  "ngx_http_scgi_module scgi_cache_path": { args: TWO_OR_MORE },
  "ngx_http_uwsgi_module uwsgi_cache_path": { args: TWO_OR_MORE },
  // The condition is split into words by the configuration parser: `if ($a = b)` is three arguments.
  "ngx_http_rewrite_module if": { args: ONE_OR_MORE },

  // The syntax writes every protocol as optional; nginx needs at least one (1MORE).
  "ngx_http_ssl_module ssl_protocols": { args: ONE_OR_MORE },
  "ngx_stream_ssl_module ssl_protocols": { args: ONE_OR_MORE },
  "ngx_mail_ssl_module ssl_protocols": { args: ONE_OR_MORE }, // src/mail/ngx_mail_ssl_module.c: NGX_CONF_1MORE
  "ngx_http_proxy_module proxy_ssl_protocols": { args: ONE_OR_MORE },
  "ngx_stream_proxy_module proxy_ssl_protocols": { args: ONE_OR_MORE },
  "ngx_http_grpc_module grpc_ssl_protocols": { args: ONE_OR_MORE },
  "ngx_http_uwsgi_module uwsgi_ssl_protocols": { args: ONE_OR_MORE },

  // "`off` | `none` | [builtin[:size]] [shared:name:size]": the optional groups read as zero arguments,
  // but nginx wants one or two (TAKE12).
  "ngx_http_ssl_module ssl_session_cache": { args: { min: 1, max: 2 } },
  "ngx_stream_ssl_module ssl_session_cache": { args: { min: 1, max: 2 } },
  "ngx_mail_ssl_module ssl_session_cache": { args: { min: 1, max: 2 } }, // src/mail/ngx_mail_ssl_module.c: TAKE12
  // "`off` | [shared:name:size]": likewise, nginx wants exactly one (TAKE1).
  "ngx_http_ssl_module ssl_ocsp_cache": { args: { min: 1, max: 1 } },

  // "..." in the syntax, but nginx caps the list (TAKE123, TAKE12, TAKE1234).
  "ngx_http_dav_module dav_access": { args: { min: 1, max: 3 } },
  "ngx_http_proxy_module proxy_store_access": { args: { min: 1, max: 3 } },
  "ngx_http_fastcgi_module fastcgi_store_access": { args: { min: 1, max: 3 } },
  "ngx_http_scgi_module scgi_store_access": { args: { min: 1, max: 3 } },
  "ngx_http_uwsgi_module uwsgi_store_access": { args: { min: 1, max: 3 } },
  "ngx_http_core_module keepalive_disable": { args: { min: 1, max: 2 } },
  "ngx_http_userid_module userid_flags": { args: { min: 1, max: 3 } },
  "ngx_http_proxy_module proxy_cookie_flags": { args: { min: 1, max: 4 } },

  // The syntax shows no argument, but nginx still accepts the pre-1.7.5 form `stub_status on;`
  // (NGX_CONF_NOARGS|NGX_CONF_TAKE1).
  "ngx_http_stub_status_module stub_status": { args: { min: 0, max: 1 } },

  // `sync` belongs to NGINX Plus's zone_sync; open-source nginx registers limit_req_zone as TAKE3.
  "ngx_http_limit_req_module limit_req_zone": { args: { min: 3, max: 3 } },

  // `keepalive N local` arrived in 1.29.7 (the reference's description says so); 1.22 takes one argument.
  "ngx_http_upstream_module keepalive": { before: { version: "1.29.7", args: { min: 1, max: 1 } } },
};
