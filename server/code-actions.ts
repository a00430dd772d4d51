// Code actions: a problem's own fix, "Fix all wslint problems", and "Disable <rule> for this line".
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit, type WorkspaceEdit } from "vscode-languageserver";
import type { Fix, Problem, TextEdit as CoreEdit } from "../src/engine/problem.js";
import { toDiagnostic } from "./diagnostics.js";
import type { Session } from "./session.js";
import type { Snapshot } from "./snapshot.js";
import type { TextPositions } from "./text-positions.js";

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.wslint`;

/** LSP kinds are dotted hierarchies: asking for `source` includes `source.fixAll.wslint`. */
const wanted = (kind: string, only: string[] | undefined): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));

export function codeActions(session: Session, params: CodeActionParams): CodeAction[] {
  const path = session.uris.pathOf(params.textDocument.uri);
  const snapshot = session.current().for(path);
  const positions = snapshot.positions(path);
  if (!positions) return [];
  const only = params.context?.only;
  const problems = snapshot.problemsIn(path);
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, only)) {
    const from = positions.offset(params.range.start);
    const to = positions.offset(params.range.end);
    const here = problems.filter((p) => p.range.start.offset <= to && p.range.end.offset >= from);
    const disabled = new Set<string>();
    for (const problem of here) {
      const diagnostics = [toDiagnostic(problem, snapshot, session.uris)];
      const edit = problem.fix && fixEdit(session, snapshot, problem.fix.edits);
      if (problem.fix && edit) actions.push({ title: problem.fix.description, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit });
      const line = positions.position(problem.range.start.offset).line;
      if (disabled.has(`${problem.ruleId}:${line}`)) continue;
      disabled.add(`${problem.ruleId}:${line}`);
      const disable = disableEdit(problem.ruleId, line, positions);
      if (disable) {
        actions.push({
          title: `Disable ${problem.ruleId} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics,
          edit: { changes: { [session.uris.uriOf(path)]: [disable] } },
        });
      }
    }
    if (here.length > 0) {
      const all = fixAll(session, snapshot, problems);
      if (all) actions.push({ ...all, kind: CodeActionKind.QuickFix });
    }
  }
  if (only && wanted(FIX_ALL_KIND, only)) {
    const all = fixAll(session, snapshot, problems);
    if (all) actions.push(all);
  }
  return actions;
}

/** Every fix of the file that does not collide with an earlier one; what is left shows up again after. */
function fixAll(session: Session, snapshot: Snapshot, problems: Problem[]): CodeAction | undefined {
  const fixes = problems.map((p) => p.fix).filter((f): f is Fix => !!f && f.edits.length > 0);
  fixes.sort((a, b) => Math.min(...a.edits.map((e) => e.start)) - Math.min(...b.edits.map((e) => e.start)));
  const accepted: CoreEdit[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((e) => accepted.some((a) => collide(a, e)))) continue;
    accepted.push(...fix.edits);
  }
  const edit = accepted.length ? fixEdit(session, snapshot, accepted) : undefined;
  return edit && { title: "Fix all wslint problems", kind: FIX_ALL_KIND, edit };
}

/** Overlapping edits, or two insertions at one offset (their order would be up to the editor). */
function collide(a: CoreEdit, b: CoreEdit): boolean {
  if (a.file !== b.file) return false;
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

/** The core's offset edits as a WorkspaceEdit; undefined when a file it touches was not part of the lint. */
function fixEdit(session: Session, snapshot: Snapshot, edits: CoreEdit[]): WorkspaceEdit | undefined {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of edits) {
    const positions = snapshot.positions(e.file);
    if (!positions) return undefined;
    const uri = session.uris.uriOf(e.file);
    (changes[uri] ??= []).push({ range: positions.range(e.start, e.end), newText: e.text });
  }
  return { changes };
}

const DISABLE_COMMENT = /^([ \t]*#[ \t]*wslint-disable-next-line[ \t]+)(.*?)([ \t]+--.*)?$/;

/**
 * `# wslint-disable-next-line <id>` above the line, indented like it; when the line above already is such a
 * comment, the id joins its list instead of stacking a second comment.
 */
function disableEdit(ruleId: string, line: number, positions: TextPositions): TextEdit | undefined {
  const text = positions.text;
  const lineStart = positions.offset({ line, character: 0 });
  if (line > 0) {
    const prevStart = positions.offset({ line: line - 1, character: 0 });
    const prev = text.slice(prevStart, lineStart).replace(/\r?\n$/, "");
    const m = DISABLE_COMMENT.exec(prev);
    if (m) {
      if (m[2].split(/[\s,]+/).includes(ruleId)) return undefined;
      const at = positions.position(prevStart + m[1].length + m[2].length);
      return { range: { start: at, end: at }, newText: `, ${ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const at = positions.position(lineStart);
  return { range: { start: at, end: at }, newText: `${indent}# wslint-disable-next-line ${ruleId}${eol}` };
}
