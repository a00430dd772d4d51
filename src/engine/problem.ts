// Problems are the one output of linting: syntax errors and rule findings alike are data, never exceptions.
import type { Range } from "../syntax/ast.js";

export type Severity = "error" | "warning" | "info";

/** A text edit by offset in one file: replace [start, end) with `text`. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

export interface Problem {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  fix?: Fix;
  related?: RelatedLocation[];
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders problems by file, position, then severity and rule, so every output is stable. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.start.offset - b.range.start.offset ||
    severityRank[a.severity] - severityRank[b.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
