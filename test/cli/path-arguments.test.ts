// Paths on the command line that cannot mean what they seem: an empty path, standard input twice or beside files,
// and --stdin-filename without standard input. Each is a usage error (one line, exit code 2), never a guess.
import { describe, expect, it } from "vitest";
import { runLint, type LintCommandOptions } from "../../src/cli/lint-command.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { runCli } from "../support/run-cli.js";

const options: LintCommandOptions = { format: "stylish", color: false, toolVersion: "0.0.0" };

const cases: [string, string[], Partial<LintCommandOptions>, RegExp][] = [
  ["an empty path", [""], {}, /^a path is empty \(write "\." for the current directory\)$/],
  ["an empty path beside a file", ["examples/chat-clean.conf", ""], {}, /^a path is empty/],
  ["standard input twice", ["-", "-"], {}, /standard input can be read only once/],
  ["standard input beside a file", ["-", "examples/chat-clean.conf"], {}, /cannot be linted together with other paths/],
  ["--stdin-filename without -", ["examples/chat-clean.conf"], { stdinFilename: "site.conf" }, /^--stdin-filename names standard input; give - as the path/],
];

describe("path arguments", () => {
  it.each(cases)("%s is a usage error before anything is read", (_, paths, more, message) => {
    // Standard input is never read here: the checks come first, so the test cannot block on it.
    const lint = () => runLint(paths, { ...options, ...more });
    expect(lint).toThrow(UsageError);
    expect(lint).toThrow(message);
  });

  it.each(cases)("%s exits 2 with one line from the command line", (_, paths, more, message) => {
    const flags = more.stdinFilename ? ["--stdin-filename", more.stdinFilename] : [];
    const run = runCli([...flags, ...paths], { input: "events {}\n" });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr.replace(/^wslint: /, "").trim()).toMatch(message);
  });

  it("still reads standard input given once, named by --stdin-filename", () => {
    const run = runCli(["--stdin-filename", "site.conf", "-"], { input: "events {}\nhttp { proxy_passs x; }\n" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("site.conf");
  });
});
