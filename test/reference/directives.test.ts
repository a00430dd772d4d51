// The directive reference: counts, value kinds, contexts and lookups of well-known directives.
import { describe, expect, it } from "vitest";
import { ALL_CONTEXTS, type ContextName, contextsOf, familyOf } from "../../src/reference/contexts.js";
import {
  allDirectives,
  argsFor,
  directivesNamed,
  isKnownDirective,
  lookupDirective,
} from "../../src/reference/directives.js";

function spec(name: string, context: ContextName) {
  const found = lookupDirective(name, context);
  if (!found) throw new Error(`${name} not found in ${context}`);
  return found;
}

describe("argument counts", () => {
  it.each<[string, ContextName, number, number]>([
    ["listen", "server", 1, Infinity],
    ["proxy_pass", "location", 1, 1],
    ["proxy_set_header", "location", 2, 2],
    ["proxy_http_version", "location", 1, 1],
    ["add_header", "location", 2, 3],
    ["error_page", "server", 2, Infinity],
    ["return", "location", 1, 2],
    ["rewrite", "server", 2, 3],
    ["try_files", "location", 2, Infinity],
    ["map", "http", 2, 2],
    ["location", "server", 1, 2],
    ["if", "location", 1, Infinity],
    ["server", "http", 0, 0],
    ["server", "upstream", 1, Infinity],
    ["upstream", "http", 1, 1],
    ["keepalive", "upstream", 1, 2],
    ["hash", "upstream", 1, 2],
    ["user", "main", 1, 2],
    ["worker_processes", "main", 1, 1],
    ["include", "location", 1, 1],
    ["log_format", "http", 2, Infinity],
    ["set", "location", 2, 2],
    ["ssl_protocols", "server", 1, Infinity],
    ["limit_req_zone", "http", 3, 3],
    ["stub_status", "location", 0, 1],
    ["proxy_pass", "stream-server", 1, 1],
    ["return", "stream-server", 1, 1],
  ])("%s in %s takes %i..%i", (name, context, min, max) => {
    expect(spec(name, context).args).toEqual({ min, max });
  });

  it("knows counts that widened after older releases", () => {
    const keepalive = spec("keepalive", "upstream");
    expect(argsFor(keepalive, "1.22.1")).toEqual({ min: 1, max: 1 });
    expect(argsFor(keepalive, "1.29.7")).toEqual({ min: 1, max: 2 });
    expect(argsFor(spec("proxy_pass", "location"), "1.0.0")).toEqual({ min: 1, max: 1 });
  });

  it("marks blocks", () => {
    for (const [name, context] of [["map", "http"], ["location", "server"], ["if", "server"], ["upstream", "http"]] as const) {
      expect(spec(name, context).block).toBe(true);
    }
    expect(spec("proxy_pass", "location").block).toBe(false);
  });
});

describe("value kinds", () => {
  it.each<[string, ContextName, string | undefined]>([
    ["proxy_read_timeout", "location", "time-ms"],
    ["proxy_connect_timeout", "location", "time-ms"],
    ["client_body_timeout", "server", "time-ms"],
    ["keepalive_timeout", "upstream", "time-ms"],
    ["keepalive_timeout", "http", undefined], // two arguments
    ["proxy_timeout", "stream-server", "time-ms"],
    ["timer_resolution", "main", "time-ms"],
    ["ssl_session_timeout", "server", "time"],
    ["open_file_cache_valid", "http", "time"],
    ["proxy_buffering", "location", "flag"],
    ["proxy_buffer_size", "location", "size"],
    ["limit_rate", "location", "size"],
    ["client_max_body_size", "server", "offset"],
    ["proxy_cache_max_range_offset", "location", "offset"],
    ["map_hash_bucket_size", "http", undefined], // a bare number
    ["proxy_http_version", "location", undefined],
    ["proxy_set_header", "location", undefined],
  ])("%s in %s is %s", (name, context, kind) => {
    expect(spec(name, context).value).toBe(kind);
  });

  it("gives every flag the syntax on | off", () => {
    const flags = allDirectives().filter((d) => d.value === "flag");
    expect(flags.length).toBeGreaterThan(100);
    for (const d of flags) expect(d.syntax).toEqual(["`on` | `off`"]);
  });
});

describe("contexts", () => {
  it("maps the reference's strings by the module's family", () => {
    expect(contextsOf("ngx_http_rewrite_module", ["server", "location", "if"])).toEqual([
      "server", "location", "if-in-server", "if-in-location",
    ]);
    expect(contextsOf("ngx_stream_core_module", ["stream", "server"])).toEqual(["stream", "stream-server"]);
    expect(contextsOf("ngx_stream_upstream_module", ["upstream"])).toEqual(["stream-upstream"]);
    expect(contextsOf("ngx_mail_core_module", ["mail", "server"])).toEqual(["mail", "mail-server"]);
    expect(contextsOf("ngx_http_proxy_module", ["location", "if in location", "limit_except"])).toEqual([
      "location", "if-in-location", "limit_except",
    ]);
    expect(contextsOf("Core functionality", ["events"])).toEqual(["events"]);
  });

  it("puts core directives that say server into every server block", () => {
    expect(spec("error_log", "stream-server").contexts).toEqual(
      expect.arrayContaining(["main", "http", "server", "location", "stream-server", "mail-server"]),
    );
  });

  it("reads include's empty context as any", () => {
    expect(spec("include", "if-in-location").contexts).toEqual([...ALL_CONTEXTS]);
  });

  it("names the family of each context", () => {
    expect(familyOf("main")).toBe("core");
    expect(familyOf("events")).toBe("core");
    expect(familyOf("if-in-server")).toBe("http");
    expect(familyOf("limit_except")).toBe("http");
    expect(familyOf("stream-upstream")).toBe("stream");
    expect(familyOf("mail-server")).toBe("mail");
  });
});

describe("lookup", () => {
  it("finds the spec valid in the context", () => {
    expect(spec("proxy_pass", "location").module).toBe("ngx_http_proxy_module");
    expect(spec("proxy_pass", "stream-server").module).toBe("ngx_stream_proxy_module");
    expect(spec("server", "http").module).toBe("ngx_http_core_module");
    expect(spec("server", "upstream").module).toBe("ngx_http_upstream_module");
    expect(spec("server", "stream").module).toBe("ngx_stream_core_module");
    expect(spec("server", "stream-upstream").module).toBe("ngx_stream_upstream_module");
    expect(spec("listen", "mail-server").module).toBe("ngx_mail_core_module");
    expect(spec("return", "if-in-server").module).toBe("ngx_http_rewrite_module");
  });

  it("falls back to a spec of the same family, so a rule can say it is misplaced", () => {
    const misplaced = lookupDirective("proxy_pass", "server");
    expect(misplaced?.module).toBe("ngx_http_proxy_module");
    expect(misplaced?.contexts).not.toContain("server");
    expect(lookupDirective("proxy_pass", "main")).toBeUndefined();
    expect(lookupDirective("no_such_directive", "http")).toBeUndefined();
  });

  it("answers by name", () => {
    expect(isKnownDirective("proxy_pass")).toBe(true);
    expect(isKnownDirective("proxy_passs")).toBe(false);
    expect(directivesNamed("server").map((d) => d.module).sort()).toEqual([
      "ngx_http_core_module", "ngx_http_upstream_module", "ngx_mail_core_module", "ngx_stream_core_module",
      "ngx_stream_upstream_module",
    ]);
    expect(directivesNamed("no_such_directive")).toEqual([]);
  });

  it("keeps the reference's markdown", () => {
    const proxyPass = spec("proxy_pass", "location");
    expect(proxyPass.syntax).toEqual(["*`URL`*"]);
    expect(proxyPass.description).toContain("proxied server");
    expect(spec("proxy_read_timeout", "location").default).toBe("60s");
  });

  it("lists each directive entry once", () => {
    const keys = allDirectives().map((d) => JSON.stringify([d.module, d.name, d.contexts, d.syntax]));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
