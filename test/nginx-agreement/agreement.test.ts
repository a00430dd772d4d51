// wslint's validation agrees with the real `nginx -t`: every case in cases/ fails or passes nginx as its header says,
// and wslint reports the same rule on nginx's line in nginx's file (or no error from a validation rule when clean).
//
// A case is cases/NAME.conf, or cases/NAME/nginx.conf with the files it includes. Its first line is
// `# expect: <rule-id>` or `# expect: clean`; a later leading comment `# file: <path>` (relative to the case's
// nginx.conf) names the file nginx's error is in when that is an included one. Clean cases with an http block carry
// the temp-path lines (prefixHttpPaths in test/support/nginx.ts); listen only on 127.0.0.1 and ports above 1024;
// stream cases `load_module /usr/lib/nginx/modules/ngx_stream_module.so` (Debian's libnginx-mod-stream).
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diskHost } from "../../src/cli/disk-host.js";
import { lint, type LintOptions } from "../../src/engine/lint.js";
import type { Problem } from "../../src/engine/problem.js";
import {
  makePrefix,
  nginxBinary,
  nginxTestAsync,
  nginxVersion,
  prefixHttpPaths,
  streamModulePath,
  type NginxTestResult,
} from "../support/nginx.js";

const NGINX_VERSION = "1.22.1";
const casesDir = join(dirname(fileURLToPath(import.meta.url)), "cases");

/** Each validation rule, with what nginx must say for a case of it to fail for the intended reason. */
const nginxSays: Record<string, RegExp> = {
  "syntax-error": /^unexpected |^directive "[^"]+" is not terminated by ";"$/,
  "unknown-directive": /^unknown directive "/,
  "directive-context": /^"[^"]+" directive is not allowed here$|^location "[^"]*" is outside location "[^"]*"$|^location "[^"]*" cannot be inside the (exact|named) location "[^"]*"$|^named location "[^"]*" can be on the server level only$/,
  "directive-arguments": new RegExp(
    [
      /^invalid number of arguments in "[^"]+" directive$/,
      /^"[^"]+" directive invalid value$/, // times and sizes
      /^invalid value "[^"]*" in "[^"]+" directive, it must be "on" or "off"$/,
      /^"proxy_pass" cannot have URI part in location given by regular expression, or inside named location, or inside "if" statement, or inside "limit_except" block$/,
      /^upstream "[^"]+" may not have port \d+$/,
      /^no port in upstream "[^"]+"$/,
      /^invalid parameter "[^"]+"$/,
    ]
      .map((re) => re.source)
      .join("|"),
  ),
  "duplicate-directive": new RegExp(
    [
      /^"[^"]+" directive is duplicate$/,
      /^duplicate location "[^"]*"$/,
      /^duplicate upstream "[^"]+"$/,
      /^duplicate default map parameter$/,
      /^conflicting parameter "[^"]*"$/,
      /^a duplicate default server for \S+$/,
      /^duplicate listen options for \S+$/,
      /^a duplicate listen \S+$/,
      /^duplicate "[^"]+" address and port pair$/,
    ]
      .map((re) => re.source)
      .join("|"),
  ),
  "include-not-found": /^open\(\) ".*" failed \(2: No such file or directory\)$/,
  "undefined-variable": /^unknown "[^"]+" variable$|^invalid variable name$|^the closing bracket in "[^"]+" variable is missing$/,
  "balancer-backup": /^balancing method does not support parameter "backup"$/,
  "upstream-empty": /^no servers are inside upstream$/,
  "ssl-certificate-missing": /^no "ssl_certificate" is defined for the "listen \.\.\. ssl" directive$|^no "ssl_certificate_key" is defined for certificate "[^"]*"$/,
  "events-missing": /^no "events" section in configuration$/,
  "zone-undefined": /^zero size shared memory zone "[^"]+"$|^the shared memory zone "[^"]+" is already declared for a different use$/,
};
const validationRules = new Set(Object.keys(nginxSays));

/** Cases also run with CRLF line endings, written at run time so git's end-of-line handling cannot undo them. */
const crlfVariants = [
  "clean-websocket-proxy.conf",
  "clean-utf8.conf",
  "directive-arguments-timeout-month.conf",
  "syntax-error-unclosed-quote.conf",
];

interface Case {
  name: string;
  /** The main config passed to nginx -c and to wslint. */
  conf: string;
  /** A rule id from nginxSays, or "clean". */
  expect: string;
  /** Where nginx's error is: the `# file:` header resolved against the case, else the main config. */
  errorFile: string;
  usesStream: boolean;
}

/** Reads `# expect: ...` (first line) and an optional `# file: ...` among the leading comment lines. */
function readCase(name: string, conf: string, text: string): Case {
  const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));
  const expectMatch = /^# expect: (\S+)$/.exec(lines[0] ?? "");
  if (!expectMatch) throw new Error(`${name}: the first line must be "# expect: <rule-id>" or "# expect: clean"`);
  const expectation = expectMatch[1];
  if (expectation !== "clean" && !validationRules.has(expectation)) {
    throw new Error(`${name}: unknown rule "${expectation}"`);
  }
  let errorFile = conf;
  for (const line of lines.slice(1)) {
    if (!line.startsWith("#")) break;
    const fileMatch = /^# file: (\S+)$/.exec(line);
    if (fileMatch) errorFile = resolve(dirname(conf), fileMatch[1]);
  }
  const usesStream = /^\s*load_module\s+\S*ngx_stream_module\.so;/m.test(text);
  const missingPaths = prefixHttpPaths.split("\n").filter((line) => !text.includes(line));
  if (expectation === "clean" && /^\s*http\s*\{/m.test(text) && missingPaths.length > 0) {
    // Without them a passing nginx -t creates /var/lib/nginx/* and opens /var/log/nginx/access.log.
    throw new Error(`${name}: a clean case with an http block needs these lines: ${missingPaths.join(" ")}`);
  }
  return { name, conf, expect: expectation, errorFile, usesStream };
}

// One prefix for the whole file: nginx -t only creates the (empty) pid file, the error log and the temp dirs there,
// and tolerates the others' mkdir races (EEXIST) and bind()s to one port (EADDRINUSE is ignored under -t).
const prefix = makePrefix();
const generatedDir = join(prefix, "generated");

function loadCases(): Case[] {
  const cases: Case[] = [];
  mkdirSync(generatedDir);
  for (const entry of readdirSync(casesDir).sort()) {
    const path = join(casesDir, entry);
    const conf = statSync(path).isDirectory() ? join(path, "nginx.conf") : path;
    if (!conf.endsWith(".conf")) continue;
    cases.push(readCase(entry, conf, readFileSync(conf, "utf8")));
  }
  for (const name of crlfVariants) {
    const text = readFileSync(join(casesDir, name), "utf8").replace(/\r?\n/g, "\r\n");
    const conf = join(generatedDir, name.replace(/\.conf$/, ".crlf.conf"));
    writeFileSync(conf, text);
    cases.push(readCase(`${name} (CRLF)`, conf, text));
  }
  return cases;
}

let cases: Case[];
try {
  cases = loadCases();
} catch (error) {
  rmSync(prefix, { recursive: true, force: true }); // afterAll never runs when collecting fails
  throw error;
}
if (streamModulePath() === undefined) {
  throw new Error("nginx's stream module is missing: run scripts/install-test-deps.sh (apt-get install libnginx-mod-stream)");
}

/** Runs fn over items with at most `size` at once. */
async function pool<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

/** A case file relative to cases/, a generated (CRLF) one by its name. */
const shortPath = (file: string) => (file.startsWith(generatedDir) ? basename(file) : relative(casesDir, file));
const containsLine = (problem: Problem, line: number) => problem.range.start.line <= line && line <= problem.range.end.line;
const describeProblem = (p: Problem) =>
  `${p.ruleId} ${shortPath(p.file)}:${p.range.start.line}-${p.range.end.line} ${p.message}`;

const lintFiles = (paths: string[], options: LintOptions) => lint(paths, diskHost(), options);

const verdicts = new Map<string, NginxTestResult>();
const wslintVerdicts = new Map<string, string>();

beforeAll(async () => {
  nginxBinary(); // fails the file early with the install hint when nginx is missing
  const runnable = cases;
  const results = await pool(runnable, 6, (c) => nginxTestAsync(prefix, c.conf));
  runnable.forEach((c, i) => verdicts.set(c.name, results[i]));
});

afterAll(() => {
  rmSync(prefix, { recursive: true, force: true });
  const rows = cases.map((c) => {
    const verdict = verdicts.get(c.name);
    const nginx = !verdict
      ? "skipped: no stream module (apt-get install libnginx-mod-stream)"
      : verdict.ok
        ? "ok"
        : !verdict.file
          ? "fail (no file, no line)"
          : `fail ${verdict.file === c.conf ? "line " : `${shortPath(verdict.file)}:`}${verdict.line}`;
    return [c.name, c.expect, nginx, wslintVerdicts.get(c.name) ?? "not run"];
  });
  const header = ["case", "expect", "nginx -t", "wslint"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const format = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd();
  process.stdout.write(`\n${[format(header), ...rows.map(format)].join("\n")}\n`);
});

describe("nginx -t and wslint agree", () => {
  it(`the nginx under test is ${NGINX_VERSION}, the version the cases and wslint target`, () => {
    expect(nginxVersion()).toBe(NGINX_VERSION);
  });

  for (const c of cases) {
    const nginxTitle = `${c.name}: nginx -t ${c.expect === "clean" ? "passes" : `fails (${c.expect})`}`;
    it(nginxTitle, () => {
      const verdict = verdicts.get(c.name)!;
      if (c.expect === "clean") {
        expect(verdict.ok, verdict.output).toBe(true);
        return;
      }
      expect(verdict.ok, verdict.output).toBe(false);
      expect(verdict.message, verdict.output).toMatch(nginxSays[c.expect]);
      if (verdict.file !== undefined) expect(resolve(verdict.file)).toBe(c.errorFile);
    });

    it(`${c.name}: wslint ${c.expect === "clean" ? "reports no validation problem" : `reports ${c.expect}`}`, () => {
      const { problems } = lintFiles([c.conf], { nginxVersion: NGINX_VERSION });
      const validation = problems.filter((p) => validationRules.has(p.ruleId));
      if (c.expect === "clean") {
        // An error from a validation rule says nginx -t fails; a warning from one (a certificate another server
        // would lend, an absolute include missing here) says it passes, and may stand on a clean case.
        const errors = validation.filter((p) => p.severity === "error");
        const found = errors.map((p) => `${p.ruleId}:${p.range.start.line}`).join(", ");
        wslintVerdicts.set(c.name, found ? `not clean (${found})` : "clean");
        expect(errors.map(describeProblem)).toEqual([]);
        return;
      }
      // Without nginx (stream module missing) the line is unknown: the rule and the file still have to match.
      const line = verdicts.get(c.name)?.line;
      const match = validation.find(
        (p) => p.ruleId === c.expect && resolve(p.file) === c.errorFile && (line === undefined || containsLine(p, line)),
      );
      const found = validation.map((p) => `${p.ruleId}:${p.range.start.line}`).join(", ") || "nothing";
      const lines = match && `${match.range.start.line}-${match.range.end.line}`;
      wslintVerdicts.set(c.name, match ? `${match.ruleId} lines ${lines}` : `missed (${found})`);
      const want = `${c.expect} in ${shortPath(c.errorFile)}${line === undefined ? "" : `:${line}`}`;
      expect(match, `want ${want}; got:\n${validation.map(describeProblem).join("\n")}`).toBeDefined();
    });
  }
});
