// Finding wslint.config.json: upward from the linted file, stopping at a repository root, or the --config file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, findConfigFile, loadConfig } from "../../src/config/load.js";

let root: string;
const write = (rel: string, text: string): string => {
  const path = join(root, rel);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "wslint-config-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("config discovery", () => {
  it("finds the nearest config above the linted file", () => {
    const outer = write("wslint.config.json", '{ "nginxVersion": "1.22.1" }');
    const inner = write("sites/wslint.config.json", '{ "nginxVersion": "1.26.0" }');
    const conf = write("sites/deep/er/app.conf", "");
    expect(loadConfig({ forFile: conf })).toEqual({ path: inner, config: { nginxVersion: "1.26.0" } });
    expect(loadConfig({ forFile: write("other/app.conf", "") })).toEqual({ path: outer, config: { nginxVersion: "1.22.1" } });
  });

  it("starts in the directory itself when given a directory", () => {
    const config = write("etc/nginx/wslint.config.json", "{}");
    expect(findConfigFile(join(root, "etc/nginx"))).toBe(config);
  });

  it("does not look above a repository root", () => {
    write("wslint.config.json", '{ "nginxVersion": "1.22.1" }');
    mkdirSync(join(root, "repo/.git"), { recursive: true });
    const conf = write("repo/conf/nginx.conf", "");
    expect(loadConfig({ forFile: conf })).toEqual({ config: {} });
  });

  it("still uses a config in the repository root itself (a worktree's .git is a file)", () => {
    const config = write("repo/wslint.config.json", "{}");
    write("repo/.git", "gitdir: /elsewhere\n");
    expect(findConfigFile(write("repo/conf/nginx.conf", ""))).toBe(config);
  });

  it("returns an empty config when there is none", () => {
    mkdirSync(join(root, ".git"));
    expect(loadConfig({ forFile: write("nginx.conf", "") })).toEqual({ config: {} });
  });

  it("uses the explicit path without searching, relative to cwd", () => {
    write("wslint.config.json", '{ "nginxVersion": "1.22.1" }');
    const custom = write("ci/strict.json", '{ "rules": { "syntax-error": "warning" } }');
    const loaded = loadConfig({ explicitPath: "ci/strict.json", forFile: join(root, "nginx.conf"), cwd: root });
    expect(loaded).toEqual({ path: custom, config: { rules: { "syntax-error": "warning" } } });
  });

  it("reports a missing explicit file with its name", () => {
    const run = () => loadConfig({ explicitPath: "missing.json", forFile: "nginx.conf", cwd: root });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow("missing.json: cannot read: no such file");
  });

  it("names a discovered file relative to the working directory", () => {
    write("conf/wslint.config.json", '{ "nginxVersion": 1 }');
    const run = () => loadConfig({ forFile: join(root, "conf/nginx.conf"), cwd: root });
    expect(run).toThrow("conf/wslint.config.json: nginxVersion: must be a string");
  });

  it("reports JSON syntax errors with line and column", () => {
    write("wslint.config.json", '{\n  "rules": {\n    "syntax-error": "warning",\n  }\n}\n');
    expect(() => loadConfig({ forFile: join(root, "nginx.conf"), cwd: root })).toThrow(
      "wslint.config.json:3:30: invalid JSON: trailing comma is not allowed in JSON",
    );
  });
});
