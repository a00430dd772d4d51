// The `wslint` command line: option parsing, output and exit codes (0 clean, 1 errors found, 2 usage or input error).
import { Command, CommanderError, Option } from "commander";
import pkg from "../../package.json" with { type: "json" };
import { DEFAULT_NGINX_VERSION } from "../model/version.js";
import { runLint } from "./lint-command.js";
import { runParse } from "./parse-command.js";
import { UsageError } from "./usage-error.js";

function useColor(): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return process.stdout.isTTY === true;
}

function buildProgram(): Command {
  const program = new Command("wslint")
    .description("Lint nginx configuration for WebSocket reverse proxying and for what `nginx -t` rejects.")
    .usage("[options] <paths...>\n       wslint parse [options] <file>")
    .version(pkg.version, "-v, --version")
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .argument("<paths...>", "nginx config files or directories (- reads standard input)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["stylish", "json"]).default("stylish"))
    .option("--nginx-version <version>", `target nginx version, or "auto" to ask \`nginx -v\` (default ${DEFAULT_NGINX_VERSION})`)
    .option("--context <context>", "context of snippet files: http, server, location, upstream, stream, ...")
    .option("--prefix <dir>", "directory relative includes resolve against (default: each file's directory)")
    .option("--known-directive <names>", "third-party directives to accept, comma-separated, repeatable", collect, [])
    .option("--stdin-filename <name>", "file name to report for standard input")
    .option("--no-color", "no colours (NO_COLOR is honoured too)")
    .action((paths: string[], o) => {
      const { output, exitCode } = runLint(paths, {
        format: o.format,
        nginxVersion: o.nginxVersion,
        context: o.context,
        prefix: o.prefix,
        knownDirective: o.knownDirective,
        stdinFilename: o.stdinFilename,
        color: o.color !== false && useColor(),
        toolVersion: pkg.version,
      });
      process.stdout.write(output);
      process.exitCode = exitCode;
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

function main(): void {
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
