// The flags CI uses: --rule, --quiet, --max-warnings, --config, --format choices, and their exit codes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allRules } from "../../rules/index.js";
import { runCli } from "../support/run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "wslint-flags-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const BROKEN = "examples/chat-broken.conf";
const studied = ["balancer-backup", "proxy-http-version", "undefined-variable", "directive-arguments"];
/** Every other rule off, so rules added later (advisory ones especially) do not change the counts below. */
const others = allRules.filter((r) => !studied.includes(r.meta.id)).flatMap((r) => ["--rule", `${r.meta.id}:off`]);
/** The broken example's four errors, turned into two warnings and an info, one rule off. */
const downgraded = [...others, "--rule", "balancer-backup:warning", "--rule", "proxy-http-version:warning", "--rule", "undefined-variable:off", "--rule", "directive-arguments:info"];

function ruleIds(stdout: string): string[] {
  return JSON.parse(stdout).files.flatMap((f: { problems: { ruleId: string }[] }) => f.problems.map((p) => p.ruleId));
}

describe("--rule", () => {
  it("sets severities and turns rules off; warnings and infos alone exit 0", () => {
    const run = runCli([...downgraded, "--format", "json", BROKEN]);
    expect(run.code).toBe(0);
    const problems = JSON.parse(run.stdout).files[0].problems;
    expect(problems.map((p: { ruleId: string; severity: string }) => `${p.ruleId}:${p.severity}`)).toEqual([
      "balancer-backup:warning",
      "proxy-http-version:warning",
      "directive-arguments:info",
    ]);
  });

  it.each([
    ["an unknown id, with a suggestion", ["--rule", "proxy-version:error"], /unknown rule "proxy-version"; did you mean "proxy-http-version"\?/],
    ["an unknown id", ["--rule", "no-such-rule:off"], /unknown rule "no-such-rule"/],
    ["a missing severity", ["--rule", "undefined-variable"], /is not id:severity/],
    ["a bad severity", ["--rule", "undefined-variable:fatal"], /severity "fatal"/],
  ])("rejects %s with exit 2", (_, args, message) => {
    const run = runCli([...args, BROKEN]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("--quiet and --max-warnings", () => {
  it("--quiet reports errors only", () => {
    const run = runCli([...others, "--quiet", "--rule", "balancer-backup:warning", "--format", "json", BROKEN]);
    expect(run.code).toBe(1);
    const ids = ruleIds(run.stdout);
    expect(ids).not.toContain("balancer-backup");
    expect(ids).toContain("undefined-variable");
    expect(runCli(["--quiet", ...downgraded, BROKEN])).toMatchObject({ code: 0, stdout: "" });
  });

  it("exits 1 when warnings exceed the maximum, saying so on stderr, and 0 at the maximum", () => {
    const over = runCli([...downgraded, "--max-warnings", "1", "--format", "json", BROKEN]);
    expect(over.code).toBe(1);
    expect(JSON.parse(over.stdout).summary.warnings).toBe(2);
    expect(over.stderr).toBe("wslint: 2 warnings found; --max-warnings allows 1\n");
    expect(runCli([...downgraded, "--max-warnings", "2", BROKEN]).code).toBe(0);
    expect(runCli([...downgraded, "--max-warnings", "0", BROKEN]).code).toBe(1);
    // --quiet hides warnings but does not stop them counting: a CI gate stays a gate.
    expect(runCli([...downgraded, "--quiet", "--max-warnings", "0", BROKEN]).code).toBe(1);
  });

  it.each([["-1"], ["x"], ["1.5"]])("rejects --max-warnings %s with exit 2", (n) => {
    const run = runCli(["--max-warnings", n, BROKEN]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^wslint: .*max-warnings/);
  });
});

describe("--config and wslint.config.json", () => {
  const dir = join(tmp, "project");
  mkdirSync(join(dir, "sub"), { recursive: true });
  const conf = join(dir, "sub", "site.conf");
  writeFileSync(conf, "events {}\nhttp { server { listen 8080; location / { return 200 $nope; } } }\n");
  writeFileSync(join(dir, "sub", "skipped.conf"), "events {}\nhttp { server { listen 8080; location / { return 200 $nope; } } }\n");

  it("finds the nearest config above the file, and --config overrides it", () => {
    expect(runCli([conf]).code).toBe(1);
    writeFileSync(join(dir, "wslint.config.json"), JSON.stringify({ rules: { "undefined-variable": "warning" } }));
    const found = runCli(["--format", "json", conf]);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout).files[0].problems[0]).toMatchObject({ ruleId: "undefined-variable", severity: "warning" });
    const other = join(tmp, "other.json");
    writeFileSync(other, JSON.stringify({ rules: { "undefined-variable": "off" } }));
    expect(runCli(["--config", other, conf])).toMatchObject({ code: 0, stdout: "" });
    // A flag wins over the file.
    expect(runCli(["--config", other, "--rule", "undefined-variable:error", conf]).code).toBe(1);
  });

  it("skips files its ignore globs match", () => {
    writeFileSync(join(dir, "wslint.config.json"), JSON.stringify({ ignore: ["sub/skipped.conf"] }));
    const run = runCli(["--format", "json", join(dir, "sub")]);
    const paths = JSON.parse(run.stdout).files.filter((f: { problems: unknown[] }) => f.problems.length).map((f: { path: string }) => f.path);
    expect(paths.some((p: string) => p.endsWith("site.conf"))).toBe(true);
    expect(paths.some((p: string) => p.endsWith("skipped.conf"))).toBe(false);
  });

  it("reports a bad config with exit 2, naming the file and the key", () => {
    writeFileSync(join(dir, "wslint.config.json"), JSON.stringify({ rules: { "undefined-variable": "loud" } }));
    const run = runCli([conf]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/wslint\.config\.json/);
    expect(run.stderr).toMatch(/undefined-variable/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(runCli(["--config", join(tmp, "missing.json"), conf]).code).toBe(2);
  });
});

describe("--format", () => {
  it.each([["stylish"], ["json"], ["sarif"], ["github"], ["checkstyle"], ["junit"]])("accepts %s and keeps exit code 1 on errors", (format) => {
    const run = runCli(["--format", format, BROKEN]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toBe("");
    expect(run.stderr).toBe("");
  });

  it("lists the formats in --help", () => {
    expect(runCli(["--help"]).stdout).toMatch(/stylish.*json.*sarif.*github.*checkstyle.*junit/s);
  });
});
