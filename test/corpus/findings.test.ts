// What wslint finds in the real-world configs of ../shared/corpus, reviewed by hand finding by finding (issue 3: "no
// error-severity finding that is not true; each finding there is listed in a test with the reason it is right").
//
// Every corpus entry (the file crossplane was run on: nginx.conf, <name>.conf, or the `_wrap.<name>.conf` wrapper of
// a snippet-style entry) is linted in-process on nginx 1.22.1 and must produce exactly the rows of TABLE: rule, file
// (relative to the entry's directory), first line, severity. A finding that is not in the table fails the test, and so
// does a row that is no longer found. Findings judged wrong are not rows: they are in FALSE_FINDINGS, with why they are
// wrong and the proposed fix, and their tests fail until the rule is fixed.
//
// How the reasons were checked: NGINX-FACTS.md, nginx's source (release-1.22.1), and Debian's nginx 1.22.1 (`nginx -t`
// on small configs that isolate each claim, "seen" below). nginx -t stops at the first error; a finding is right
// when nginx would reject (or, for the problem and suggestion rules, behave as the message says on) that construct
// once everything before it is fixed, with no third-party module loaded unless the config loads it.
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diskHost } from "../../src/cli/disk-host.js";
import { lint } from "../../src/engine/lint.js";
import type { Severity } from "../../src/engine/problem.js";
import { corpusEntries } from "./findings/entries.js";

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus");
/** The chosen target: Debian 12's nginx, the one the test suite runs. */
const VERSION = "1.22.1";

/** [rule, file relative to the entry's directory, first line (or lines), severity, why the finding is right]. */
type Row = readonly [rule: string, file: string, line: number | readonly number[], severity: Severity, reason: string];

// Reasons that recur.
/** location1.conf's `location /foo` includes location2.conf, whose `location /bar` then nests inside it. */
const BAR_INSIDE_FOO = 'location2.conf\'s `location /bar` is read inside location1.conf\'s `location /foo` (its include), and a nested location must start with its parent\'s path: nginx -t fails with `location "/bar" is outside location "/foo"` (seen with 1.22.1).';
const NO_EVENTS =
  'A main config (http at its top level) without an events block: nginx -t fails with `no "events" section in configuration`.';
const lua = (d: string) =>
  `\`${d}\` comes from the third-party lua module (OpenResty), which stock nginx does not have and the config does not load, so nginx -t fails with \`unknown directive "${d}"\`.`;
const plus = (d: string) =>
  `\`${d}\` exists only in NGINX Plus, so open-source nginx -t fails with \`unknown directive "${d}"\` (seen for status_zone and auth_oidc).`;
const MISSING_SEMICOLON =
  '`proxy_pass http://is.broken.example` has no ";" before the location\'s "}": nginx -t fails with `unexpected "}"` on the next line, which the finding\'s range covers.';
const USER_NO_ARGS = '`user;` has no argument and user takes 1 or 2: nginx -t fails with `invalid number of arguments in "user" directive`.';
const ARG_VARIABLE =
  "The map value `$arg` is not a variable (only `$arg_NAME` is): nginx -t fails with `unknown \"arg\" variable` (seen).";
const QUOTE_DASH = 'After the closing quote of `"left"` nginx needs a space: nginx -t fails with `unexpected "-"` (seen).';
const QUOTE_L = 'After the closing quote of the second `""` nginx needs a space: nginx -t fails with `unexpected "l"`.';
const OUTER_QUOTE = 'The quoted directive name `"outer-quote"` is no nginx directive: `unknown directive "outer-quote"`.';
const EMPTY_NAME = 'The first word `""` is an empty directive name, which nginx rejects as `unknown directive ""`.';
const BAR_CONF =
  "`include bar.conf;` resolves against the main config's directory, where there is no bar.conf (only conf.d/bar.conf): nginx -t fails with `open() \".../bar.conf\" failed (2: No such file or directory)`.";
const PROXY_PASSS = '`proxy_passs` is a misspelling of proxy_pass: nginx -t fails with `unknown directive "proxy_passs"`.';
const EMPTY_UPSTREAM =
  'The upstream named content_by_lua_block holds only a comment: nginx -t fails with `no servers are inside upstream` (seen).';
const h5bpVariable = (v: string, line: number) =>
  `The wrapper includes the template without h5bp's nginx.conf, whose map (nginx.conf:${line}) is the only definition of $${v}, so nginx -t on the wrapper fails with \`unknown "${v}" variable\`.`;
const MIME_TYPES = "/etc/nginx/mime.types";
const HANDBOOK_MISSING_LISTEN =
  "master/_listen/10.240.20.2/https.conf is not in the handbook (LICENSES.txt counts these 3 includes as genuine missing-file errors): nginx -t fails with `open() ... failed`.";
const absoluteInclude = (path: string) =>
  `The verbatim handbook config includes ${path} by absolute path, which does not exist outside the author's machine (the _relpaths copy has it): nginx -t fails here with \`open() "${path}" failed\`, and a warning says it may exist where nginx runs.`;
const RESOLVERS_API = plus("api");
const RESOLVER_IN_UPSTREAM =
  '`resolver` inside `upstream` is open-source nginx only from 1.27.3 (changes.xml; NGINX Plus only before): 1.22.1 fails with `"resolver" directive is not allowed here` (seen).';
const LIMIT_REQ_ZONE_SYNC =
  "`sync` (zone synchronisation) is an NGINX Plus parameter and open-source limit_req_zone takes exactly 3 arguments: nginx -t fails with `invalid number of arguments in \"limit_req_zone\" directive` (seen).";
const TLS_OLD = (protocols: string) =>
  `\`ssl_protocols ${protocols}\` enables TLSv1 and TLSv1.1, deprecated by RFC 8996 (a warning, as the rule intends).`;

/** Lines 119, 132, ..., 4006 of large-config/nginx.conf.kld: one `status_zone` per generated server, 300 in all. */
const STATUS_ZONE_LINES = Array.from({ length: 300 }, (_, i) => 119 + 13 * i);

const TABLE: Record<string, readonly Row[]> = {
  "crossplane-tests/bad-args/nginx.conf": [["directive-arguments", "nginx.conf", 1, "error", USER_NO_ARGS]],
  "crossplane-tests/comments-between-args/nginx.conf": [["events-missing", "nginx.conf", 1, "error", NO_EVENTS]],
  "crossplane-tests/directive-with-space/nginx.conf": [],
  "crossplane-tests/empty-value-map/nginx.conf": [["undefined-variable", "nginx.conf", 5, "error", ARG_VARIABLE]],
  "crossplane-tests/includes-globbed/nginx.conf": [],
  "crossplane-tests/includes-regular/nginx.conf": [["include-not-found", "conf.d/server.conf", 5, "error", BAR_CONF]],
  "crossplane-tests/lua-block-larger/nginx.conf": [
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
    ["unknown-directive", "nginx.conf", 2, "error", lua("content_by_lua_block")],
    ["unknown-directive", "nginx.conf", 19, "error", lua("access_by_lua_block")],
  ],
  "crossplane-tests/lua-block-simple/nginx.conf": [
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
    ["unknown-directive", "nginx.conf", 2, "error", lua("init_by_lua_block")],
    ["unknown-directive", "nginx.conf", 5, "error", lua("init_worker_by_lua_block")],
    ["unknown-directive", "nginx.conf", 8, "error", lua("body_filter_by_lua_block")],
    ["unknown-directive", "nginx.conf", 11, "error", lua("header_filter_by_lua_block")],
    ["unknown-directive", "nginx.conf", 17, "error", lua("content_by_lua_block")],
    ["unknown-directive", "nginx.conf", 22, "error", lua("ssl_certificate_by_lua_block")],
    ["unknown-directive", "nginx.conf", 33, "error", lua("balancer_by_lua_block")],
    ["unknown-directive", "nginx.conf", 36, "error", lua("log_by_lua_block")],
  ],
  "crossplane-tests/lua-block-tricky/nginx.conf": [
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
    ["unknown-directive", "nginx.conf", 5, "error", lua("set_by_lua_block")],
    ["unknown-directive", "nginx.conf", 12, "error", lua("rewrite_by_lua_block")],
    ["upstream-empty", "nginx.conf", 18, "error", EMPTY_UPSTREAM],
  ],
  "crossplane-tests/messy/nginx.conf": [],
  "crossplane-tests/missing-semicolon/broken-above.conf": [
    ["events-missing", "broken-above.conf", 1, "error", NO_EVENTS],
    ["syntax-error", "broken-above.conf", 4, "error", MISSING_SEMICOLON],
  ],
  "crossplane-tests/missing-semicolon/broken-below.conf": [
    ["events-missing", "broken-below.conf", 1, "error", NO_EVENTS],
    ["syntax-error", "broken-below.conf", 7, "error", MISSING_SEMICOLON],
  ],
  "crossplane-tests/non-unicode/nginx.conf": [["events-missing", "nginx.conf", 1, "error", NO_EVENTS]],
  "crossplane-tests/quote-behavior/nginx.conf": [
    ["unknown-directive", "nginx.conf", 1, "error", OUTER_QUOTE],
    ["syntax-error", "nginx.conf", 1, "error", QUOTE_DASH],
    ["unknown-directive", "nginx.conf", 2, "error", EMPTY_NAME],
    ["syntax-error", "nginx.conf", 2, "error", QUOTE_L],
  ],
  "crossplane-tests/quoted-right-brace/nginx.conf": [],
  "crossplane-tests/russian-text/nginx.conf": [],
  "crossplane-tests/simple/nginx.conf": [],
  "crossplane-tests/spelling-mistake/nginx.conf": [["unknown-directive", "nginx.conf", 7, "error", PROXY_PASSS]],
  "crossplane-tests/with-comments/nginx.conf": [],

  "h5bp-server-configs-nginx/_wrap.default.conf": [],
  "h5bp-server-configs-nginx/_wrap.example.com.conf": [
    ["undefined-variable", "h5bp/cross-origin/requests.conf", 18, "error", h5bpVariable("cors", 174)],
    ["undefined-variable", "h5bp/security/referrer-policy.conf", 25, "error", h5bpVariable("referrer_policy", 153)],
    ["undefined-variable", "h5bp/security/x-frame-options.conf", 37, "error", h5bpVariable("x_frame_options", 135)],
  ],
  "h5bp-server-configs-nginx/_wrap.no-ssl.example.com.conf": [
    ["undefined-variable", "h5bp/cross-origin/requests.conf", 18, "error", h5bpVariable("cors", 174)],
    ["undefined-variable", "h5bp/security/referrer-policy.conf", 25, "error", h5bpVariable("referrer_policy", 153)],
    ["undefined-variable", "h5bp/security/x-frame-options.conf", 37, "error", h5bpVariable("x_frame_options", 135)],
  ],
  "h5bp-server-configs-nginx/nginx.conf": [],

  "nginx-go-crossplane-testdata/bad-args/nginx.conf": [["directive-arguments", "nginx.conf", 1, "error", USER_NO_ARGS]],
  "nginx-go-crossplane-testdata/braces/extra-brace.conf": [
    ["syntax-error", "extra-brace.conf", 11, "error", 'The second "}" of `}}` closes nothing: nginx -t fails with `unexpected "}"` on line 11.'],
    // f5_metrics (line 19): FALSE_FINDINGS.
    ["unknown-directive", "extra-brace.conf", 21, "error", plus("api")],
  ],
  "nginx-go-crossplane-testdata/braces/missing-brace.conf": [
    [
      "syntax-error",
      "missing-brace.conf",
      12,
      "error",
      'The "{" of `http {` on line 12 is never closed: nginx -t fails with `unexpected end of file, expecting "}"` at the end of the file, which the finding\'s range reaches.',
    ],
    // f5_metrics (line 17): FALSE_FINDINGS.
    ["unknown-directive", "missing-brace.conf", 19, "error", plus("api")],
  ],
  "nginx-go-crossplane-testdata/broken1/nginx.conf": [],
  "nginx-go-crossplane-testdata/comments-between-args-disable-parse/nginx.conf": [
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
  ],
  "nginx-go-crossplane-testdata/comments-between-args/nginx.conf": [["events-missing", "nginx.conf", 1, "error", NO_EVENTS]],
  "nginx-go-crossplane-testdata/directive-with-space/nginx.conf": [],
  "nginx-go-crossplane-testdata/emptiness/nginx.conf": [],
  "nginx-go-crossplane-testdata/empty-braces/nginx.conf": [],
  "nginx-go-crossplane-testdata/empty-config/nginx.conf": [
    [
      "events-missing",
      "nginx.conf",
      1,
      "error",
      'The entry is an empty nginx.conf, and nginx -t on an empty main config fails with `no "events" section in configuration` (seen).',
    ],
  ],
  "nginx-go-crossplane-testdata/empty-value-map/nginx.conf": [["undefined-variable", "nginx.conf", 5, "error", ARG_VARIABLE]],
  "nginx-go-crossplane-testdata/geo/nginx.conf": [],
  "nginx-go-crossplane-testdata/geoip2/nginx.conf": [
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
    [
      "unknown-directive",
      "nginx.conf",
      2,
      "error",
      '`geoip2` comes from the third-party ngx_http_geoip2_module, which stock nginx does not have and the config does not load: `unknown directive "geoip2"`.',
    ],
    [
      "unknown-directive",
      "nginx.conf",
      6,
      "error",
      '`geoip2_proxy` is from the same unloaded third-party module (stock nginx has geoip_proxy): `unknown directive "geoip2_proxy"`.',
    ],
    [
      "unknown-directive",
      "nginx.conf",
      7,
      "error",
      '`geoip2_proxy_recursive` is from the same unloaded third-party module: `unknown directive "geoip2_proxy_recursive"`.',
    ],
    [
      "undefined-variable",
      "nginx.conf",
      12,
      "error",
      "`return 200 \"Hello $geoip2_city_name\"` uses a variable that only the unloaded geoip2 module would define, so nginx knows no $geoip2_city_name (`unknown \"geoip2_city_name\" variable`).",
    ],
    [
      "unknown-directive",
      "nginx.conf",
      19,
      "error",
      "The stream `geoip2` block is the unloaded third-party module's too (ngx_stream_geoip2_module): `unknown directive \"geoip2\"`.",
    ],
    [
      "undefined-variable",
      "nginx.conf",
      23,
      "error",
      "The stream map's source $geoip2_country_name would only be defined by the unloaded geoip2 module: `unknown \"geoip2_country_name\" variable`.",
    ],
  ],
  "nginx-go-crossplane-testdata/if-check/nginx.conf": [
    [
      "undefined-variable",
      "nginx.conf",
      18,
      "error",
      '`if ($something)` tests a variable that nothing defines: nginx -t fails with `unknown "something" variable`.',
    ],
  ],
  "nginx-go-crossplane-testdata/if-expr/nginx.conf": [
    [
      "undefined-variable",
      "nginx.conf",
      9,
      "error",
      '`if ($slow)` tests a variable that nothing defines: nginx -t fails with `unknown "slow" variable`.',
    ],
  ],
  "nginx-go-crossplane-testdata/includes-cycle/invalid/nginx.conf": [
    [
      "include-cycle",
      "location2.conf",
      2,
      "error",
      'location1.conf and location2.conf include each other and nginx has no guard against include loops (a two-file loop crashes Debian\'s nginx -t with SIGSEGV, seen); here nginx -t stops earlier, at `location "/bar" is outside location "/foo"`.',
    ],
    ["directive-context", "location2.conf", 1, "error", BAR_INSIDE_FOO],
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
  ],
  "nginx-go-crossplane-testdata/includes-cycle/valid/nginx.conf": [
    ["directive-context", "location2.conf", 1, "error", BAR_INSIDE_FOO],
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
  ],
  "nginx-go-crossplane-testdata/includes-globbed/nginx.conf": [],
  "nginx-go-crossplane-testdata/includes-regular/nginx.conf": [["include-not-found", "conf.d/server.conf", 5, "error", BAR_CONF]],
  "nginx-go-crossplane-testdata/invalid-map/nginx.conf": [],
  "nginx-go-crossplane-testdata/large-config/nginx.conf.kld": [
    // f5_metrics (lines 10, 111) and f5_metrics_server (line 11): FALSE_FINDINGS.
    ["unknown-directive", "nginx.conf.kld", 113, "error", plus("api")],
    ["unknown-directive", "nginx.conf.kld", STATUS_ZONE_LINES, "error", plus("status_zone")],
  ],
  "nginx-go-crossplane-testdata/limit-req-zone/nginx.conf": [
    ["directive-arguments", "nginx.conf", 15, "error", LIMIT_REQ_ZONE_SYNC],
  ],
  "nginx-go-crossplane-testdata/lua-basic/nginx.conf": [
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
    ["unknown-directive", "nginx.conf", 2, "error", lua("init_by_lua")],
    ["unknown-directive", "nginx.conf", 5, "error", lua("lua_shared_dict")],
    ["unknown-directive", "nginx.conf", 9, "error", lua("set_by_lua")],
    ["unknown-directive", "nginx.conf", 10, "error", lua("access_by_lua_file")],
  ],
  "nginx-go-crossplane-testdata/lua-block-larger/nginx.conf": [
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
    ["unknown-directive", "nginx.conf", 2, "error", lua("access_by_lua_block")],
    ["unknown-directive", "nginx.conf", 20, "error", lua("content_by_lua_block")],
  ],
  "nginx-go-crossplane-testdata/lua-block-simple/nginx.conf": [
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
    ["unknown-directive", "nginx.conf", 2, "error", lua("init_by_lua_block")],
    ["unknown-directive", "nginx.conf", 5, "error", lua("init_worker_by_lua_block")],
    ["unknown-directive", "nginx.conf", 8, "error", lua("body_filter_by_lua_block")],
    ["unknown-directive", "nginx.conf", 11, "error", lua("header_filter_by_lua_block")],
    ["unknown-directive", "nginx.conf", 17, "error", lua("content_by_lua_block")],
    ["unknown-directive", "nginx.conf", 22, "error", lua("ssl_certificate_by_lua_block")],
    ["unknown-directive", "nginx.conf", 25, "error", lua("log_by_lua_block")],
    ["unknown-directive", "nginx.conf", 36, "error", lua("balancer_by_lua_block")],
  ],
  "nginx-go-crossplane-testdata/lua-block-tricky/nginx.conf": [
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
    ["unknown-directive", "nginx.conf", 5, "error", lua("set_by_lua_block")],
    ["unknown-directive", "nginx.conf", 12, "error", lua("rewrite_by_lua_block")],
    ["upstream-empty", "nginx.conf", 18, "error", EMPTY_UPSTREAM],
  ],
  "nginx-go-crossplane-testdata/messy/nginx.conf": [],
  "nginx-go-crossplane-testdata/missing-semicolon-above/nginx.conf": [
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
    ["syntax-error", "nginx.conf", 4, "error", MISSING_SEMICOLON],
  ],
  "nginx-go-crossplane-testdata/missing-semicolon-below/nginx.conf": [
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
    ["syntax-error", "nginx.conf", 7, "error", MISSING_SEMICOLON],
  ],
  "nginx-go-crossplane-testdata/missing-semicolon/broken-above.conf": [
    ["events-missing", "broken-above.conf", 1, "error", NO_EVENTS],
    ["syntax-error", "broken-above.conf", 4, "error", MISSING_SEMICOLON],
  ],
  "nginx-go-crossplane-testdata/missing-semicolon/broken-below.conf": [
    ["events-missing", "broken-below.conf", 1, "error", NO_EVENTS],
    ["syntax-error", "broken-below.conf", 7, "error", MISSING_SEMICOLON],
  ],
  // app_protect_* (lines 18-21 of v4, 18-22 of v5): FALSE_FINDINGS.
  "nginx-go-crossplane-testdata/nap-waf-v4/nginx.conf": [],
  "nginx-go-crossplane-testdata/nap-waf-v5/nginx.conf": [],
  "nginx-go-crossplane-testdata/oidc/nginx.conf": [
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
    ["unknown-directive", "nginx.conf", 2, "error", plus("oidc_provider")],
    ["unknown-directive", "nginx.conf", 8, "error", plus("auth_oidc")],
  ],
  "nginx-go-crossplane-testdata/premature-eof/nginx.conf": [
    ["events-missing", "nginx.conf", 1, "error", NO_EVENTS],
    [
      "syntax-error",
      "nginx.conf",
      3,
      "error",
      'The file ends right after `listen`: nginx -t fails with `unexpected end of file, expecting ";" or "}"` on line 3.',
    ],
  ],
  "nginx-go-crossplane-testdata/quote-behavior/nginx.conf": [
    ["unknown-directive", "nginx.conf", 1, "error", OUTER_QUOTE],
    ["syntax-error", "nginx.conf", 1, "error", QUOTE_DASH],
    ["unknown-directive", "nginx.conf", 2, "error", EMPTY_NAME],
    ["syntax-error", "nginx.conf", 2, "error", QUOTE_L],
  ],
  "nginx-go-crossplane-testdata/quoted-right-brace/nginx.conf": [],
  "nginx-go-crossplane-testdata/returns/nginx.conf": [],
  "nginx-go-crossplane-testdata/russian-text/nginx.conf": [],
  "nginx-go-crossplane-testdata/simple-variable-with-braces/nginx.conf": [
    [
      "proxy-pass-resolver",
      "nginx.conf",
      13,
      "error",
      '`proxy_pass $backend_protocol://$backend_host${foo}` evaluates to http://bar per request; no upstream is named bar and no resolver is set, so every request gets 502 "no resolver defined to resolve bar" (seen).',
    ],
  ],
  "nginx-go-crossplane-testdata/simple/nginx.conf": [],
  "nginx-go-crossplane-testdata/spelling-mistake/nginx.conf": [["unknown-directive", "nginx.conf", 7, "error", PROXY_PASSS]],
  "nginx-go-crossplane-testdata/types/nginx.conf": [["events-missing", "nginx.conf", 1, "error", NO_EVENTS]],
  // `ssl_protocols TLSv1 TLSv1.1 ...` at http level (line 34) is in force for no TLS server: sites-enabled/default, the
  // only server, listens on port 80 without ssl, so tls-protocols rightly says nothing.
  "nginx-go-crossplane-testdata/ubuntu-default/nginx.conf": [],
  "nginx-go-crossplane-testdata/upstream_resolver_directive/multiple_resolvers.conf": [
    ["events-missing", "multiple_resolvers.conf", 1, "error", NO_EVENTS],
    ["directive-context", "multiple_resolvers.conf", 4, "error", RESOLVER_IN_UPSTREAM],
    ["unknown-directive", "multiple_resolvers.conf", 15, "error", RESOLVERS_API],
  ],
  "nginx-go-crossplane-testdata/upstream_resolver_directive/multiple_resolvers_with_ports.conf": [
    ["events-missing", "multiple_resolvers_with_ports.conf", 1, "error", NO_EVENTS],
    ["directive-context", "multiple_resolvers_with_ports.conf", 4, "error", RESOLVER_IN_UPSTREAM],
    ["unknown-directive", "multiple_resolvers_with_ports.conf", 15, "error", RESOLVERS_API],
  ],
  "nginx-go-crossplane-testdata/upstream_resolver_directive/simple.conf": [],
  "nginx-go-crossplane-testdata/with-comments/nginx.conf": [],

  "nginx-nginx/nginx.conf": [],

  "trimstray-nginx-admins-handbook/_relpaths/nginx.conf": [
    [
      "unknown-directive",
      "master/_basic/main.conf",
      5,
      "error",
      '`more_set_headers` comes from the third-party headers-more module, which stock nginx does not have and modules.conf (empty) does not load: `unknown directive "more_set_headers"`.',
    ],
    [
      "forwarded-for-spoofable",
      "master/_basic/proxy-params.conf",
      8,
      "info",
      "This http-level X-Forwarded-For $proxy_add_x_forwarded_for reaches blkcipher.info's proxy_pass locations, and no set_real_ip_from/real_ip_header is anywhere, so a client-sent X-Forwarded-For is passed on first (advice, info).",
    ],
    [
      "unknown-directive",
      "master/_basic/redirects-map.conf",
      1,
      "error",
      '`set_random` comes from the third-party set-misc module, which stock nginx does not have and the config does not load: `unknown directive "set_random"`.',
    ],
    // The $rand_uri argument of set_random on line 1: FALSE_FINDINGS.
    [
      "undefined-variable",
      "master/_basic/redirects-map.conf",
      3,
      "error",
      "`map $rand_uri ...` reads a variable that only the unloaded set_random would define, so nginx knows no $rand_uri (`unknown \"rand_uri\" variable`).",
    ],
    [
      "include-not-found",
      "master/_server/blkcipher.info/servers.conf",
      24,
      "error",
      HANDBOOK_MISSING_LISTEN,
    ],
    [
      "include-not-found",
      "master/_server/blkcipher.info/servers.conf",
      42,
      "error",
      HANDBOOK_MISSING_LISTEN,
    ],
    [
      "include-not-found",
      "master/_server/defaults/servers.conf",
      24,
      "error",
      HANDBOOK_MISSING_LISTEN,
    ],
  ],
  "trimstray-nginx-admins-handbook/nginx/nginx.conf": [
    ["include-not-found", "nginx.conf", 7, "warning", absoluteInclude("/etc/nginx/modules.conf")],
    ["include-not-found", "nginx.conf", 34, "warning", absoluteInclude("/etc/nginx/master/_acls/internal.geo.acl")],
    ["include-not-found", "nginx.conf", 35, "warning", absoluteInclude("/etc/nginx/master/_acls/internal.map.acl")],
    ["include-not-found", "nginx.conf", 36, "warning", absoluteInclude("/etc/nginx/master/_acls/external.geo.acl")],
    ["include-not-found", "nginx.conf", 37, "warning", absoluteInclude("/etc/nginx/master/_acls/external.map.acl")],
    ["include-not-found", "nginx.conf", 43, "warning", absoluteInclude("/etc/nginx/master/_basic/main.conf")],
    ["include-not-found", "nginx.conf", 44, "warning", absoluteInclude("/etc/nginx/master/_basic/logging.conf")],
    ["include-not-found", "nginx.conf", 45, "warning", absoluteInclude("/etc/nginx/master/_basic/proxy-params.conf")],
    ["include-not-found", "nginx.conf", 46, "warning", absoluteInclude("/etc/nginx/master/_basic/rate-limiting.conf")],
    ["include-not-found", "nginx.conf", 47, "warning", absoluteInclude("/etc/nginx/master/_basic/redirects-map.conf")],
    ["include-not-found", "nginx.conf", 53, "warning", absoluteInclude("/etc/nginx/master/_server/localhost/servers.conf")],
    ["include-not-found", "nginx.conf", 54, "warning", absoluteInclude("/etc/nginx/master/_server/localhost/backends.conf")],
    ["include-not-found", "nginx.conf", 56, "warning", absoluteInclude("/etc/nginx/master/_server/defaults/servers.conf")],
    ["include-not-found", "nginx.conf", 57, "warning", absoluteInclude("/etc/nginx/master/_server/defaults/backends.conf")],
    ["include-not-found", "nginx.conf", 59, "warning", absoluteInclude("/etc/nginx/master/_server/blkcipher.info/servers.conf")],
    ["include-not-found", "nginx.conf", 60, "warning", absoluteInclude("/etc/nginx/master/_server/blkcipher.info/backends.conf")],
  ],

  "websocket-samples/_wrap.jitsi-meet.conf": [
    [
      "worker-connections-low",
      "_wrap.jitsi-meet.conf",
      1,
      "info",
      "The wrapper's `events {}` leaves worker_connections at 512 while /xmpp-websocket proxies WebSockets, two connections each (advice, info).",
    ],
    ["tls-protocols", "jitsi-meet.example", 24, "warning", TLS_OLD("TLSv1 TLSv1.1 TLSv1.2")],
    [
      "read-timeout-short",
      "jitsi-meet.example",
      74,
      "warning",
      "`location = /xmpp-websocket` forwards Upgrade and sets no proxy_read_timeout, so the tunnel closes after 60s without traffic (NGINX-FACTS: the read timeout is the tunnel's idle timeout).",
    ],
    [
      "limit-conn-missing",
      "jitsi-meet.example",
      74,
      "info",
      "No limit_conn is in force at /xmpp-websocket, so one client can hold any number of sockets (advice, info).",
    ],
    [
      "origin-check",
      "jitsi-meet.example",
      74,
      "info",
      "Nothing in the config reads $http_origin, so /xmpp-websocket accepts handshakes from any site (advice, info).",
    ],
    [
      "connection-header-hardcoded",
      "jitsi-meet.example",
      78,
      "warning",
      '`proxy_set_header Connection "upgrade"` sends Connection: upgrade on every request to the location, WebSocket or not, instead of $connection_upgrade from a map.',
    ],
  ],
};

/**
 * Rows that exist only on a machine without the absolute path they include (Debian's nginx package, which the test
 * suite installs, ships /etc/nginx/mime.types): [entry, file, line, path].
 */
const ABSENT_FILE_ROWS: readonly (readonly [entry: string, file: string, line: number, path: string])[] = [
  ["nginx-go-crossplane-testdata/limit-req-zone/nginx.conf", "nginx.conf", 12, MIME_TYPES],
  ["nginx-go-crossplane-testdata/nap-waf-v4/nginx.conf", "nginx.conf", 13, MIME_TYPES],
  ["nginx-go-crossplane-testdata/nap-waf-v5/nginx.conf", "nginx.conf", 13, MIME_TYPES],
  ["trimstray-nginx-admins-handbook/nginx/nginx.conf", "nginx.conf", 28, MIME_TYPES],
];

interface FalseFinding {
  entry: string;
  rule: string;
  file: string;
  line: number;
  severity: Severity;
  /** The config line. */
  config: string;
  /** What wslint says. */
  said: string;
  /** Why that is not true of the config on nginx. */
  why: string;
  /** The smallest fix, and where. */
  fix: string;
}

const LOADED_MODULE_WHY =
  "The config loads the module that defines this directive (`load_module modules/ngx_http_<name>_module.so;` above it), so nginx never says `unknown directive` here: with the module present (NGINX Plus, where these configs come from) the directive is known, and on open-source nginx `nginx -t` stops at the load_module line (`dlopen() ... failed`, seen), which wslint cannot check; the message's own advice, \"load the module that defines it\", is already followed.";
const LOADED_MODULE_FIX =
  "rules/unknown-directive.ts: in visit(), skip a name equal to or starting with `<stem>_` of a module the tree loads at top level (`load_module .../ngx_(http_|stream_|mail_)?<stem>(_filter)?_module.so`), since wslint has no directive table for modules outside its reference.";

function loadedModuleFinding(entry: string, file: string, line: number, directive: string, module: string): FalseFinding {
  return {
    entry,
    rule: "unknown-directive",
    file,
    line,
    severity: "error",
    config: `${directive} ...;  (with load_module modules/${module}.so; at top level)`,
    said: `unknown directive "${directive}"`,
    why: LOADED_MODULE_WHY,
    fix: LOADED_MODULE_FIX,
  };
}

const F5 = "ngx_http_f5_metrics_module";
const NAP = "ngx_http_app_protect_module";
const NAP_V4 = "nginx-go-crossplane-testdata/nap-waf-v4/nginx.conf";
const NAP_V5 = "nginx-go-crossplane-testdata/nap-waf-v5/nginx.conf";
const LARGE = "nginx-go-crossplane-testdata/large-config/nginx.conf.kld";

const FALSE_FINDINGS: readonly FalseFinding[] = [
  loadedModuleFinding("nginx-go-crossplane-testdata/braces/extra-brace.conf", "extra-brace.conf", 19, "f5_metrics", F5),
  loadedModuleFinding("nginx-go-crossplane-testdata/braces/missing-brace.conf", "missing-brace.conf", 17, "f5_metrics", F5),
  loadedModuleFinding(LARGE, "nginx.conf.kld", 10, "f5_metrics", F5),
  loadedModuleFinding(LARGE, "nginx.conf.kld", 11, "f5_metrics_server", F5),
  loadedModuleFinding(LARGE, "nginx.conf.kld", 111, "f5_metrics", F5),
  loadedModuleFinding(NAP_V4, "nginx.conf", 18, "app_protect_enable", NAP),
  loadedModuleFinding(NAP_V4, "nginx.conf", 19, "app_protect_policy_file", NAP),
  loadedModuleFinding(NAP_V4, "nginx.conf", 20, "app_protect_security_log_enable", NAP),
  loadedModuleFinding(NAP_V4, "nginx.conf", 21, "app_protect_security_log", NAP),
  loadedModuleFinding(NAP_V5, "nginx.conf", 18, "app_protect_enforcer_address", NAP),
  loadedModuleFinding(NAP_V5, "nginx.conf", 19, "app_protect_enable", NAP),
  loadedModuleFinding(NAP_V5, "nginx.conf", 20, "app_protect_policy_file", NAP),
  loadedModuleFinding(NAP_V5, "nginx.conf", 21, "app_protect_security_log_enable", NAP),
  loadedModuleFinding(NAP_V5, "nginx.conf", 22, "app_protect_security_log", NAP),
  {
    entry: "trimstray-nginx-admins-handbook/_relpaths/nginx.conf",
    rule: "undefined-variable",
    file: "master/_basic/redirects-map.conf",
    line: 1,
    severity: "error",
    config: "set_random $rand_uri 1 3;",
    said: 'unknown "rand_uri" variable; no map, geo, set or module defines it',
    why: "`$rand_uri` here is not a use but the variable set_random defines, and set_random is an unknown directive (reported on the same line by unknown-directive) whose arguments nginx never compiles: with set-misc loaded $rand_uri is defined, without it nginx stops at `unknown directive \"set_random\"`; in neither case is there an unknown variable on this word.",
    fix: "rules/undefined-variable.ts: in visit(), return early for a non-opaque node whose name is neither isKnownDirective() nor in ctx.model.options.extraDirectives (the nodes unknown-directive reports), as variable-uses.ts already does for lua/perl/js/geoip2: wslint cannot tell uses from definitions in an unknown directive's arguments.",
  },
];

/**
 * Findings that differ from the 1.22.1 table on the other versions tried. 1.24.0 reports exactly the same findings;
 * 1.29.7 allows `resolver` in upstream (since 1.27.3), so those two directive-context rows go.
 */
const OTHER_VERSIONS: Record<string, { added: string[]; removed: string[] }> = {
  "1.24.0": { added: [], removed: [] },
  "1.29.7": {
    added: [],
    removed: [
      "nginx-go-crossplane-testdata/upstream_resolver_directive/multiple_resolvers.conf directive-context multiple_resolvers.conf:4 error",
      "nginx-go-crossplane-testdata/upstream_resolver_directive/multiple_resolvers_with_ports.conf directive-context multiple_resolvers_with_ports.conf:4 error",
    ],
  },
};

// ---------------------------------------------------------------------------------------------------------------

const key = (rule: string, file: string, line: number, severity: Severity) => `${rule} ${file}:${line} ${severity}`;

const results = new Map<string, string[]>();

/** wslint's findings for one entry, as sorted keys (file relative to the entry's directory). */
function actual(entry: string, version = VERSION): string[] {
  const id = `${version} ${entry}`;
  let found = results.get(id);
  if (!found) {
    const path = join(CORPUS, entry);
    const { problems } = lint([path], diskHost(), { nginxVersion: version });
    found = problems.map((p) => key(p.ruleId, relative(dirname(path), p.file), p.range.start.line, p.severity)).sort();
    results.set(id, found);
  }
  return found;
}

/** The table's findings for one entry, as sorted keys. */
function expected(entry: string): string[] {
  const keys: string[] = [];
  for (const [rule, file, lines, severity] of TABLE[entry] ?? []) {
    for (const line of typeof lines === "number" ? [lines] : lines) keys.push(key(rule, file, line, severity));
  }
  for (const [e, file, line, path] of ABSENT_FILE_ROWS) {
    if (e === entry && !existsSync(path)) keys.push(key("include-not-found", file, line, "warning"));
  }
  return keys.sort();
}

const falseKey = (f: FalseFinding) => key(f.rule, f.file, f.line, f.severity);
const entries = existsSync(CORPUS) ? corpusEntries(CORPUS) : [];

describe("wslint's findings on the real-world corpus, each reviewed (nginx " + VERSION + ")", () => {
  it("lints every corpus entry, and the table has a row list for each", () => {
    expect(entries.length, `no corpus at ${CORPUS}`).toBeGreaterThan(70);
    expect(Object.keys(TABLE).sort()).toEqual(entries);
  });

  it("gives every row a one-sentence reason and no row repeats a false finding", () => {
    const falseKeys = new Set(FALSE_FINDINGS.map((f) => `${f.entry} ${falseKey(f)}`));
    for (const [entry, rows] of Object.entries(TABLE)) {
      for (const [rule, file, lines, severity, reason] of rows) {
        expect(reason.length, `${entry} ${rule} ${file}`).toBeGreaterThan(30);
        for (const line of typeof lines === "number" ? [lines] : lines) {
          expect(falseKeys.has(`${entry} ${key(rule, file, line, severity)}`), `${entry} ${rule} ${file}:${line}`).toBe(false);
        }
      }
    }
  });

  for (const entry of entries) {
    it(`${entry}: exactly the reviewed findings`, () => {
      const known = FALSE_FINDINGS.filter((f) => f.entry === entry && actual(entry).includes(falseKey(f)));
      const note = known.map((f) => `known false finding ${falseKey(f)}: ${f.said} -- fix: ${f.fix}`).join("\n");
      expect(actual(entry), note || undefined).toEqual(expected(entry));
    });
  }

  describe("false findings (noise): each test fails until the rule is fixed", () => {
    for (const f of FALSE_FINDINGS) {
      it(`${f.entry} ${f.file}:${f.line}: no ${f.rule} on \`${f.config}\``, () => {
        expect(actual(f.entry), `wslint said: ${f.said}\nwhy it is wrong: ${f.why}\nfix: ${f.fix}`).not.toContain(falseKey(f));
      });
    }
  });

  for (const [version, delta] of Object.entries(OTHER_VERSIONS)) {
    it(`nginx ${version} gives the same findings as ${VERSION}, but for the listed differences`, () => {
      const added: string[] = [];
      const removed: string[] = [];
      for (const entry of entries) {
        const base = actual(entry);
        const other = actual(entry, version);
        added.push(...other.filter((k) => !base.includes(k)).map((k) => `${entry} ${k}`));
        removed.push(...base.filter((k) => !other.includes(k)).map((k) => `${entry} ${k}`));
      }
      expect({ added, removed }).toEqual(delta);
    });
  }
});
