// `wslint [options] <paths...>`: lint (and fix), print in the chosen format, and return the exit code.
import { resolve } from "node:path";
import { fixUntilStable } from "../engine/apply-fixes.js";
import { lint } from "../engine/lint.js";
import { compareProblems, type Problem } from "../engine/problem.js";
import { formatters } from "../format/index.js";
import { displayPath } from "../format/paths.js";
import { unifiedDiff } from "../format/unified-diff.js";
import { DEFAULT_NGINX_VERSION } from "../model/version.js";
import type { ContextName } from "../reference/contexts.js";
import { SNIPPET_CONTEXTS } from "../workspace/block-contexts.js";
import { memoryHost, type Host } from "../workspace/host.js";
import { collectFiles } from "./collect-files.js";
import { diskHost } from "./disk-host.js";
import { encodeFixed, readFixable } from "./fix-io.js";
import { planJobs, type LintJob } from "./lint-jobs.js";
import { readStdin } from "./read-stdin.js";
import { findRepoRoot } from "./repo-root.js";
import { parseRuleFlags } from "./rule-flags.js";
import { UsageError } from "./usage-error.js";
import { writeFilesAtomically } from "./write-atomic.js";

export interface LintCommandOptions {
  format: string;
  nginxVersion?: string;
  context?: string;
  prefix?: string;
  knownDirective?: string[];
  stdinFilename?: string;
  color: boolean;
  toolVersion: string;
  maxWarnings?: number;
  quiet?: boolean;
  rule?: string[];
  fix?: boolean;
  fixDryRun?: boolean;
  config?: string;
}

export interface LintCommandResult {
  /** For standard output. */
  output: string;
  /** For standard error (problems when stdout carries fixed text, the --max-warnings verdict). */
  errorOutput: string;
  exitCode: number;
}

interface LintRun {
  problems: Problem[];
  /** Entry files actually linted (those a config's `ignore` skips are not). */
  files: string[];
  texts: Map<string, string>;
  unreadable: { path: string; error: string }[];
}

export function runLint(paths: string[], opts: LintCommandOptions): LintCommandResult {
  const formatter = formatters[opts.format];
  if (!formatter) throw new UsageError(`unknown format "${opts.format}" (choose from ${Object.keys(formatters).join(", ")})`);
  if (opts.fix && opts.fixDryRun) throw new UsageError("--fix and --fix-dry-run exclude each other (--fix-dry-run shows what --fix would write)");
  checkPaths(paths, opts.stdinFilename);
  const ruleFlags = parseRuleFlags(opts.rule ?? []);
  const context = resolveContext(opts.context);

  let host: Host = diskHost();
  let entries: string[];
  let stdin: { name: string; text: string } | undefined;
  if (paths.length === 1 && paths[0] === "-") {
    stdin = { name: resolve(opts.stdinFilename ?? "<stdin>"), text: readStdin() };
    host = memoryHost({ [stdin.name]: stdin.text }, host);
    entries = [stdin.name];
  } else {
    entries = collectFiles(paths);
    if (entries.length === 0) throw new UsageError(`no nginx config files found in ${paths.join(", ")}`);
  }
  const jobs = planJobs(entries, {
    configPath: opts.config,
    nginxVersion: opts.nginxVersion,
    context,
    prefix: opts.prefix,
    knownDirective: opts.knownDirective ?? [],
    rules: ruleFlags,
  });

  let run = lintJobs(jobs, host);
  const unreadable = run.unreadable[0];
  if (unreadable) throw new UsageError(`cannot read ${unreadable.path}: ${unreadable.error}`);

  let output = "";
  let errorOutput = "";
  let changed = new Map<string, string>();
  if (opts.fix || opts.fixDryRun) {
    const refused = new Set<string>();
    const readText = (file: string): string | undefined => {
      // Standard input is fixed in memory; files on disk are not touched while reading from a pipe.
      if (stdin) return file === stdin.name ? stdin.text : undefined;
      const read = readFixable(file);
      if ("error" in read) {
        if (!refused.has(file)) errorOutput += `wslint: --fix: left ${displayPath(file, process.cwd())} unchanged: ${read.error}\n`;
        refused.add(file);
        return undefined;
      }
      return read.text;
    };
    const fixed = fixUntilStable({
      problems: run.problems,
      readText,
      relint: (texts) => (run = lintJobs(jobs, memoryHost(Object.fromEntries(texts), host))).problems,
    });
    changed = fixed.changed;
    if (opts.fixDryRun) {
      output = [...changed].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, text]) => diffFor(file, readText(file)!, text)).join("");
    } else if (!stdin && changed.size > 0) {
      writeFilesAtomically([...changed].map(([file, text]) => encodeFixed(file, text)));
    }
  }

  const problems = opts.quiet ? run.problems.filter((p) => p.severity === "error") : run.problems;
  const report = formatter({
    problems,
    files: run.files,
    cwd: process.cwd(),
    root: findRepoRoot(process.cwd()) ?? process.cwd(),
    color: opts.color,
    nginxVersion: jobs[0]?.options.nginxVersion ?? DEFAULT_NGINX_VERSION,
    toolVersion: opts.toolVersion,
    sourceText: (file) => run.texts.get(file),
  });
  if (opts.fixDryRun) {
    // The diff is the output; the exit code still says whether errors would remain after --fix.
  } else if (opts.fix && stdin) {
    output = changed.get(stdin.name) ?? stdin.text;
    errorOutput += report;
  } else {
    output = report;
  }

  const errors = run.problems.filter((p) => p.severity === "error").length;
  const warnings = run.problems.filter((p) => p.severity === "warning").length;
  const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
  // On stderr, so machine formats on stdout stay parseable; warnings count even under --quiet, which only hides them.
  if (tooManyWarnings) errorOutput += `wslint: ${warnings} warning${warnings === 1 ? "" : "s"} found; --max-warnings allows ${opts.maxWarnings}\n`;
  return { output, errorOutput, exitCode: errors > 0 || tooManyWarnings ? 1 : 0 };
}

/** Lints every job over one host; problems of all jobs, sorted together. */
function lintJobs(jobs: LintJob[], host: Host): LintRun {
  const out: LintRun = { problems: [], files: [], texts: new Map(), unreadable: [] };
  for (const job of jobs) {
    const result = lint(job.entries, host, job.options);
    out.problems.push(...result.problems);
    out.unreadable.push(...result.workspace.unreadable);
    out.files.push(...result.workspace.trees.map((t) => t.entry));
    for (const [path, loaded] of result.workspace.files) out.texts.set(path, loaded.file.text);
  }
  out.problems.sort(compareProblems);
  return out;
}

/** `a/` and `b/` prefixes for paths under the working directory, so `git apply` and `patch -p1` take the diff. */
function diffFor(file: string, before: string, after: string): string {
  const shown = displayPath(file, process.cwd());
  const relative = shown !== file;
  return unifiedDiff(before, after, relative ? `a/${shown}` : shown, relative ? `b/${shown}` : shown);
}

/**
 * Path lists that would otherwise be read in a surprising way: an empty argument (an unset shell variable) would
 * resolve to the working directory, and standard input, a stream, can be read once and only on its own.
 */
function checkPaths(paths: string[], stdinFilename: string | undefined): void {
  if (paths.includes("")) throw new UsageError('a path is empty (write "." for the current directory)');
  const stdinCount = paths.filter((p) => p === "-").length;
  if (stdinCount > 1) throw new UsageError("- (standard input) is given more than once; standard input can be read only once");
  if (stdinCount === 1 && paths.length > 1) throw new UsageError("- (standard input) cannot be linted together with other paths");
  if (stdinFilename !== undefined && stdinCount === 0) throw new UsageError("--stdin-filename names standard input; give - as the path to read it");
}

function resolveContext(option: string | undefined): ContextName | undefined {
  if (option === undefined) return undefined;
  if (!(SNIPPET_CONTEXTS as readonly string[]).includes(option)) {
    throw new UsageError(`--context: "${option}" is not one of ${SNIPPET_CONTEXTS.join(", ")}`);
  }
  return option as ContextName;
}
