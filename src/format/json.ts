// Machine-readable output: one object, files with their problems, positions 1-based, ends exclusive.
import { displayPath } from "./paths.js";
import type { Formatter } from "./types.js";

export const json: Formatter = ({ problems, files, cwd, nginxVersion, toolVersion }) => {
  const all = [...new Set([...files, ...problems.map((p) => p.file)])];
  const out = {
    tool: { name: "wslint", version: toolVersion },
    nginxVersion,
    files: all.map((file) => ({
      path: displayPath(file, cwd),
      problems: problems
        .filter((p) => p.file === file)
        .map((p) => ({
          ruleId: p.ruleId,
          severity: p.severity,
          message: p.message,
          line: p.range.start.line,
          column: p.range.start.column,
          endLine: p.range.end.line,
          endColumn: p.range.end.column,
          ...(p.fix ? { fix: p.fix } : {}),
          ...(p.related ? { related: p.related.map((r) => ({ ...r, file: displayPath(r.file, cwd) })) } : {}),
        })),
    })),
    summary: {
      errors: problems.filter((p) => p.severity === "error").length,
      warnings: problems.filter((p) => p.severity === "warning").length,
      infos: problems.filter((p) => p.severity === "info").length,
    },
  };
  return JSON.stringify(out, null, 2) + "\n";
};
