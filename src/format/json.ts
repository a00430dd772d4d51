// Machine-readable output: one object, files with their problems, positions 1-based, ends exclusive.
import { groupByFile } from "./group-by-file.js";
import { displayPath } from "./paths.js";
import type { Formatter } from "./types.js";

export const json: Formatter = ({ problems, files, cwd, nginxVersion, toolVersion }) => {
  const out = {
    tool: { name: "wslint", version: toolVersion },
    nginxVersion,
    files: [...groupByFile(problems, files)].map(([file, list]) => ({
      path: displayPath(file, cwd),
      problems: list.map((p) => ({
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
