// An include glob that matches a directory, a link to one, or a dangling link: nginx -t fails on it (glob(3)
// returns it, then reading it fails), so wslint reports it through include-not-found, as it does `include d;`.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diskHost } from "../../src/cli/disk-host.js";
import { lint } from "../../src/engine/lint.js";
import { makePrefix, nginxTest, prefixHttpPaths } from "../support/nginx.js";

const prefixes: string[] = [];
afterAll(() => prefixes.forEach((prefix) => rmSync(prefix, { recursive: true, force: true })));

/** An nginx prefix whose nginx.conf includes d/*.conf (line 3), with a readable d/a.conf beside what `arrange` adds. */
function prefixWith(arrange: (prefix: string) => void): string {
  const prefix = makePrefix();
  prefixes.push(prefix);
  mkdirSync(join(prefix, "d"));
  writeFileSync(join(prefix, "d/a.conf"), "server_tokens off;\n");
  writeFileSync(join(prefix, "nginx.conf"), `events {}\nhttp {\n    include d/*.conf;\n${prefixHttpPaths}\n}\n`);
  arrange(prefix);
  return prefix;
}

function lintPrefix(prefix: string): string[] {
  const { problems } = lint([join(prefix, "nginx.conf")], diskHost(), { nginxVersion: "1.22.1" });
  return problems.filter((p) => p.ruleId === "include-not-found").map((p) => `${p.range.start.line} ${p.severity} ${p.message}`);
}

describe("an include glob matching what nginx cannot read", () => {
  it.each([
    ["a directory", (p: string) => mkdirSync(join(p, "d/sub.conf")), "sub.conf", "Is a directory", /^pread\(\) ".*\/d\/sub\.conf" failed \(21: Is a directory\)$/],
    ["a link to a directory", (p: string) => symlinkSync(join(p, "logs"), join(p, "d/logs.conf")), "logs.conf", "Is a directory", /^pread\(\) ".*\/d\/logs\.conf" failed \(21: Is a directory\)$/],
    ["a dangling link", (p: string) => symlinkSync(join(p, "gone"), join(p, "d/gone.conf")), "gone.conf", "No such file or directory", /^open\(\) ".*\/d\/gone\.conf" failed \(2: No such file or directory\)$/],
  ])("%s fails nginx -t and is an include-not-found error", (_, arrange, name, reason, nginxSays) => {
    const prefix = prefixWith(arrange);
    expect(nginxTest(prefix, join(prefix, "nginx.conf"))).toMatchObject({ ok: false, message: expect.stringMatching(nginxSays) });
    expect(lintPrefix(prefix)).toEqual([
      `3 error open() "${prefix}/d/*.conf" failed (${prefix}/d/${name}: ${reason}); nginx cannot read this include`,
    ]);
  });

  it("passes, as in nginx, when the glob matches only files (a hidden directory is not matched)", () => {
    const prefix = prefixWith((p) => mkdirSync(join(p, "d/.hidden.conf")));
    expect(nginxTest(prefix, join(prefix, "nginx.conf")).ok).toBe(true);
    expect(lintPrefix(prefix)).toEqual([]);
  });
});

describe("the disk host's glob", () => {
  it("returns what glob(3) returns: files, directories and dangling links, sorted by bytes, dotfiles only when named", () => {
    const prefix = prefixWith((p) => {
      mkdirSync(join(p, "d/B.conf"));
      mkdirSync(join(p, "d/.hidden.conf"));
      symlinkSync(join(p, "gone"), join(p, "d/c.conf"));
      writeFileSync(join(p, "d/a.txt"), "");
    });
    const glob = diskHost().glob;
    expect(glob(join(prefix, "d/*.conf"))).toEqual(["B.conf", "a.conf", "c.conf"].map((name) => join(prefix, "d", name)));
    expect(glob(join(prefix, "d/.*.conf"))).toEqual([join(prefix, "d/.hidden.conf")]);
  });

  it("descends through directories and links to them, and checks a literal last segment exists", () => {
    const prefix = prefixWith((p) => {
      mkdirSync(join(p, "sites/one"), { recursive: true });
      writeFileSync(join(p, "sites/one/site.conf"), "");
      writeFileSync(join(p, "sites/file"), "");
      symlinkSync(join(p, "d"), join(p, "sites/linked"));
    });
    const glob = diskHost().glob;
    expect(glob(join(prefix, "sites/*/site.conf"))).toEqual([join(prefix, "sites/one/site.conf")]);
    expect(glob(join(prefix, "sites/*/a.conf"))).toEqual([join(prefix, "sites/linked/a.conf")]);
    expect(glob(join(prefix, "nowhere/*.conf"))).toEqual([]);
  });
});
