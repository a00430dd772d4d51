// Synthetic problems and a FormatInput around them, for format tests that need exact, awkward messages.
import type { Problem, Severity } from "../../src/engine/problem.js";
import type { FormatInput } from "../../src/format/types.js";

export const ROOT = "/repo";

export function problem(file: string, line: number, column: number, endColumn: number, extra: Partial<Problem> = {}): Problem {
  const offset = (line - 1) * 100 + column - 1;
  return {
    ruleId: "proxy-http-version",
    severity: "error" as Severity,
    message: "a message",
    file,
    range: {
      start: { line, column, offset },
      end: { line, column: endColumn, offset: offset + endColumn - column },
    },
    ...extra,
  };
}

export function input(problems: Problem[], more: Partial<FormatInput> = {}): FormatInput {
  return {
    problems,
    files: [...new Set(problems.map((p) => p.file))],
    cwd: ROOT,
    root: ROOT,
    color: false,
    nginxVersion: "1.24.0",
    toolVersion: "0.1.0",
    ...more,
  };
}
