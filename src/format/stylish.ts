// The default human format: problems grouped by file, then a count (ESLint's "stylish" layout).
import type { Severity } from "../engine/problem.js";
import { groupByFile } from "./group-by-file.js";
import { displayPath } from "./paths.js";
import type { Formatter } from "./types.js";

const codes = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4 } as const;

export const stylish: Formatter = ({ problems, cwd, color }) => {
  const paint = (style: keyof typeof codes, text: string): string => (color ? `\x1b[${codes[style]}m${text}\x1b[0m` : text);
  const severityStyle: Record<Severity, keyof typeof codes> = { error: "red", warning: "yellow", info: "blue" };
  if (problems.length === 0) return "";
  const byFile = groupByFile(problems);
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(paint("underline", displayPath(file, cwd)));
    const rows = list.map((p) => [`${p.range.start.line}:${p.range.start.column}`, p.severity, p.message, p.ruleId]);
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    rows.forEach((r, i) => {
      const sev = paint(severityStyle[list[i].severity], r[1].padEnd(w1));
      lines.push(`  ${paint("dim", r[0].padEnd(w0))}  ${sev}  ${r[2]}  ${paint("dim", r[3])}`);
    });
    lines.push("");
  }
  const count = (s: Severity): number => problems.filter((p) => p.severity === s).length;
  const [errors, warnings, infos] = [count("error"), count("warning"), count("info")];
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  const summary = `✖ ${plural(problems.length, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}${infos ? `, ${infos} info` : ""})`;
  lines.push(paint(errors ? "red" : "yellow", paint("bold", summary)));
  return lines.join("\n") + "\n";
};
