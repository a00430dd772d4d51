// Configs written the way users write them (tutorial style: chat apps, load balancing, TLS, snippets, nested
// locations, several files, common self-hosted apps) get exactly the findings that are true of them.
//
// Each case is configs/NAME.conf, or a directory configs/NAME/ linted the way `wslint configs/NAME` lints it (every
// nginx config file under it, included ones checked in their includer's context, its wslint.config.json applied).
// Every file of a case starts with a comment header stating, by hand and from nginx's behaviour
// (../shared/NGINX-FACTS.md), what a correct linter reports in that file:
//
//   # expect: <rule-id> <line> [-- why]     one line per finding, any severity (info, warning and error all count)
//   # expect: none                          nothing in this file
//   # nginx-t: ok | fails <message>          (main file only) what the real `nginx -t` says about the case
//
// The test asserts wslint reports exactly those (rule and line, nothing more), and runs Debian's nginx -t on a copy
// of the case: certificate paths are pointed at a generated self-signed pair and the temp/log paths
// (prefixHttpPaths) are appended to the `http {` line, so line numbers stay as written. The modules cases load
// (lua-openresty needs Debian's libnginx-mod-http-lua) are installed by scripts/install-test-deps.sh.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectFiles } from "../../src/cli/collect-files.js";
import { diskHost } from "../../src/cli/disk-host.js";
import { planJobs } from "../../src/cli/lint-jobs.js";
import { lint } from "../../src/engine/lint.js";
import type { Problem } from "../../src/engine/problem.js";
import { makePrefix, nginxBinary, nginxTestAsync, prefixHttpPaths, type NginxTestResult } from "../support/nginx.js";
import { makeSelfSigned, type SelfSigned } from "../support/tls-cert.js";

/** The version wslint targets by default (Ubuntu 24.04); the nginx under test is Debian's 1.22.1, same behaviour here. */
const TARGET = "1.24.0";
const configsDir = join(dirname(fileURLToPath(import.meta.url)), "configs");

interface Header {
  /** `rule line` strings; empty for `# expect: none`. */
  expects: string[];
  nginxT?: { ok: true } | { ok: false; message: string };
}

interface RealisticCase {
  name: string;
  /** The file or directory passed to wslint. */
  path: string;
  /** The main config nginx -t is run on. */
  main: string;
  /** Every file of the case, relative to configsDir, with its header. */
  headers: Map<string, Header>;
}

/** Reads the leading comment block: `# expect:` and `# nginx-t:` lines. Throws on a malformed or missing header. */
function readHeader(file: string): Header {
  const lines = readFileSync(file, "utf8").split("\n");
  const expects: string[] = [];
  let none = false;
  let nginxT: Header["nginxT"];
  for (const line of lines) {
    if (!line.startsWith("#")) {
      if (line.trim() === "") continue;
      break;
    }
    const expectLine = /^# expect: (.*)$/.exec(line);
    if (expectLine) {
      const body = expectLine[1].replace(/ -- .*$/, "").trim();
      if (body === "none") none = true;
      else {
        const m = /^([a-z0-9-]+) (\d+)$/.exec(body);
        if (!m) throw new Error(`${file}: malformed "${line}"`);
        expects.push(`${m[1]} ${Number(m[2])}`);
      }
    }
    const nginxLine = /^# nginx-t: (ok|fails (.+?))(?: \(.*\))?$/.exec(line);
    if (nginxLine) nginxT = nginxLine[1] === "ok" ? { ok: true } : { ok: false, message: nginxLine[2] };
  }
  if (none === expects.length > 0) throw new Error(`${file}: the header needs "# expect: none" or "# expect: <rule> <line>" lines, not both`);
  return { expects, nginxT };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function loadCases(): RealisticCase[] {
  return readdirSync(configsDir)
    .sort()
    .map((name) => {
      const path = join(configsDir, name);
      const isDir = statSync(path).isDirectory();
      const files = isDir ? filesUnder(path).filter((f) => basename(f) !== "wslint.config.json") : [path];
      const headers = new Map(files.map((f) => [relative(configsDir, f), readHeader(f)]));
      return { name, path, main: isDir ? join(path, "nginx.conf") : path, headers };
    });
}

/** Lints the case as `wslint --nginx-version 1.24.0 PATH` does: files collected, grouped by wslint.config.json. */
function lintCase(c: RealisticCase): Problem[] {
  const jobs = planJobs(collectFiles([c.path]), { nginxVersion: TARGET, knownDirective: [], rules: {} });
  return jobs.flatMap((job) => lint(job.entries, diskHost(), job.options).problems);
}

const key = (file: string, line: number, rule: string) => `${file}:${line} ${rule}`;

const cases = loadCases();

describe("realistic configs get exactly the findings that are true of them", () => {
  it("has the cases this suite is about", () => {
    expect(cases.length).toBeGreaterThanOrEqual(14);
  });

  for (const c of cases) {
    it(c.name, () => {
      const problems = lintCase(c);
      const actual = problems.map((p) => key(relative(configsDir, p.file), p.range.start.line, p.ruleId)).sort();
      const expected = [...c.headers].flatMap(([file, h]) => h.expects.map((e) => {
        const [rule, line] = e.split(" ");
        return key(file, Number(line), rule);
      })).sort();
      const detail = problems.map((p) => `  ${p.severity} ${key(relative(configsDir, p.file), p.range.start.line, p.ruleId)}: ${p.message}`).join("\n");
      expect(actual, `wslint said:\n${detail}`).toEqual(expected);
    });
  }
});

// nginx -t on a copy of each case, in one throwaway prefix (made in beforeAll, so a filtered run leaves none behind).
let prefix: string;
let certificate: SelfSigned;
const verdicts = new Map<string, NginxTestResult>();

/** Copies the case under the prefix with certificates and temp paths swapped in; returns the copied main config. */
function stage(c: RealisticCase): string {
  const root = join(prefix, "cases", c.name);
  mkdirSync(root, { recursive: true });
  const isDir = c.main !== c.path;
  if (isDir) cpSync(c.path, root, { recursive: true });
  else cpSync(c.path, join(root, basename(c.path)));
  const main = isDir ? join(root, "nginx.conf") : join(root, basename(c.path));
  for (const file of isDir ? filesUnder(root) : [main]) {
    let text = readFileSync(file, "utf8");
    text = text.replace(/^(\s*ssl_certificate)(\s+)\S+;/gm, `$1$2${certificate.certPath};`);
    text = text.replace(/^(\s*ssl_certificate_key)(\s+)\S+;/gm, `$1$2${certificate.keyPath};`);
    text = text.replace(/^(\s*proxy_cache_path\s+)\S+/gm, (_m, head: string) => `${head}tmp/cache-${c.name}`);
    // On the same line as `http {`, so every line keeps its number.
    if (file === main) text = text.replace(/^(\s*http\s*\{)/m, `$1 ${prefixHttpPaths.split("\n").join(" ")}`);
    writeFileSync(file, text);
  }
  return main;
}

describe("nginx -t on the realistic configs", () => {
  beforeAll(async () => {
    nginxBinary();
    prefix = makePrefix();
    certificate = await makeSelfSigned(prefix, "realistic.example");
    await Promise.all(
      cases
        .filter((c) => c.headers.get(relative(configsDir, c.main))?.nginxT)
        .map(async (c) => verdicts.set(c.name, await nginxTestAsync(prefix, stage(c)))),
    );
  });

  afterAll(() => {
    if (prefix) rmSync(prefix, { recursive: true, force: true });
  });

  for (const c of cases) {
    const header = c.headers.get(relative(configsDir, c.main))!;
    const want = header.nginxT;
    if (!want) continue;
    it(`${c.name}: nginx -t ${want.ok ? "passes" : `fails with ${want.message}`}`, () => {
      const verdict = verdicts.get(c.name)!;
      expect(verdict.ok, verdict.output).toBe(want.ok);
      if (!want.ok) expect(verdict.message, verdict.output).toBe(want.message);
    });
  }
});
