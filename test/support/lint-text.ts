// Lints configs held in memory, as the rule tests and docs examples need.
import { lint, type LintOptions } from "../../src/engine/lint.js";
import type { Problem } from "../../src/engine/problem.js";
import { memoryHost } from "../../src/workspace/host.js";

export const EXAMPLE_PATH = "/example/nginx.conf";

/** Lints `text` as /example/nginx.conf; `more` adds other files by absolute path. */
export function lintText(text: string, options: LintOptions = {}, more: Record<string, string> = {}): Problem[] {
  return lint([EXAMPLE_PATH], memoryHost({ [EXAMPLE_PATH]: text, ...more }), options).problems;
}

/** Problems as "rule line:col-endLine:endCol" strings, compact to compare. */
export function positions(problems: Problem[], ruleId?: string): string[] {
  return problems
    .filter((p) => !ruleId || p.ruleId === ruleId)
    .map((p) => `${p.ruleId} ${p.range.start.line}:${p.range.start.column}-${p.range.end.line}:${p.range.end.column}`);
}
