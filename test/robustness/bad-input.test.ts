// Bad input never crashes wslint: it gets a positioned problem, or exit 2 with one `wslint: ` line on stderr;
// never a stack trace, an exit code outside 0/1/2, or a hang. Every input is generated here, in a temp dir.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../scripts/bench/mulberry32.mjs";
import { BIN } from "../support/run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "wslint-robust-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const isRoot = process.getuid?.() === 0;
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------
// Running the CLI, with a time limit of our own: runCli waits two minutes, and a hang must fail fast here.

interface Run {
  args: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  /** ETIMEDOUT when our time limit killed it, ENOBUFS when it printed more than we buffer. */
  error: string | undefined;
  stdout: string;
  stderr: string;
  ms: number;
}

interface RunOptions {
  input?: string | Buffer;
  cwd?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Run as the unprivileged user nobody when the tests run as root. */
  asNobody?: boolean;
}

function wslint(args: string[], o: RunOptions = {}): Run {
  const t0 = performance.now();
  // Root reads every file whatever its mode: permission tests run the CLI as nobody (util-linux setpriv).
  const [command, prefix] = o.asNobody && isRoot ? ["setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath]] : [process.execPath, []];
  const r = spawnSync(command, [...prefix, BIN, ...args], {
    cwd: o.cwd ?? tmp,
    input: o.input ?? "",
    encoding: "utf8",
    // WSLINT_DEBUG would print a trace on purpose; the user's NODE_OPTIONS must not change the outcome.
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", WSLINT_DEBUG: "", NODE_OPTIONS: "", ...o.env },
    maxBuffer: 256 * MB,
    timeout: o.timeoutMs ?? 30_000,
    killSignal: "SIGKILL",
  });
  const error = r.error ? ((r.error as NodeJS.ErrnoException).code ?? r.error.message) : undefined;
  return { args, code: r.status, signal: r.signal, error, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms: Math.round(performance.now() - t0) };
}

function clip(text: string, n = 600): string {
  return text.length > n ? `${text.slice(0, n)}… [${text.length} chars]` : text;
}

function describeRun(r: Run): string {
  const args = r.args.map((a) => (a.startsWith(tmp) ? `$TMP${a.slice(tmp.length)}` : a)).join(" ");
  return `\n  wslint ${args}\n  exit=${r.code} signal=${r.signal} error=${r.error} after ${r.ms} ms\n  stderr: ${JSON.stringify(clip(r.stderr))}\n  stdout: ${JSON.stringify(clip(r.stdout, 300))}`;
}

/** The promise every run keeps, whatever the input. */
function expectSane(r: Run): void {
  const why = describeRun(r);
  // EPIPE on our side is fine when wslint refused the input early (exit 2) and stopped reading it.
  const refusedEarly = r.error === "EPIPE" && r.code === 2;
  if (!refusedEarly) expect(r.error, `did not finish (hang, or unbounded output):${why}`).toBeUndefined();
  expect(r.signal, `killed by a signal (crash or out of memory):${why}`).toBeNull();
  expect([0, 1, 2], `exit code outside 0/1/2:${why}`).toContain(r.code);
  expect(r.stderr, `stack trace on stderr:${why}`).not.toMatch(/^\s+at \S/m);
  expect(r.stderr, `internal error on stderr:${why}`).not.toMatch(/internal error|FATAL ERROR|<--- Last few GCs/i);
  if (r.code === 2) {
    const lines = r.stderr.replace(/\n$/, "").split("\n");
    expect(lines, `exit 2 must print exactly one line:${why}`).toHaveLength(1);
    expect(lines[0], `exit 2 line must start with "wslint: ":${why}`).toMatch(/^wslint: \S/);
  }
}

interface Found {
  file: string;
  line: number;
  ruleId: string;
  message: string;
}

interface JsonRun {
  run: Run;
  problems: Found[];
  files: string[];
}

/** Runs with `--format json`, checks the promise, and parses the output (which must be JSON unless exit 2). */
function lintJson(args: string[], o: RunOptions = {}): JsonRun {
  const run = wslint(["--format", "json", ...args], o);
  expectSane(run);
  if (run.code === 2) return { run, problems: [], files: [] };
  let out: { files: { path: string; problems: { ruleId: string; line: number; message: string }[] }[] };
  try {
    out = JSON.parse(run.stdout);
  } catch (e) {
    throw new Error(`--format json printed something that is not JSON (${(e as Error).message}):${describeRun(run)}`);
  }
  const problems = out.files.flatMap((f) => f.problems.map((p) => ({ file: basename(f.path), line: p.line, ruleId: p.ruleId, message: p.message })));
  return { run, problems, files: out.files.map((f) => f.path) };
}

const brief = (ps: Found[]): string[] => ps.map((p) => `${p.file}:${p.line} ${p.ruleId}`);

/** Every expected `[ruleId, line]` (and file, when given) is among the problems. */
function expectProblems(j: JsonRun, expected: Expected[]): void {
  for (const [ruleId, line, file] of expected) {
    const hit = j.problems.some((p) => p.ruleId === ruleId && p.line === line && (!file || p.file === file));
    expect(hit, `expected ${file ?? ""}:${line} ${ruleId}, got ${JSON.stringify(brief(j.problems))}:${describeRun(j.run)}`).toBe(true);
  }
}

type Expected = [ruleId: string, line: number, file?: string];

// ---------------------------------------------------------------------------------------------------------
// Inputs

let counter = 0;
/** A fresh directory for one case, so cases never see each other's files. */
function caseDir(name: string): string {
  const dir = join(tmp, `${String(++counter).padStart(3, "0")}-${name.replace(/[^a-z0-9]+/gi, "-").slice(0, 40)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function put(path: string, data: string | Buffer): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  return path;
}

/** Reproducible bytes (mulberry32), so a failure can be replayed from its seed. */
function pseudoRandomBytes(length: number, seed: number, avoidNul = false): Buffer {
  const out = Buffer.alloc(length);
  const next = mulberry32(seed);
  for (let i = 0; i < length; i++) {
    const byte = next() & 0xff;
    out[i] = avoidNul && byte === 0 ? 1 : byte;
  }
  return out;
}

const bytes = (...parts: (string | number[] | Buffer)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

const nested = (open: string, depth: number, inner = ""): string => open.repeat(depth) + inner + "}\n".repeat(depth);

// The formats the built CLI offers (stylish and json always; others when this build has them).
let formats: string[] = ["stylish", "json"];
beforeAll(() => {
  const help = wslint(["--help"]).stdout;
  const offered = ["sarif", "github", "checkstyle", "junit"].filter((f) => help.includes(`"${f}"`));
  formats = ["stylish", "json", ...offered];
});

/** Output of a non-JSON format that a consumer could not read, or undefined. */
function unreadableOutput(format: string, stdout: string): string | undefined {
  if (format === "json" || format === "sarif") {
    try {
      JSON.parse(stdout);
      return undefined;
    } catch (e) {
      return `not JSON: ${(e as Error).message}`;
    }
  }
  if (format === "checkstyle" || format === "junit") {
    if (!stdout.startsWith("<?xml")) return "no XML declaration";
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(stdout)) return "characters XML 1.0 forbids";
    return undefined;
  }
  if (format === "github") {
    const bad = stdout.split("\n").find((l) => l !== "" && !l.startsWith("::"));
    return bad === undefined ? undefined : `a line that is not a workflow command: ${JSON.stringify(clip(bad, 120))}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// One bad file each: json gives the positioned problems, stylish agrees on the exit code and names them too.

interface FileCase {
  name: string;
  data: () => string | Buffer;
  /** Problems that must be among the findings. */
  problems?: Expected[];
  /** The exact list of findings, when nothing else may be reported. */
  exactly?: Expected[];
  code?: number;
}

const SERVER = "events {}\nhttp {\n    server {\n        listen 8080;\n";

const fileCases: FileCase[] = [
  // Binary files
  { name: "random bytes with NULs", data: () => pseudoRandomBytes(64 * 1024, 1), exactly: [["syntax-error", 1]], code: 1 },
  { name: "a gzip header", data: () => bytes([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03], pseudoRandomBytes(4096, 2)), exactly: [["syntax-error", 1]], code: 1 },
  {
    name: "a PNG header",
    data: () => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52], pseudoRandomBytes(4096, 3)),
    exactly: [["syntax-error", 1]],
    code: 1,
  },
  { name: "1 MB of random bytes without NUL", data: () => pseudoRandomBytes(MB, 4, true) },
  { name: "a config followed by binary after 8 KiB", data: () => bytes("events {}\nhttp {\n" + "    server_tokens off;\n".repeat(500), pseudoRandomBytes(64 * 1024, 5)) },

  // Invalid UTF-8
  {
    name: "invalid UTF-8 in a comment, unknown directive elsewhere",
    data: () => bytes("events {}\nhttp {\n    # caf", [0xe9], " ", [0xff, 0xfe], " overlong ", [0xc0, 0xaf], " surrogate ", [0xed, 0xa0, 0x80], "\n    server_tokens off;\n    bogus_directive on;\n}\n"),
    exactly: [["unknown-directive", 5]],
    code: 1,
  },
  {
    name: "invalid UTF-8 inside words",
    data: () =>
      bytes(
        SERVER,
        "        server_name caf", [0xe9], ".example ", [0xed, 0xa0, 0x80], ".example;\n",
        "        add_header X-", [0xff], " \"v", [0xfe], "\";\n",
        "    }\n    serv", [0xff], "er_tokens off;\n    bogus_directive on;\n}\n",
      ),
    problems: [["unknown-directive", 8], ["unknown-directive", 9]],
    code: 1,
  },
  { name: "a UTF-8 sequence cut off at the end of the file", data: () => bytes("events {}\nhttp {}\n# end ", [0xe2, 0x82]), exactly: [], code: 0 },

  // Line endings and odd white space
  { name: "lone CR line endings (nginx counts LF only)", data: () => "events {}\rhttp {\r    bogus_directive on;\r}\r", exactly: [["unknown-directive", 1]], code: 1 },
  { name: "CRLF line endings", data: () => "events {}\r\nhttp {\r\n    bogus_directive on;\r\n}\r\n", exactly: [["unknown-directive", 3]], code: 1 },
  { name: "tabs", data: () => "events\t{}\nhttp\t{\n\tserver\t{\n\t\tlisten\t8080;\n\t\tbogus_directive\ton;\n\t}\n}\n", exactly: [["unknown-directive", 5]], code: 1 },
  { name: "NBSP before a directive (part of the word, as in nginx)", data: () => "events {}\nhttp {\n\u00a0server_tokens off;\n}\n", exactly: [["unknown-directive", 3]], code: 1 },
  {
    name: "a 1 MB comment line and a 1 MB word",
    data: () => `events {}\nhttp {\n    # ${"x".repeat(MB)}\n    map $host $big { default ${"y".repeat(MB)}; }\n    bogus_directive on;\n}\n`,
    exactly: [["unknown-directive", 5]],
    code: 1,
  },

  // Files of almost nothing
  { name: "only {", data: () => "{", exactly: [["syntax-error", 1]], code: 1 },
  { name: "only }", data: () => "}", exactly: [["syntax-error", 1]], code: 1 },
  { name: "only ;", data: () => ";", exactly: [["syntax-error", 1]], code: 1 },
  { name: 'only "', data: () => '"', problems: [["syntax-error", 1]], code: 1 },
  { name: "only '", data: () => "'", problems: [["syntax-error", 1]], code: 1 },
  { name: "only quotes", data: () => `""''"`, problems: [["syntax-error", 1]], code: 1 },
  { name: "only #", data: () => "#", exactly: [], code: 0 },
  { name: "only # lines", data: () => "#\n##\n# #\n", exactly: [], code: 0 },
  { name: "only a backslash", data: () => "\\", problems: [["syntax-error", 1]], code: 1 },
  { name: "an empty file", data: () => "", code: 0 },
  { name: "only white space", data: () => " \t\r\n\n \r\n", code: 0 },

  // Things left open at the end of the file
  { name: "a backslash at the end of the file", data: () => "events {}\nhttp {\n    server_tokens off\\", problems: [["syntax-error", 3]], code: 1 },
  { name: "an unterminated double quote", data: () => 'events {}\nhttp {\n    add_header X-A "abc;\n}\n', problems: [["syntax-error", 3]], code: 1 },
  { name: "an unterminated single quote", data: () => "events {}\nhttp {\n    add_header X-A 'abc;\n}\n", problems: [["syntax-error", 3]], code: 1 },
  {
    name: "an unterminated *_by_lua_block",
    data: () => `${SERVER}        location / {\n            content_by_lua_block {\n                ngx.say("hi")\n`,
    problems: [["syntax-error", 6]],
    code: 1,
  },
  // reported at the innermost block left open (its range runs to the end of the file, where nginx reports it)
  { name: "an unclosed block", data: () => "events {}\nhttp {\n    server {\n", problems: [["syntax-error", 3]], code: 1 },
  { name: "10,000 lines of stray }", data: () => "}\n".repeat(10_000), problems: [["syntax-error", 1]], code: 1 },

  // Nesting
  { name: "150-deep nesting parses fine", data: () => `${SERVER}${nested("        location /a {\n", 150, "return 200;\n")}    }\n}\n`, exactly: [], code: 0 },
  {
    name: "10,000-deep nesting (a { x 10000, } x 10000)",
    data: () => nested("a {\n", 10_000),
    // a clear problem, wherever the nesting limit puts it
    code: 1,
  },
];

describe("one bad file, linted in every format", () => {
  it.each(fileCases)("$name", (c) => {
    const dir = caseDir(c.name);
    const path = put(join(dir, "site.conf"), c.data());
    const j = lintJson([path]);
    if (c.code !== undefined) expect(j.run.code, `exit code:${describeRun(j.run)}`).toBe(c.code);
    expect(j.run.code, `a bad file is linted, not refused:${describeRun(j.run)}`).not.toBe(2);
    if (c.exactly) expect(brief(j.problems), describeRun(j.run)).toEqual(brief(c.exactly.map(([r, l]) => ({ ruleId: r, line: l, file: "site.conf", message: "" }))));
    if (c.problems) expectProblems(j, c.problems);
    if (c.name.startsWith("10,000-deep")) {
      const syntax = j.problems.filter((p) => p.ruleId === "syntax-error");
      expect(syntax.length, `a clear syntax-error for the nesting:${describeRun(j.run)}`).toBeGreaterThan(0);
      expect(syntax[0].line).toBeGreaterThanOrEqual(1);
      expect(syntax[0].line).toBeLessThanOrEqual(10_000);
    }

    const styl = wslint([path]);
    expectSane(styl);
    expect(styl.code, `stylish and json agree on the exit code:${describeRun(styl)}`).toBe(j.run.code);
    for (const p of j.problems.slice(0, 20)) expect(styl.stdout, describeRun(styl)).toContain(`${p.line}:`);
    for (const id of new Set(j.problems.map((p) => p.ruleId))) expect(styl.stdout, describeRun(styl)).toContain(id);
  });

  it("a UTF-8 BOM is read as nginx reads it: part of the first word, which nginx -t rejects on line 1", () => {
    // nginx 1.22 -t on this file: [emerg] unknown directive "\uFEFFevents" in nginx.conf:1
    const path = put(join(caseDir("bom"), "nginx.conf"), "\uFEFFevents {}\nhttp {\n    bogus_directive on;\n}\n");
    const j = lintJson([path]);
    expectProblems(j, [["unknown-directive", 3]]);
    expect(
      j.problems.some((p) => p.line === 1),
      `nginx rejects the BOM on line 1; wslint reports ${JSON.stringify(brief(j.problems))}:${describeRun(j.run)}`,
    ).toBe(true);
  });

  it("every output format keeps the promise on broken input, and its output stays readable", () => {
    const dir = caseDir("formats");
    const inputs: Record<string, string | Buffer> = {
      "binary.conf": pseudoRandomBytes(8192, 6),
      "invalid-utf8.conf": bytes("events {}\nhttp {\n    # ", [0xff, 0xfe], "\n    bo", [0xff], "gus on;\n}\n"),
      "controls.conf": bytes("events {}\nhttp {\n    bo", [0x01, 0x07, 0x1b], "gus on;\n    \"multi\nline\" on;\n    x%y,z:w 1;\n}\n"),
      "unterminated.conf": 'events {}\nhttp {\n    add_header X "open\n',
      "braces.conf": "}\n{\n;\n",
      "deep.conf": nested("a {\n", 2000),
    };
    for (const [name, data] of Object.entries(inputs)) {
      const path = put(join(dir, name), data);
      const codes = new Set<number | null>();
      for (const format of formats) {
        const r = wslint(["--format", format, path]);
        expectSane(r);
        codes.add(r.code);
        expect(r.code, `${name} in ${format} is linted, not refused:${describeRun(r)}`).toBe(1);
        expect(unreadableOutput(format, r.stdout), `${name} in ${format}:${describeRun(r)}`).toBeUndefined();
      }
      expect([...codes], `${name}: every format gives the same exit code`).toHaveLength(1);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Size and depth limits

describe("size and depth", () => {
  it("a 50 MB file: exit 2 with one line about its size (or a problem), quickly and without running out of memory", () => {
    const path = join(caseDir("50mb"), "huge.conf");
    writeFileSync(path, Buffer.alloc(50 * MB, "server_tokens off;\n"));
    const j = lintJson([path], { timeoutMs: 30_000 });
    if (j.run.code === 2) expect(j.run.stderr, describeRun(j.run)).toMatch(/large|size|\bMB\b|bytes/i);
    else expect(j.problems.length, describeRun(j.run)).toBeGreaterThan(0);
    expect(j.run.ms).toBeLessThan(30_000);
  });

  it("a 50 MB file as an include target: a problem on the include line (or exit 2)", () => {
    const dir = caseDir("50mb-include");
    writeFileSync(join(dir, "huge.conf"), Buffer.alloc(50 * MB, "server_tokens off;\n"));
    const main = put(join(dir, "nginx.conf"), "events {}\nhttp {\n    include huge.conf;\n}\n");
    const j = lintJson([main]);
    if (j.run.code !== 2) expectProblems(j, [["include-not-found", 3, "nginx.conf"]]);
  });

  it("50 MB of garbage words on standard input: exit 2 about the size (or problems), without running out of memory", () => {
    // Files over 16 MB are refused; standard input should be too. The heap is capped at 2 GB only so a failure
    // costs ~10 s and memory other tests can spare: with node's default heap the same input runs ~40 s and
    // aborts at ~4 GB the same way.
    const j = lintJson(["-"], {
      input: Buffer.alloc(50 * MB, "x "),
      env: { NODE_OPTIONS: "--max-old-space-size=2048" },
      timeoutMs: 15_000,
    });
    if (j.run.code === 2) expect(j.run.stderr).toMatch(/large|size|\bMB\b|bytes/i);
  });

  it("nesting just over the nesting limit (201 deep, unknown blocks): a clear problem where it goes too deep", () => {
    const path = put(join(caseDir("201-deep"), "deep.conf"), nested("a {\n", 201));
    const j = lintJson([path]);
    expect(j.run.code).toBe(1);
    expectProblems(j, [["syntax-error", 201]]);
  });

  it("nesting spread over an include chain (40 files, each 100 locations deep): parsed, or a clear problem", () => {
    const dir = caseDir("deep-chain");
    const N = 40;
    for (let i = 0; i < N; i++) {
      const inner = i + 1 < N ? `include f${i + 1}.conf;\n` : "bogus_directive on;\n";
      put(join(dir, `f${i}.conf`), nested("location /x {\n", 100, inner));
    }
    const main = put(join(dir, "nginx.conf"), "events {}\nhttp {\n    server {\n        listen 8080;\n        include f0.conf;\n    }\n}\n");
    const j = lintJson([main]);
    expect(j.run.code).toBe(1);
    expect(j.problems.length, describeRun(j.run)).toBeGreaterThan(0);
  });

  it.each([
    ["an 8 MB unquoted word", (big: string) => `events {}\nhttp {\n    server_names_hash_bucket_size ${big};\n    bogus_directive on;\n}\n`],
    ["an 8 MB quoted string", (big: string) => `events {}\nhttp {\n    add_header X "${big}";\n    bogus_directive on;\n}\n`],
    ["an 8 MB unterminated quote", (big: string) => `events {}\nhttp {\n    bogus_directive on;\n    add_header X "${big}\n`],
  ])("%s (under the 16 MB file limit): linted", (_, make) => {
    const path = put(join(caseDir("8mb-word"), "big.conf"), make("a".repeat(8 * MB)));
    const j = lintJson([path]);
    expect(j.run.code).toBe(1);
    expect(j.problems.some((p) => p.ruleId === "unknown-directive" && p.line <= 4), describeRun(j.run)).toBe(true);
  });

  it.each(["json", "stylish"])("30,000 stray semicolons (a 30 KB file), --format %s: linted within 5 s", (format) => {
    const path = put(join(caseDir(`semicolons-${format}`), "semi.conf"), ";".repeat(30_000));
    const r = wslint(["--format", format, path], { timeoutMs: 5_000 });
    expectSane(r);
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toContain("syntax-error");
    expect(unreadableOutput(format, r.stdout)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------
// Files that cannot be read

describe("unreadable files", () => {
  it("a file without read permission: exit 2 as an entry, include-not-found as an include", () => {
    const dir = caseDir("chmod-000");
    const locked = put(join(dir, "locked.conf"), "server_tokens off;\n");
    const main = put(join(dir, "nginx.conf"), "events {}\nhttp {\n    include locked.conf;\n}\n");
    // nobody must reach the case directory and the repository's CLI, but not the locked file.
    for (let d = dir; d.startsWith(tmp); d = dirname(d)) chmodSync(d, 0o755);
    chmodSync(main, 0o644);
    chmodSync(locked, 0o000);
    const entry = wslint([locked], { asNobody: true, cwd: dir });
    expectSane(entry);
    expect(entry.code).toBe(2);
    expect(entry.stderr).toMatch(/permission denied/i);
    expectProblems(lintJson([main], { asNobody: true, cwd: dir }), [["include-not-found", 3, "nginx.conf"]]);
    chmodSync(locked, 0o644);
  });

  it("a directory as an include target: include-not-found on the include line", () => {
    const dir = caseDir("dir-include");
    mkdirSync(join(dir, "conf.d"));
    const main = put(join(dir, "nginx.conf"), "events {}\nhttp {\n    include conf.d;\n}\n");
    expectProblems(lintJson([main]), [["include-not-found", 3, "nginx.conf"]]);
  });

  it("a dangling symlink as an include target: include-not-found on the include line", () => {
    const dir = caseDir("dangling-include");
    symlinkSync(join(dir, "gone.conf"), join(dir, "dangling.conf"));
    const main = put(join(dir, "nginx.conf"), "events {}\nhttp {\n    include dangling.conf;\n}\n");
    expectProblems(lintJson([main]), [["include-not-found", 3, "nginx.conf"]]);
  });

  it("a symlink loop as an include target: include-not-found on the include line", () => {
    const dir = caseDir("symlink-loop");
    symlinkSync(join(dir, "loop-b.conf"), join(dir, "loop-a.conf"));
    symlinkSync(join(dir, "loop-a.conf"), join(dir, "loop-b.conf"));
    const main = put(join(dir, "nginx.conf"), "events {}\nhttp {\n    include loop-a.conf;\n}\n");
    expectProblems(lintJson([main]), [["include-not-found", 3, "nginx.conf"]]);
  });

  it("a dangling symlink as an entry, and in a linted sites-enabled directory: one line, exit 2 (or a problem)", () => {
    const dir = caseDir("dangling-entry");
    symlinkSync(join(dir, "gone.conf"), join(dir, "dangling.conf"));
    const entry = wslint([join(dir, "dangling.conf")]);
    expectSane(entry);
    expect(entry.code).toBe(2);
    put(join(dir, "etc/nginx.conf"), "events {}\nhttp {\n    include sites-enabled/*;\n}\n");
    put(join(dir, "etc/sites-available/real"), "server {\n    listen 8080;\n}\n");
    mkdirSync(join(dir, "etc/sites-enabled"));
    symlinkSync(join(dir, "etc/sites-available/removed"), join(dir, "etc/sites-enabled/removed"));
    lintJson([join(dir, "etc")]);
  });

  it("a named pipe (FIFO) as an include target: no hang", () => {
    const dir = caseDir("fifo");
    const made = spawnSync("mkfifo", [join(dir, "pipe.conf")]);
    if (made.status !== 0) return; // no mkfifo here: nothing to test
    const main = put(join(dir, "nginx.conf"), "events {}\nhttp {\n    include pipe.conf;\n}\n");
    const r = wslint(["--format", "json", main], { timeoutMs: 2_000 });
    expectSane(r);
  });

  it("a named pipe (FIFO) named on the command line: no hang", () => {
    const dir = caseDir("fifo-entry");
    const made = spawnSync("mkfifo", [join(dir, "pipe.conf")]);
    if (made.status !== 0) return;
    const r = wslint([join(dir, "pipe.conf")], { timeoutMs: 2_000 });
    expectSane(r);
  });

  it("/dev/zero on the command line (a device that never ends): no hang, no unbounded memory", () => {
    // Killed after 2 s: reading it whole grows by hundreds of MB a second.
    const r = wslint(["/dev/zero"], { timeoutMs: 2_000 });
    expectSane(r);
  });

  it("/dev/null as an include target: an empty file", () => {
    const main = put(join(caseDir("dev-null"), "nginx.conf"), "events {}\nhttp {\n    include /dev/null;\n}\n");
    const j = lintJson([main]);
    expect(j.run.code).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Many files, includes

describe("many files and includes", () => {
  it("a directory of 5,000 small configs: every one linted, reasonably fast", () => {
    const dir = caseDir("5000-files");
    for (let i = 0; i < 5000; i++) {
      const body = i === 4321 ? "bogus_directive on;\n" : `server {\n    listen ${10000 + i};\n    location / { return 200; }\n}\n`;
      writeFileSync(join(dir, `s${String(i).padStart(4, "0")}.conf`), body);
    }
    const j = lintJson([dir], { timeoutMs: 30_000 });
    expect(j.run.code, describeRun(j.run)).toBe(1);
    expect(j.files).toHaveLength(5000);
    expect(brief(j.problems)).toEqual(["s4321.conf:1 unknown-directive"]);
    expect(j.run.ms).toBeLessThan(20_000);
  });

  it("an include glob matching 3,000 files", () => {
    const dir = caseDir("glob-3000");
    mkdirSync(join(dir, "conf.d"));
    for (let i = 0; i < 3000; i++) {
      const body = i === 2999 ? "server {\n    bogus_directive on;\n}\n" : `server {\n    listen ${10000 + i};\n}\n`;
      writeFileSync(join(dir, "conf.d", `s${String(i).padStart(4, "0")}.conf`), body);
    }
    const main = put(join(dir, "nginx.conf"), "events {}\nhttp {\n    include conf.d/*.conf;\n}\n");
    const j = lintJson([main], { timeoutMs: 30_000 });
    expect(brief(j.problems)).toEqual(["s2999.conf:2 unknown-directive"]);
    expect(j.run.ms).toBeLessThan(20_000);
  });

  it("include cycle a → b → a", () => {
    const dir = caseDir("cycle-ab");
    const a = put(join(dir, "a.conf"), "events {}\nhttp {\n    include b.conf;\n}\n");
    put(join(dir, "b.conf"), "server_tokens off;\ninclude a.conf;\n");
    const j = lintJson([a]);
    expect(j.run.code).toBe(1);
    expectProblems(j, [["include-cycle", 2, "b.conf"]]);
  });

  it("a file that includes itself", () => {
    const main = put(join(caseDir("self-include"), "nginx.conf"), "events {}\nhttp {\n    include nginx.conf;\n}\n");
    expectProblems(lintJson([main]), [["include-cycle", 3, "nginx.conf"]]);
  });

  it("a glob that matches the file it is written in", () => {
    const dir = caseDir("glob-self");
    const main = put(join(dir, "main.conf"), "events {}\nhttp {\n    include *.conf;\n}\n");
    put(join(dir, "other.conf"), "server_tokens off;\n");
    expectProblems(lintJson([main]), [["include-cycle", 3, "main.conf"]]);
  });

  it("a directory whose files include each other, linted as a directory", () => {
    const dir = caseDir("cycle-dir");
    put(join(dir, "a.conf"), "include b.conf;\n");
    put(join(dir, "b.conf"), "include a.conf;\n");
    const j = lintJson([dir]);
    expect(j.problems.some((p) => p.ruleId === "include-cycle"), describeRun(j.run)).toBe(true);
  });

  it("a chain of 100 includes: followed, or a clear positioned problem", () => {
    const dir = caseDir("chain-100");
    for (let i = 0; i < 100; i++) put(join(dir, `c${i}.conf`), i < 99 ? `include c${i + 1}.conf;\n` : "server_tokens off;\nbogus_directive on;\n");
    const main = put(join(dir, "nginx.conf"), "events {}\nhttp {\n    include c0.conf;\n}\n");
    const j = lintJson([main]);
    expect([0, 1]).toContain(j.run.code);
    const reachedEnd = j.problems.some((p) => p.file === "c99.conf" && p.line === 2 && p.ruleId === "unknown-directive");
    const stopped = j.problems.some((p) => /^include-/.test(p.ruleId) && /^c\d+\.conf$/.test(p.file));
    expect(reachedEnd || stopped, JSON.stringify(j.problems)).toBe(true);
  });

  it("a missing include; include with no argument; include with two arguments", () => {
    const main = put(
      join(caseDir("include-args"), "nginx.conf"),
      "events {}\nhttp {\n    include missing.conf;\n    include;\n    include a.conf b.conf;\n}\n",
    );
    const j = lintJson([main]);
    expect(j.run.code).toBe(1);
    expectProblems(j, [["include-not-found", 3], ["directive-arguments", 4], ["directive-arguments", 5]]);
  });

  it("include with a glob of only magic characters and an empty pattern", () => {
    const main = put(join(caseDir("include-odd"), "nginx.conf"), 'events {}\nhttp {\n    include "";\n    include [;\n    include "*/*/*/*";\n}\n');
    lintJson([main]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Standard input

describe("standard input", () => {
  it("garbage with NULs: a syntax-error on line 1 of <stdin>", () => {
    const j = lintJson(["-"], { input: pseudoRandomBytes(16 * 1024, 7) });
    expect(j.run.code).toBe(1);
    expectProblems(j, [["syntax-error", 1]]);
  });

  it("garbage without NULs", () => {
    lintJson(["-"], { input: pseudoRandomBytes(256 * 1024, 8, true) });
  });

  it("invalid UTF-8 and an unknown directive: found on the right line", () => {
    const j = lintJson(["-", "--stdin-filename", "site.conf"], { input: bytes("events {}\nhttp {\n    # ", [0xff], "\n    bogus_directive on;\n}\n") });
    expect(brief(j.problems)).toEqual(["site.conf:4 unknown-directive"]);
  });

  it.each(["json", "stylish"])("empty standard input, --format %s: exit 0", (format) => {
    const r = wslint(["--format", format, "-"], { input: "" });
    expectSane(r);
    expect(r.code).toBe(0);
    expect(unreadableOutput(format, r.stdout)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------
// `wslint parse` on broken input keeps the same promise (its output is crossplane's JSON)

describe("wslint parse on broken input", () => {
  it.each([
    ["binary", () => pseudoRandomBytes(8192, 9)],
    ["unterminated quote", () => 'http {\n    add_header X "open\n'],
    ["only }", () => "}"],
    ["10,000-deep nesting", () => nested("a {\n", 10_000)],
    ["390-deep nesting", () => nested("a {\n", 390)],
    ["an 8 MB word", () => `http {\n    server_name ${"a".repeat(8 * MB)};\n}\n`],
  ])("%s", (name, data) => {
    const path = put(join(caseDir(`parse-${name}`), "nginx.conf"), data());
    const r = wslint(["parse", path]);
    expectSane(r);
    if (r.code !== 2) expect(unreadableOutput("json", r.stdout), describeRun(r)).toBeUndefined();
  });
});
