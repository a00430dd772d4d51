// GitHub Actions workflow commands: each problem becomes an annotation on the pull request's diff.
import type { Severity } from "../engine/problem.js";
import { insidePath } from "./paths.js";
import type { Formatter } from "./types.js";

const command: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** The runner decodes these in a command's message (actions/toolkit, core/src/command.ts escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Properties also end at `,` and the message starts after `::`, so those are escaped too (escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export const github: Formatter = ({ problems, cwd, root }) =>
  problems
    .map((p) => {
      const { start, end } = p.range;
      // Annotations resolve `file` against the checkout root, so the path is repository-relative.
      const props: [string, string | number][] = [["file", insidePath(p.file, root ?? cwd) ?? p.file], ["line", start.line]];
      // The runner rejects columns on an annotation that spans lines (actions/runner#2082), so only same-line spans
      // get them; endColumn is exclusive there as in our ranges (github/docs#40038).
      if (start.line === end.line) props.push(["col", start.column], ["endColumn", end.column]);
      props.push(["endLine", end.line], ["title", p.ruleId]);
      const properties = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
      return `::${command[p.severity]} ${properties}::${escapeData(p.message)}\n`;
    })
    .join("");
