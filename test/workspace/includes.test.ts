// Includes resolved as nginx resolves them: against the main config's directory, globs sorted and allowed to
// match nothing, literal paths required, every context (map entry lists too), snippets with their includer.
import { describe, expect, it } from "vitest";
import { lint } from "../../src/engine/lint.js";
import { memoryHost } from "../../src/workspace/host.js";

const run = (files: Record<string, string>, entries = ["/etc/nginx/nginx.conf"]) =>
  lint(entries, memoryHost(files), { nginxVersion: "1.22.1" });
const found = (files: Record<string, string>, entries?: string[]) =>
  run(files, entries).problems.map((p) => `${p.file.replace("/etc/nginx/", "")}:${p.range.start.line} ${p.ruleId}`);

describe("include", () => {
  it("resolves relative paths against the main config's directory, even from a nested file", () => {
    const files = {
      "/etc/nginx/nginx.conf": "events {}\nhttp {\n    include conf.d/*.conf;\n}\n",
      "/etc/nginx/conf.d/site.conf": "include snippets/ws.conf;\n",
      "/etc/nginx/snippets/ws.conf": "bogus_directive on;\n",
      "/etc/nginx/conf.d/snippets/ws.conf": "server_tokens off;\n",
    };
    expect(found(files)).toEqual(["snippets/ws.conf:1 unknown-directive"]);
  });

  it("expands globs in byte order, and an empty glob is no error while a missing literal file is", () => {
    const files = {
      "/etc/nginx/nginx.conf": "events {}\nhttp {\n    include sites/*;\n    include none/*.conf;\n    include missing.conf;\n}\n",
      "/etc/nginx/sites/b": "server { listen 81; }\n",
      "/etc/nginx/sites/B": "server { listen 82; }\n",
      "/etc/nginx/sites/a": "server { listen 83; }\n",
    };
    const { model, problems } = run(files);
    const http = model.trees[0].roots[1];
    expect(http.children.filter((n) => n.name === "server").map((n) => n.file.replace("/etc/nginx/sites/", ""))).toEqual(["B", "a", "b"]);
    expect(problems.map((p) => `${p.range.start.line} ${p.ruleId}`)).toEqual(["5 include-not-found"]);
  });

  it("is followed inside map blocks: included entries count, a missing entry file is reported", () => {
    const files = {
      "/etc/nginx/nginx.conf": "events {}\nhttp {\n    map $http_upgrade $connection_upgrade {\n        include maps/upgrade.map;\n    }\n    map $host $x {\n        include maps/missing.map;\n    }\n}\n",
      "/etc/nginx/maps/upgrade.map": "default upgrade;\n'' close;\n",
    };
    const { model, problems } = run(files);
    const map = model.trees[0].roots[1].children[0];
    expect(map.children.map((n) => n.name)).toEqual(["include", "default", ""]);
    expect(problems.map((p) => `${p.range.start.line} ${p.ruleId}`)).toEqual(["7 include-not-found"]);
  });

  it("checks a file another linted file includes in that file's context, not alone", () => {
    const files = {
      "/etc/nginx/nginx.conf": "events {}\nhttp {\n    include conf.d/*.conf;\n}\n",
      "/etc/nginx/conf.d/site.conf": "server {\n    listen 8080;\n}\n",
    };
    const { workspace } = run(files, ["/etc/nginx/nginx.conf", "/etc/nginx/conf.d/site.conf"]);
    expect(workspace.trees.map((t) => t.entry)).toEqual(["/etc/nginx/nginx.conf"]);
  });

  it("resolves a snippet linted alone against the nearest nginx.conf above it", () => {
    const files = {
      "/etc/nginx/nginx.conf": "events {}\nhttp {}\n",
      "/etc/nginx/snippets/ws.conf": "# wslint: context server\ninclude snippets/headers.conf;\n",
      "/etc/nginx/snippets/headers.conf": "server_tokens off;\n",
    };
    expect(found(files, ["/etc/nginx/snippets/ws.conf"])).toEqual([]);
  });
});
