// The `wslint` command line: option parsing, output and exit codes (0 clean, 1 errors found, 2 usage or input error).
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import pkg from "../../package.json" with { type: "json" };
import { formatters } from "../format/index.js";
import { DEFAULT_NGINX_VERSION } from "../model/version.js";
import { runLint } from "./lint-command.js";
import { runParse } from "./parse-command.js";
import { runExplain, runRules } from "./rules-command.js";
import { UsageError } from "./usage-error.js";

function useColor(): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return process.stdout.isTTY === true;
}

function buildProgram(): Command {
  const program = new Command("wslint")
    .description("Lint nginx configuration for WebSocket reverse proxying and for what `nginx -t` rejects.")
    .usage("[options] <paths...>\n       wslint rules\n       wslint explain <rule>\n       wslint parse [options] <file>")
    .version(pkg.version, "-v, --version")
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .argument("<paths...>", "nginx config files or directories (- reads standard input)")
    .addOption(new Option("-f, --format <format>", "output format").choices(Object.keys(formatters)).default("stylish"))
    .option("--nginx-version <version>", `target nginx version, or "auto" to ask \`nginx -v\` (default ${DEFAULT_NGINX_VERSION})`)
    .option("--context <context>", "context of snippet files: http, server, location, upstream, stream, ...")
    .option("--prefix <dir>", "directory relative includes resolve against (default: the main config's, or for a snippet the nearest one above it with an nginx.conf)")
    .option("--known-directive <names>", "third-party directives to accept, comma-separated, repeatable", collect, [])
    .option("--stdin-filename <name>", "file name to report for standard input")
    .option("--no-color", "no colours (NO_COLOR is honoured too)")
    .option("--config <path>", "use this wslint.config.json instead of the nearest one above each file")
    .option("--rule <id:severity>", "set a rule's severity (off, info, warning, error), repeatable", collectAll, [])
    .option("--quiet", "report errors only")
    .option("--max-warnings <n>", "exit 1 when there are more than n warnings", wholeNumber)
    .option("--fix", "apply the safe fixes to the files, then report what remains (standard input: print the fixed text)")
    .option("--fix-dry-run", "print a unified diff of what --fix would change, and change nothing")
    .action((paths: string[], o) => {
      const { output, errorOutput, exitCode } = runLint(paths, {
        format: o.format,
        nginxVersion: o.nginxVersion,
        context: o.context,
        prefix: o.prefix,
        knownDirective: o.knownDirective,
        stdinFilename: o.stdinFilename,
        color: o.color !== false && useColor(),
        toolVersion: pkg.version,
        maxWarnings: o.maxWarnings,
        quiet: o.quiet,
        rule: o.rule,
        fix: o.fix,
        fixDryRun: o.fixDryRun,
        config: o.config,
      });
      process.stdout.write(output);
      process.stderr.write(errorOutput);
      process.exitCode = exitCode;
    });

  program
    .command("rules")
    .description("list every rule with its default severity, whether it is fixable, and what it finds")
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .action(() => {
      process.stdout.write(runRules());
    });

  program
    .command("explain")
    .description("print a rule's documentation: what it finds, why, the fix, options and examples")
    .argument("<rule>", "the rule id (see `wslint rules`)")
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .action((id: string) => {
      process.stdout.write(runExplain(id));
    });

  program
    .command("parse")
    .description("print crossplane's JSON payload for a config (a drop-in for `crossplane parse`)")
    .argument("<file>", "the main config file")
    .option("--include-comments", "include comments in the payload")
    .option("--combine", "inline included files into one config")
    .option("--single-file", "do not follow includes")
    .option("--strict", "report unknown directives")
    .option("--ignore <directives>", "comma-separated directives to leave out")
    .option("--indent <n>", "indent the JSON by n spaces", (v) => Number.parseInt(v, 10))
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .action((file: string, o) => {
      process.stdout.write(runParse(file, o));
    });
  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(",").filter(Boolean)];
}

function collectAll(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number`);
  return Number(value);
}

/**
 * A reader that stops early (`wslint . | head`) closes the pipe, and the next write fails with EPIPE. That says
 * nothing about the configs, so wslint exits quietly with the code the lint set: unlike C tools, which die of
 * SIGPIPE (exit 141), a script with `set -o pipefail` then still fails exactly when the configs have errors.
 * Any other failure to write the output (a full disk) is one line and exit code 2, never a stack trace.
 */
function handleClosedOutput(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") return;
    process.stderr.write(`wslint: cannot write the output: ${e.message}\n`);
    process.exitCode = 2;
  });
  // Standard error is the last place to report anything, so its own failures can only be ignored.
  process.stderr.on("error", () => {});
}

function main(): void {
  handleClosedOutput();
  try {
    buildProgram().parse(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with code 0.
      if (e.exitCode !== 0) process.stderr.write(`wslint: ${e.message.replace(/^error: /, "")}\n`);
      process.exitCode = e.exitCode === 0 ? 0 : 2;
    } else if (e instanceof UsageError) {
      process.stderr.write(`wslint: ${e.message}\n`);
      process.exitCode = 2;
    } else {
      // A bug, not the user's fault: one line, and the trace only when asked for.
      process.stderr.write(`wslint: internal error: ${(e as Error)?.message ?? e} (set WSLINT_DEBUG=1 for details)\n`);
      if (process.env.WSLINT_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
      process.exitCode = 2;
    }
  }
}

main();
