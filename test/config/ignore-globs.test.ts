// `ignore` globs when the config's directory holds glob characters (`a[b`, `v[1]`), and invalid patterns: the
// directory matches itself, and a pattern that cannot be read is a config error naming the file and the key.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ignoreGlobError, ignoreMatcher, resolveIgnoreGlobs } from "../../src/config/ignore.js";
import { ConfigError, loadConfig } from "../../src/config/load.js";
import { validateConfig } from "../../src/config/validate.js";
import { runCli } from "../support/run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "wslint-ignore-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const matcherFor = (patterns: string[], configDir: string) => ignoreMatcher(resolveIgnoreGlobs(patterns, `${configDir}/wslint.config.json`));

/** A project directory holding a config with `ignore`, a broken nginx.conf and the same broken text in old.bak.conf. */
function project(name: string, ignore: string[]): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, ".git"), { recursive: true }); // a repository root: no config above it applies
  writeFileSync(join(dir, "wslint.config.json"), JSON.stringify({ ignore }));
  for (const file of ["nginx.conf", "old.bak.conf"]) writeFileSync(join(dir, file), "events {}\nhttp {\n    proxy_passs x;\n}\n");
  return dir;
}

describe("the config's directory in ignore globs", () => {
  it.each(["/srv/a[b", "/srv/v[1]", "/srv/v{1,2}", "/srv/what?", "/srv/st*r", "/srv/back\\slash", "/srv/br]ace}"])(
    "matches %s literally",
    (dir) => {
      const ignored = matcherFor(["*.bak", "vendor/"], dir);
      expect(ignored(`${dir}/site.bak`)).toBe(true);
      expect(ignored(`${dir}/deep/site.bak`)).toBe(true);
      expect(ignored(`${dir}/vendor/x.conf`)).toBe(true);
      expect(ignored(`${dir}/site.conf`)).toBe(false);
    },
  );

  it("does not let the directory's brackets or braces match other directories", () => {
    expect(matcherFor(["*.bak"], "/srv/v[1]")("/srv/v1/site.bak")).toBe(false);
    expect(matcherFor(["*.bak"], "/srv/v{1,2}")("/srv/v1/site.bak")).toBe(false);
    expect(matcherFor(["*.bak"], "/srv/what?")("/srv/whatX/site.bak")).toBe(false);
  });
});

describe("glob syntax", () => {
  const ignored = matcherFor(["\\[draft\\]*", "[!a]x.conf", "[]a]y.conf", "[a\\-c]z.conf", "{one,two{3,4}}.conf"], "/p");

  it("reads a backslash as making the next character literal", () => {
    expect(ignored("/p/[draft] site.conf")).toBe(true);
    expect(ignored("/p/d site.conf")).toBe(false);
  });

  it("reads bracket expressions as shells do, never matching a slash", () => {
    expect(ignored("/p/bx.conf")).toBe(true);
    expect(ignored("/p/ax.conf")).toBe(false);
    expect(ignored("/p/sub/x.conf")).toBe(false);
    expect(ignored("/p/]y.conf")).toBe(true);
    expect(ignored("/p/-z.conf")).toBe(true);
    expect(ignored("/p/bz.conf")).toBe(false);
  });

  it("reads nested braces", () => {
    expect(["one", "two3", "two4", "two"].map((name) => ignored(`/p/${name}.conf`))).toEqual([true, true, true, false]);
  });

  it.each([
    ["[", /^"\[" at position 1 has no closing "\]"/],
    ["conf.d/[abc", /^"\[" at position 8 has no closing "\]"/],
    ["[z-a]", /^the range "z-a" is backwards \(write "a-z"\)$/],
    ["{a,b", /^"\{" at position 1 has no closing "\}"/],
    ["x\\", /^ends with a lone "\\"/],
  ])("rejects %s with a reason", (glob, reason) => {
    expect(ignoreGlobError(glob)).toMatch(reason);
  });

  it("rejects braces nested too deep (20,000 levels once overflowed the stack: an internal error)", () => {
    expect(ignoreGlobError("{".repeat(20000) + "}".repeat(20000))).toBe("braces are nested more than 10 deep");
  });

  it.each(["*.bak", "vendor/", "**/old/**", "[a-z]*.conf", "[!.]*", "{a,b}.conf", "\\[x\\]"])("accepts %s", (glob) => {
    expect(ignoreGlobError(glob)).toBeUndefined();
  });
});

describe("an invalid ignore glob in a config file", () => {
  it("is a config error naming the file and each bad key", () => {
    const data = { ignore: ["*.bak", "[", "[z-a]"] };
    expect(() => validateConfig(data, "wslint.config.json")).toThrow(ConfigError);
    expect(() => validateConfig(data, "wslint.config.json")).toThrow(
      [
        'wslint.config.json: ignore[1]: not a valid glob: "[" at position 1 has no closing "]" (write "\\[" for a literal bracket)',
        'wslint.config.json: ignore[2]: not a valid glob: the range "z-a" is backwards (write "a-z")',
      ].join("\n"),
    );
  });

  it("is reported with the schema's own errors", () => {
    expect(() => validateConfig({ nginxVersion: 1, ignore: ["{"] }, "c.json")).toThrow(/^c\.json: nginxVersion: must be a string\nc\.json: ignore\[0\]: not a valid glob/);
  });

  it("is found when the config is loaded from a directory named like a glob", () => {
    const dir = project("load a[b", ["[z-a]"]);
    expect(() => loadConfig({ forFile: join(dir, "nginx.conf"), cwd: dir })).toThrow(/^wslint\.config\.json: ignore\[0\]: not a valid glob: the range "z-a" is backwards/);
  });
});

describe("wslint with ignore globs in a project directory named like a glob", () => {
  it.each(["a[b", "v[1]"])("skips the ignored file under %s", (name) => {
    const dir = project(name, ["*.bak.conf"]);
    const run = runCli(["--format", "json", "."], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path)).toEqual(["nginx.conf"]);
  });

  it.each([["[", "bracket"], ["[z-a]", "range"]])("exits 2 with a config error, not an internal error, for %s", (glob, name) => {
    const run = runCli(["."], { cwd: project(`bad ${name} a[b`, [glob]) });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^wslint: wslint\.config\.json: ignore\[0\]: not a valid glob: .+\n$/);
  });
});
