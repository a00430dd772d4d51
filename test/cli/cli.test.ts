// The command line end to end: formats, exit codes, options, stdin, directories, snippets.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "wslint-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(tmp, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe("wslint lint", () => {
  it("exits 1 and prints positioned problems for the broken example", () => {
    const run = runCli(["examples/chat-broken.conf"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("examples/chat-broken.conf");
    expect(run.stdout).toMatch(/19:41\s+error\s+unknown "connection_upgrade" variable.*undefined-variable/);
    expect(run.stdout).toMatch(/20:32\s+error\s+invalid value "1M" in "proxy_read_timeout" directive.*directive-arguments/);
    expect(run.stdout).toMatch(/8:31\s+error\s+balancing method "ip_hash" does not support parameter "backup".*balancer-backup/);
    expect(run.stderr).toBe("");
  });

  it("exits 0 with no output on the clean example", () => {
    const run = runCli(["examples/chat-clean.conf"]);
    expect(run).toMatchObject({ code: 0, stdout: "", stderr: "" });
  });

  it("prints JSON with 1-based positions and a summary", () => {
    const run = runCli(["--format", "json", "examples/chat-broken.conf"]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.tool.name).toBe("wslint");
    expect(out.files[0].path).toBe("examples/chat-broken.conf");
    expect(out.files[0].problems).toContainEqual(
      expect.objectContaining({ ruleId: "undefined-variable", line: 19, column: 41, endLine: 19, endColumn: 60, severity: "error" }),
    );
    expect(out.summary.errors).toBeGreaterThanOrEqual(2);
  });

  it("reads standard input with -, naming it after --stdin-filename", () => {
    const run = runCli(["-", "--stdin-filename", "site.conf"], { input: "events {}\nhttp { server { listen 80 } }\n" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("site.conf");
    expect(run.stdout).toContain("syntax-error");
  });

  it("colours output only when asked, and honours NO_COLOR", () => {
    expect(runCli(["examples/chat-broken.conf"], { env: { NO_COLOR: "", FORCE_COLOR: "1" } }).stdout).toContain("\x1b[");
    expect(runCli(["examples/chat-broken.conf"], { env: { NO_COLOR: "1", FORCE_COLOR: "1" } }).stdout).not.toContain("\x1b[");
  });

  it("lints a snippet in the context its comment declares, without asking for events or http", () => {
    const run = runCli(["--format", "json", "examples/snippets/websocket-location.conf"]);
    const ids = JSON.parse(run.stdout).files.flatMap((f: { problems: { ruleId: string }[] }) => f.problems.map((p) => p.ruleId));
    expect(ids).not.toContain("events-missing");
    expect(ids).not.toContain("directive-context");
  });

  it("takes the snippet context from --context", () => {
    const snippet = file("ctx/loc.conf", "proxy_pass http://127.0.0.1:8080;\n");
    expect(runCli(["--context", "location", snippet]).code).toBe(0);
    const wrong = runCli(["--context", "http", "--format", "json", snippet]);
    expect(JSON.parse(wrong.stdout).files[0].problems[0].ruleId).toBe("directive-context");
  });

  it("lints a directory, checking included files in their includer's context", () => {
    file("dir/nginx.conf", "events {}\nhttp {\n    include conf.d/*.conf;\n}\n");
    file("dir/conf.d/site.conf", "server {\n    listen 8080;\n    location / { proxy_passs http://127.0.0.1; }\n}\n");
    const run = runCli(["--format", "json", join(tmp, "dir")]);
    const out = JSON.parse(run.stdout);
    const problems = out.files.flatMap((f: { path: string; problems: { ruleId: string; line: number }[] }) =>
      f.problems.map((p) => `${f.path.split("/").pop()}:${p.line} ${p.ruleId}`),
    );
    expect(problems).toEqual(["site.conf:3 unknown-directive"]);
  });

  it("accepts third-party directives named with --known-directive", () => {
    const conf = file("lua.conf", "events {}\nhttp { server { location / { more_set_headers 'X: y'; } } }\n");
    expect(runCli([conf]).code).toBe(1);
    expect(runCli(["--known-directive", "more_set_headers", conf]).code).toBe(0);
  });
});

describe("wslint usage errors exit 2 with one line", () => {
  it.each([
    ["an unknown option", ["--bogus", "x.conf"]],
    ["a missing file", ["no-such-file.conf"]],
    ["an unknown format", ["--format", "yaml", "examples/chat-clean.conf"]],
    ["a bad version", ["--nginx-version", "one", "examples/chat-clean.conf"]],
    ["a bad context", ["--context", "kitchen", "examples/chat-clean.conf"]],
    ["no paths at all", []],
  ])("%s", (_, args) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^wslint: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints help and version with exit 0", () => {
    expect(runCli(["--help"]).code).toBe(0);
    expect(runCli(["--help"]).stdout).toContain("--nginx-version");
    expect(runCli(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
