// --fix and --fix-dry-run end to end: files rewritten in place (atomically, bytes outside the fixes kept), diffs.
import { chmodSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allRules } from "../../rules/index.js";
import { runCli } from "../support/run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "wslint-fix-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fresh directory holding a copy of the broken example. */
function brokenCopy(): { dir: string; file: string } {
  const dir = join(tmp, `case-${++n}`);
  mkdirSync(dir);
  const file = join(dir, "chat-broken.conf");
  copyFileSync("examples/chat-broken.conf", file);
  return { dir, file };
}

function ruleIds(run: { stdout: string }): string[] {
  return JSON.parse(run.stdout).files.flatMap((f: { problems: { ruleId: string }[] }) => f.problems.map((p) => p.ruleId));
}

const hasFix = allRules.some((r) => r.meta.id === "proxy-http-version" && r.meta.fixable);

describe.runIf(hasFix)("--fix on the broken example", () => {
  it("rewrites the file so proxy-http-version is gone, keeps the rest, and reports what remains", () => {
    const { dir, file } = brokenCopy();
    chmodSync(file, 0o640);
    const before = readFileSync(file, "utf8");
    expect(ruleIds(runCli(["--format", "json", file]))).toContain("proxy-http-version");
    const run = runCli(["--fix", "--format", "json", file]);
    const after = readFileSync(file, "utf8");
    expect(after).not.toBe(before);
    expect(after).toMatch(/\n {12}proxy_http_version 1\.1;\n/);
    // Every original line is still there, in order: fixes only add or rewrite, comments and layout stay.
    expect(after).toContain("# $connection_upgrade needs a map in http, which was never written.");
    expect(ruleIds(run)).not.toContain("proxy-http-version");
    expect(ruleIds(runCli(["--format", "json", file]))).not.toContain("proxy-http-version");
    // balancer-backup has no fix, so the run still fails.
    expect(run.code).toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["chat-broken.conf"]);
  });

  it("is idempotent: a second --fix changes nothing and --fix-dry-run then prints nothing", () => {
    const { file } = brokenCopy();
    runCli(["--fix", file]);
    const once = readFileSync(file, "utf8");
    runCli(["--fix", file]);
    expect(readFileSync(file, "utf8")).toBe(once);
    expect(runCli(["--fix-dry-run", file]).stdout).toBe("");
  });

  it("--fix-dry-run prints a unified diff of what --fix writes, and changes nothing", () => {
    const { dir, file } = brokenCopy();
    const before = readFileSync(file);
    const dry = runCli(["--fix-dry-run", "chat-broken.conf"], { cwd: dir });
    expect(dry.stdout).toMatch(/^--- a\/chat-broken\.conf\n\+\+\+ b\/chat-broken\.conf\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    expect(dry.stdout).toContain("+            proxy_http_version 1.1;\n");
    expect(readFileSync(file)).toEqual(before);
    expect(dry.code).toBe(1);
    // Applying the diff gives exactly what --fix writes.
    runCli(["--fix", file]);
    const fixed = readFileSync(file, "utf8");
    const added = dry.stdout.split("\n").filter((l) => l.startsWith("+") && !l.startsWith("+++")).map((l) => l.slice(1));
    for (const line of added) expect(fixed).toContain(`${line}\n`);
    expect(dry.stdout.split("\n").filter((l) => l.startsWith("-") && !l.startsWith("---"))).toEqual([]);
  });

  it("keeps CRLF line endings", () => {
    const { file } = brokenCopy();
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n/g, "\r\n"));
    runCli(["--fix", file]);
    const text = readFileSync(file, "utf8");
    expect(text).toContain("proxy_http_version 1.1;\r\n");
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("keeps a byte order mark, which nginx reads as part of the first word, and says so", () => {
    const { file } = brokenCopy();
    const body = "events {}\nhttp {\n    server {\n        listen 8080;\n        location /ws/ {\n            proxy_pass http://127.0.0.1:3000;\n        }\n    }\n}\n";
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
    const run = runCli(["--fix", "--format", "json", file]);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toContain("proxy_http_version 1.1;");
    const problems: { ruleId: string; line: number; column: number; message: string }[] = JSON.parse(run.stdout).files[0].problems;
    const bom = problems.find((p) => p.ruleId === "unknown-directive");
    expect(bom).toMatchObject({ line: 1, column: 1 });
    expect(bom?.message).toContain("byte order mark");
  });

  it("writes through a symlink to its target, leaving the link a link", () => {
    const { dir, file } = brokenCopy();
    const link = join(dir, "link.conf");
    symlinkSync(file, link);
    runCli(["--fix", link]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, "utf8")).toContain("proxy_http_version 1.1;");
  });

  it("never rewrites a file that is not valid UTF-8 (its bytes would not survive)", () => {
    const { file } = brokenCopy();
    const bytes = Buffer.concat([Buffer.from("# caf\xe9 in latin-1\n", "latin1"), readFileSync(file)]);
    writeFileSync(file, bytes);
    const run = runCli(["--fix", file]);
    expect(readFileSync(file)).toEqual(bytes);
    expect(run.stderr).toMatch(/^wslint: --fix: left .*chat-broken\.conf unchanged: it is not valid UTF-8/);
  });

  it("with standard input prints the fixed text on stdout and the remaining problems on stderr", () => {
    const input = readFileSync("examples/chat-broken.conf", "utf8");
    const run = runCli(["--fix", "-", "--stdin-filename", "chat.conf"], { input });
    expect(run.stdout).toContain("proxy_http_version 1.1;");
    expect(run.stdout).toContain("# A chat app behind nginx");
    expect(run.stderr).toContain("balancer-backup");
    expect(run.stderr).not.toContain("proxy-http-version");
    expect(run.code).toBe(1);
  });
});

describe("--fix usage", () => {
  it("refuses --fix with --fix-dry-run", () => {
    const run = runCli(["--fix", "--fix-dry-run", "examples/chat-broken.conf"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^wslint: --fix and --fix-dry-run/);
  });

  it("does not rewrite a file no fix applies to", () => {
    const file = join(tmp, "no-fix.conf");
    writeFileSync(file, "events {}\nhttp {\n    server {\n        listen 8080;\n        location / { return 200; }\n    }\n}\n");
    const before = statSync(file);
    expect(runCli(["--fix", file]).code).toBe(0);
    const after = statSync(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });
});
