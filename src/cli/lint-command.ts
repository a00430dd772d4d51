// `wslint [options] <paths...>`: lint, print in the chosen format, and return the exit code.
import { resolve } from "node:path";
import { lint } from "../engine/lint.js";
import { formatters } from "../format/index.js";
import { DEFAULT_NGINX_VERSION, parseVersion } from "../model/version.js";
import type { ContextName } from "../reference/contexts.js";
import { memoryHost } from "../workspace/host.js";
import { SNIPPET_CONTEXTS } from "../workspace/block-contexts.js";
import { collectFiles } from "./collect-files.js";
import { diskHost } from "./disk-host.js";
import { detectNginxVersion } from "./nginx-version.js";
import { readStdin } from "./read-stdin.js";
import { UsageError } from "./usage-error.js";

export interface LintCommandOptions {
  format: string;
  nginxVersion?: string;
  context?: string;
  prefix?: string;
  knownDirective?: string[];
  stdinFilename?: string;
  color: boolean;
  toolVersion: string;
}

export function runLint(paths: string[], opts: LintCommandOptions): { output: string; exitCode: number } {
  const formatter = formatters[opts.format];
  if (!formatter) throw new UsageError(`unknown format "${opts.format}" (choose from ${Object.keys(formatters).join(", ")})`);
  const nginxVersion = resolveVersion(opts.nginxVersion);
  const context = resolveContext(opts.context);
  let host = diskHost();
  let entries: string[];
  if (paths.length === 1 && paths[0] === "-") {
    const name = resolve(opts.stdinFilename ?? "<stdin>");
    host = memoryHost({ [name]: readStdin() }, host);
    entries = [name];
  } else {
    entries = collectFiles(paths);
    if (entries.length === 0) throw new UsageError(`no nginx config files found in ${paths.join(", ")}`);
  }
  const result = lint(entries, host, {
    nginxVersion,
    context,
    prefix: opts.prefix,
    extraDirectives: opts.knownDirective,
  });
  const unreadable = result.workspace.unreadable[0];
  if (unreadable) throw new UsageError(`cannot read ${unreadable.path}: ${unreadable.error}`);
  const output = formatter({
    problems: result.problems,
    files: entries,
    cwd: process.cwd(),
    color: opts.color,
    nginxVersion,
    toolVersion: opts.toolVersion,
  });
  return { output, exitCode: result.problems.some((p) => p.severity === "error") ? 1 : 0 };
}

function resolveVersion(option: string | undefined): string {
  if (!option) return DEFAULT_NGINX_VERSION;
  const text = option === "auto" ? detectNginxVersion() : option;
  if (!parseVersion(text)) throw new UsageError(`--nginx-version: "${option}" is not a version like 1.24.0 (or "auto")`);
  return text;
}

function resolveContext(option: string | undefined): ContextName | undefined {
  if (option === undefined) return undefined;
  if (!(SNIPPET_CONTEXTS as readonly string[]).includes(option)) {
    throw new UsageError(`--context: "${option}" is not one of ${SNIPPET_CONTEXTS.join(", ")}`);
  }
  return option as ContextName;
}
