// The pre-commit hook, installed by Debian's pre-commit from a git snapshot of this checkout (language: node, npm), blocks a bad nginx config.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/run-cli.js";

const BAD = "events {}\nhttp {\n    server {\n        listen 8080\n    }\n}\n";
const GOOD = "events {}\nhttp {\n    server {\n        listen 8080;\n    }\n}\n";

let tmp = "";
let env: NodeJS.ProcessEnv = {};

interface Run { status: number | null; out: string }

function run(cwd: string, cmd: string, args: string[], timeout = 60_000): Run {
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8", timeout });
  return { status: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}

function git(cwd: string, ...args: string[]): Run {
  const r = run(cwd, "git", args);
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.out}`);
  return r;
}

/** pre-commit installs hooks from a git repo at a rev: commit this checkout's working tree (tracked and new files) as one. */
function snapshotRepo(dir: string): string {
  mkdirSync(dir);
  const files = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).stdout.split("\0");
  for (const file of files.filter((f) => f && existsSync(join(ROOT, f)))) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "snapshot");
  return git(dir, "rev-parse", "HEAD").out.trim();
}

function commit(repo: string, file: string, text: string): Run {
  mkdirSync(dirname(join(repo, file)), { recursive: true });
  writeFileSync(join(repo, file), text);
  git(repo, "add", file);
  return run(repo, "git", ["commit", "-m", `change ${file}`]);
}

const commitCount = (repo: string) => git(repo, "rev-list", "--count", "HEAD").out.trim();

describe(".pre-commit-hooks.yaml", () => {
  it("is a valid manifest (pre-commit validate-manifest): one node hook, no pinned language_version", () => {
    const r = spawnSync("pre-commit", ["validate-manifest", join(ROOT, ".pre-commit-hooks.yaml")], { encoding: "utf8" });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    const text = readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8");
    expect(text).toMatch(/^- id: wslint$/m);
    expect(text).toMatch(/^ {2}language: node$/m);
    expect(text).toMatch(/^ {2}entry: wslint$/m);
    expect(text).not.toContain("language_version");
  });

  it("selects nginx configs by name (pre-commit applies `files` with Python's re.search, same semantics here)", () => {
    const pattern = /^ {2}files: '(.*)'$/m.exec(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8"))?.[1] ?? "";
    const files = new RegExp(pattern);
    for (const path of ["nginx.conf", "conf.d/chat.conf", "deploy/site.nginx", "sites-enabled/chat", "etc/nginx/sites-available/default"]) expect(files.test(path), path).toBe(true);
    for (const path of ["README.md", "notes.txt", "conf.d/chat.conf.bak", "nginx.config", "my-sites-enabled.txt"]) expect(files.test(path), path).toBe(false);
  });
});

describe("pre-commit hook (.pre-commit-hooks.yaml)", () => {
  let user = "";

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "wslint-pre-commit-"));
    // Isolated from the caller's git config (hooksPath, signing) and any enclosing git hook's GIT_* variables.
    env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("GIT_")));
    Object.assign(env, {
      PRE_COMMIT_HOME: join(tmp, "cache"), GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", NO_COLOR: "1",
      GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.invalid", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.invalid",
    });
    const rev = snapshotRepo(join(tmp, "wslint"));
    user = join(tmp, "user");
    mkdirSync(user);
    git(user, "init", "-q");
    writeFileSync(join(user, ".pre-commit-config.yaml"), `repos:\n  - repo: ${join(tmp, "wslint")}\n    rev: ${rev}\n    hooks:\n      - id: wslint\n`);
    git(user, "add", ".pre-commit-config.yaml");
    git(user, "commit", "-q", "-m", "config");
    const install = run(user, "pre-commit", ["install"]);
    if (install.status !== 0) throw new Error(`pre-commit install failed: ${install.out}`);
    // Creates the node env: `npm install` of the snapshot (its prepare script builds dist/), `npm pack`, `npm install -g`.
    const hooks = run(user, "pre-commit", ["install-hooks"], 170_000);
    const log = join(tmp, "cache", "pre-commit.log");
    if (hooks.status !== 0) throw new Error(`pre-commit install-hooks failed: ${hooks.out}\n${existsSync(log) ? readFileSync(log, "utf8") : ""}`);
  }, 200_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("blocks a commit of a broken nginx.conf and shows wslint's findings", () => {
    const before = commitCount(user);
    const r = commit(user, "nginx.conf", BAD);
    expect(r.status, r.out).not.toBe(0);
    expect(r.out).toMatch(/wslint\.+Failed/);
    expect(r.out).toContain('directive "listen" is not terminated by ";"');
    expect(r.out).toContain("syntax-error");
    expect(commitCount(user)).toBe(before);
  });

  it("lets the fixed config through", () => {
    const before = Number(commitCount(user));
    const r = commit(user, "nginx.conf", GOOD);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/wslint\.+Passed/);
    expect(Number(commitCount(user))).toBe(before + 1);
  });

  it("checks files under sites-enabled/ without a .conf suffix, and skips files that are not nginx configs", () => {
    const blocked = commit(user, "sites-enabled/chat", "server {\n    listen 8080\n}\n");
    expect(blocked.status, blocked.out).not.toBe(0);
    expect(blocked.out).toContain("sites-enabled/chat");
    git(user, "rm", "-q", "--cached", "sites-enabled/chat");
    rmSync(join(user, "sites-enabled"), { recursive: true });
    const skipped = commit(user, "notes.txt", "listen 8080\n");
    expect(skipped.status, skipped.out).toBe(0);
    expect(skipped.out).toMatch(/wslint\.+\(no files to check\)Skipped/);
  });
});

// pre-commit (3.0.4 and upstream) installs a node hook by `npm install`, then takes all of `npm pack`'s stdout as the
// tarball's file name. npm >= 10 runs pack's lifecycle scripts (our `prepare` build) in the foreground and prints their
// "> wslint@x prepare" banner on stdout, so the name is garbage and `npm install -g` fails (pre-commit PRs #3259, #3460,
// not merged). `foreground-scripts=false` in the repo's .npmrc pipes the script output away; installs are unaffected.
describe("npm pack stdout, which pre-commit reads as the tarball name", () => {
  it("holds only the name: no pack lifecycle script, or .npmrc sets foreground-scripts=false", () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts ?? {};
    const lifecycle = ["prepare", "prepack", "postpack"].filter((s) => s in scripts);
    const npmrc = existsSync(join(ROOT, ".npmrc")) ? readFileSync(join(ROOT, ".npmrc"), "utf8") : "";
    const quiet = /^\s*foreground-scripts\s*=\s*false\s*$/m.test(npmrc);
    expect(lifecycle.length === 0 || quiet, `package.json has ${lifecycle.join(", ")}: add "foreground-scripts=false" to .npmrc`).toBe(true);
  });
});
