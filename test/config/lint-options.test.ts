// From a loaded config to lint() options: modules to directives, ignore globs, flags laid over the config.
import { describe, expect, it } from "vitest";
import { ignoreMatcher, resolveIgnoreGlobs } from "../../src/config/ignore.js";
import { configToLintOptions, mergeLintOptions } from "../../src/config/load.js";
import { MODULE_DIRECTIVES, modulesToDirectives } from "../../src/reference/third-party-modules.js";
import { lint } from "../../src/engine/lint.js";
import { memoryHost } from "../../src/workspace/host.js";

describe("configToLintOptions", () => {
  it("sets only what the config sets", () => {
    expect(configToLintOptions({})).toEqual({});
    expect(
      configToLintOptions(
        { nginxVersion: "1.22.1", rules: { "syntax-error": "warning" }, websocketLocations: ["/ws/"], modules: ["headers-more"], ignore: ["vendor/**"] },
        "/etc/nginx/wslint.config.json",
      ),
    ).toEqual({
      nginxVersion: "1.22.1",
      rules: { "syntax-error": "warning" },
      websocketLocations: ["/ws/"],
      extraDirectives: ["more_set_headers", "more_clear_headers", "more_set_input_headers", "more_clear_input_headers"],
      ignore: ["/etc/nginx/vendor/**"],
    });
  });
});

describe("modules", () => {
  it("expands known modules and keeps other entries as directive names", () => {
    const lua = modulesToDirectives(["lua"]);
    for (const name of ["content_by_lua_block", "access_by_lua_file", "init_worker_by_lua", "lua_shared_dict", "lua_package_path", "balancer_by_lua_block"]) {
      expect(lua).toContain(name);
    }
    expect(lua.every((d) => /_by_lua|^lua_|^balancer_keepalive$/.test(d))).toBe(true);
    expect(modulesToDirectives(["brotli", "my_directive", "brotli"])).toEqual([...MODULE_DIRECTIVES.brotli, "my_directive"]);
    // Not a module name, though `Object.prototype` has it: taken as a directive name.
    expect(modulesToDirectives(["constructor"])).toEqual(["constructor"]);
  });

  it("makes lint accept the module's directives", () => {
    const conf = "events {}\nhttp {\n    server {\n        more_set_headers 'Server: x';\n    }\n}\n";
    const run = (modules: string[]) =>
      lint(["/n.conf"], memoryHost({ "/n.conf": conf }), configToLintOptions({ modules })).problems.map((p) => p.ruleId);
    expect(run([])).toContain("unknown-directive");
    expect(run(["headers-more"])).not.toContain("unknown-directive");
  });
});

describe("ignore globs", () => {
  const config = "/srv/conf/wslint.config.json";
  it("resolves as .gitignore does: bare names at any depth, paths from the config's directory", () => {
    expect(resolveIgnoreGlobs(["*.bak", "vendor/", "./gen/*.conf", "/abs/x.conf"], config)).toEqual([
      "/srv/conf/**/*.bak",
      "/srv/conf/**/vendor/",
      "/srv/conf/gen/*.conf",
      "/abs/x.conf",
    ]);
  });

  it("matches files, and everything under a matched directory", () => {
    const ignored = ignoreMatcher(resolveIgnoreGlobs(["*.bak", "vendor/", "gen/*.conf", "snippets/{a,b}.conf", "**/old/**"], config));
    expect(ignored("/srv/conf/site.conf.bak")).toBe(true);
    expect(ignored("/srv/conf/deep/er/x.bak")).toBe(true);
    expect(ignored("/srv/conf/vendor/lib/x.conf")).toBe(true);
    expect(ignored("/srv/conf/gen/x.conf")).toBe(true);
    expect(ignored("/srv/conf/gen/sub/x.conf")).toBe(false);
    expect(ignored("/srv/conf/snippets/b.conf")).toBe(true);
    expect(ignored("/srv/conf/snippets/c.conf")).toBe(false);
    expect(ignored("/srv/conf/a/old/b.conf")).toBe(true);
    expect(ignored("/srv/conf/site.conf")).toBe(false);
    expect(ignored("/srv/other/x.bak")).toBe(false);
  });

  it("lint skips ignored entries and drops problems in ignored included files", () => {
    const host = memoryHost({
      "/c/nginx.conf": "events {}\nhttp {\n    include /c/vendor/bad.conf;\n    proxy_passs x;\n}\n",
      "/c/vendor/bad.conf": "proxy_passs y;\n",
      "/c/vendor/alone.conf": "proxy_passs z;\n",
    });
    const options = configToLintOptions({ ignore: ["vendor/"] }, "/c/wslint.config.json");
    const result = lint(["/c/nginx.conf", "/c/vendor/alone.conf"], host, options);
    expect(result.problems.map((p) => `${p.file}:${p.range.start.line} ${p.ruleId}`)).toEqual(["/c/nginx.conf:4 unknown-directive"]);
  });
});

describe("mergeLintOptions", () => {
  it("lets flags win, adds lists, and keeps a rule's config options when a flag sets only its severity", () => {
    const merged = mergeLintOptions(
      { nginxVersion: "1.22.1", extraDirectives: ["a"], rules: { "read-timeout-short": ["warning", { minimum: "1h" }], "syntax-error": "warning" } },
      { nginxVersion: "1.26.0", extraDirectives: ["b", "a"], rules: { "read-timeout-short": "error" }, context: undefined },
    );
    expect(merged).toEqual({
      nginxVersion: "1.26.0",
      extraDirectives: ["a", "b"],
      rules: { "read-timeout-short": ["error", { minimum: "1h" }], "syntax-error": "warning" },
    });
  });
});
