// Directives of modules a config loads with load_module are known, whether or not they carry the module's name.
import { describe, expect, it } from "vitest";
import { lintText } from "../support/lint-text.js";

function unknownDirectives(loads: string[], body: string): string[] {
  const text = `${loads.map((l) => `load_module modules/${l};\n`).join("")}events {}\nhttp {\n    server {\n        listen 8080;\n${body}    }\n}\n`;
  return lintText(text).filter((p) => p.ruleId === "unknown-directive").map((p) => p.message);
}

describe("directives of loaded modules", () => {
  it("knows lua's *_by_lua* directives once ngx_http_lua_module.so is loaded", () => {
    const body = "        location / {\n            access_by_lua 'return';\n            content_by_lua_block {\n                ngx.say('x')\n            }\n        }\n";
    expect(unknownDirectives(["ndk_http_module.so", "ngx_http_lua_module.so"], body)).toEqual([]);
    expect(unknownDirectives([], body)).toHaveLength(2);
  });

  it("knows headers-more, njs and the brotli static module by their shared object names", () => {
    const body = "        more_set_headers 'X-A: 1';\n        js_content main.hello;\n        brotli on;\n";
    const loads = ["ngx_http_headers_more_filter_module.so", "ngx_http_js_module.so", "ngx_http_brotli_static_module.so"];
    expect(unknownDirectives(loads, body)).toEqual([]);
  });

  it("still reports a directive of a module that is not loaded", () => {
    const found = unknownDirectives(["ngx_http_echo_module.so"], "        more_set_headers 'X-A: 1';\n        echo hi;\n");
    expect(found).toEqual([expect.stringContaining('unknown directive "more_set_headers"')]);
  });
});
