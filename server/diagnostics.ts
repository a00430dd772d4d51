// Problems → LSP diagnostics: the rule id as code with a link to its docs, related locations, exact ranges.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver";
import type { Problem, Severity } from "../src/engine/problem.js";
import type { Snapshot } from "./snapshot.js";
import { lspRangeOf } from "./text-positions.js";
import type { UriMap } from "./uri.js";

export const RULE_DOCS_BASE = "https://github.com/wslint/wslint/blob/main/docs/rules/";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(problem: Problem, snapshot: Snapshot, uris: UriMap): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeIn(snapshot, problem.file, problem.range),
    severity: SEVERITY[problem.severity],
    code: problem.ruleId,
    codeDescription: { href: `${RULE_DOCS_BASE}${problem.ruleId}.md` },
    source: "wslint",
    message: problem.message,
  };
  if (problem.related?.length) {
    diagnostic.relatedInformation = problem.related.map(
      (r): DiagnosticRelatedInformation => ({
        location: { uri: uris.uriOf(r.file), range: rangeIn(snapshot, r.file, r.range) },
        message: r.message,
      }),
    );
  }
  // Lets a client that echoes diagnostics back in codeAction requests say which fix it means.
  if (problem.fix) diagnostic.data = { fixable: true };
  return diagnostic;
}

/** Through the linted text when we have it (exact); else from the core's line and column. */
export function rangeIn(snapshot: Snapshot, file: string, range: Problem["range"]) {
  return snapshot.positions(file)?.fromCore(range) ?? lspRangeOf(range);
}
