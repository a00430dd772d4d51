// Inline suppression comments (`# wslint-disable-next-line id -- reason` and friends), applied to the problems
// after the rules ran; suppressions that suppress nothing or name no rule are reported themselves.
import { didYouMean } from "../config/did-you-mean.js";
import type { Comment, Directive } from "../syntax/ast.js";
import type { LoadedFile, Workspace } from "../workspace/workspace.js";
import { compareProblems, type Problem, type Severity } from "./problem.js";
import { settingOf, type RuleConfig } from "./run-rules.js";

/** The engine's own reports; their docs live in rules/unused-suppression.ts and rules/unknown-suppression.ts. */
export const UNUSED_SUPPRESSION = "unused-suppression";
export const UNKNOWN_SUPPRESSION = "unknown-suppression";

const ENGINE_IDS = new Set([UNUSED_SUPPRESSION, UNKNOWN_SUPPRESSION]);

type Kind = "disable-next-line" | "disable-line" | "disable-file" | "disable" | "enable";

/** One id of one comment (`id` undefined: all rules); `used` once it suppressed (or re-enabled) something. */
interface Entry {
  kind: Kind;
  comment: Comment;
  id: string | undefined;
  used: boolean;
  /** For line kinds: the line the comment is about, when there is one. */
  line?: number;
}

/** Where an entry applies: lines, offsets [start, end) minus some ids, or the whole file. */
type Scope =
  | { entry: Entry; lines: Set<number> }
  | { entry: Entry; start: number; end: number; except: Set<string> }
  | { entry: Entry; file: true };

export interface SuppressionOptions {
  /** Ids of the rules that ran or could have (a suppression naming anything else is unknown). */
  ruleIds: ReadonlySet<string>;
  /** The configuration's rule settings: "off" rules are not reported as unused, and the engine ids' severity. */
  rules?: Record<string, RuleConfig>;
}

// `(?=\s|$)` so that `wslint-disabled` or `wslint-disable-lines` are not taken for suppressions.
const SUPPRESSION = /^\s*wslint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$/s;

export function applySuppressions(problems: Problem[], workspace: Workspace, options: SuppressionOptions): Problem[] {
  const commented = new Map<string, { loaded: LoadedFile; comments: Comment[] }>();
  for (const [path, loaded] of workspace.files) {
    const comments = loaded.file.comments.filter((c) => c.text.includes("wslint-"));
    if (comments.length > 0) commented.set(path, { loaded, comments });
  }
  if (commented.size === 0) return problems;
  const kept = problems.filter((p) => !commented.has(p.file));
  for (const [path, { loaded, comments }] of commented) {
    const own = problems.filter((p) => p.file === path);
    for (const p of suppressInFile(path, loaded, comments, own, options)) kept.push(p);
  }
  return kept.sort(compareProblems);
}

function suppressInFile(path: string, loaded: LoadedFile, comments: Comment[], problems: Problem[], options: SuppressionOptions): Problem[] {
  const entries: Entry[] = [];
  const engineProblems: Problem[] = [];
  const report = (ruleId: string, comment: Comment, message: string): void => {
    const setting = settingOf(options.rules?.[ruleId]);
    if (setting === "off") return;
    const severity: Severity = setting ?? (ruleId === UNKNOWN_SUPPRESSION ? "error" : "warning");
    engineProblems.push({ ruleId, severity, message, file: path, range: comment.range });
  };
  for (const comment of comments) {
    const m = SUPPRESSION.exec(comment.text);
    if (!m) continue;
    const kind = m[1] as Kind;
    // Everything after `--` is the reason, free text that may contain commas or ids.
    const ids = m[2].split("--")[0].split(/[\s,]+/).filter(Boolean);
    for (const id of ids) {
      if (options.ruleIds.has(id) || ENGINE_IDS.has(id)) continue;
      const hint = didYouMean(id, [...options.ruleIds, ...ENGINE_IDS]);
      report(UNKNOWN_SUPPRESSION, comment, `unknown rule "${id}" in "wslint-${kind}"; ${hint ? `did you mean "${hint}"?` : 'run "wslint rules" for the list'}`);
    }
    const known = ids.filter((id) => options.ruleIds.has(id) || ENGINE_IDS.has(id));
    // A comment whose every id is unknown suppresses nothing; it was reported once, as unknown.
    if (ids.length > 0 && known.length === 0) continue;
    for (const id of ids.length === 0 ? [undefined] : known) entries.push({ kind, comment, id, used: false });
  }

  const scopes = buildScopes(entries, loaded);
  const matches = (scope: Scope, p: Problem): boolean => {
    if (scope.entry.id !== undefined && scope.entry.id !== p.ruleId) return false;
    if ("lines" in scope) return scope.lines.has(p.range.start.line);
    if ("file" in scope) return true;
    const at = p.range.start.offset;
    return at >= scope.start && at < scope.end && !scope.except.has(p.ruleId);
  };
  const suppressed = (p: Problem, within: Scope[]): boolean => {
    let hit = false;
    // Every matching scope is marked used, so overlapping suppressions are not reported as unused.
    for (const scope of within) {
      if (matches(scope, p)) hit = scope.entry.used = true;
    }
    return hit;
  };
  const kept = problems.filter((p) => !suppressed(p, scopes));

  // Reports about suppressions can themselves be suppressed, but only by naming their id.
  const reportUnused = (entry: Entry): void => {
    if (entry.used) return;
    if (entry.id !== undefined && settingOf(options.rules?.[entry.id]) === "off") return;
    report(UNUSED_SUPPRESSION, entry.comment, unusedMessage(entry));
  };
  entries.filter((e) => e.id === undefined || !ENGINE_IDS.has(e.id)).forEach(reportUnused);
  const engineScopes = scopes.filter((s) => s.entry.id !== undefined && ENGINE_IDS.has(s.entry.id));
  const engineKept = engineProblems.splice(0).filter((p) => !suppressed(p, engineScopes));
  entries.filter((e) => e.id !== undefined && ENGINE_IDS.has(e.id)).forEach(reportUnused);
  return [...kept, ...engineKept, ...engineProblems];
}

function buildScopes(entries: Entry[], loaded: LoadedFile): Scope[] {
  const scopes: Scope[] = [];
  let headers: Header[] | undefined;
  const open: { entry: Entry; start: number; except: Set<string> }[] = [];
  const close = (region: (typeof open)[number], end: number): void => {
    scopes.push({ ...region, end });
    open.splice(open.indexOf(region), 1);
  };
  for (const entry of entries) {
    const { comment } = entry;
    if (entry.kind === "disable-file") scopes.push({ entry, file: true });
    else if (entry.kind === "disable-line" || entry.kind === "disable-next-line") {
      headers ??= directiveHeaders(loaded.file.directives);
      const line = entry.kind === "disable-line" ? comment.range.start.line : nextDirectiveLine(headers, comment.range.start.line);
      if (line === undefined) continue;
      entry.line = line;
      scopes.push({ entry, lines: coveredLines(headers, line) });
    } else if (entry.kind === "disable") open.push({ entry, start: comment.range.end.offset, except: new Set() });
    else {
      // `wslint-enable` ends the regions it names; enabling one id inside a disable-all region carves it out.
      const at = comment.range.start.offset;
      for (const region of [...open]) {
        if (entry.id === undefined || region.entry.id === entry.id) {
          close(region, at);
          entry.used = true;
        } else if (region.entry.id === undefined && !region.except.has(entry.id)) {
          close(region, at);
          open.push({ entry: region.entry, start: at, except: new Set([...region.except, entry.id]) });
          entry.used = true;
        }
      }
    }
  }
  for (const region of [...open]) close(region, Infinity);
  return scopes;
}

/** A directive's head: from its name to its `{` (block directives) or its `;`; the lines a line comment covers. */
interface Header {
  startLine: number;
  endLine: number;
}

function directiveHeaders(directives: Directive[], out: Header[] = []): Header[] {
  for (const d of directives) {
    const end = d.block?.range.start ?? d.rawBody?.range.start ?? d.range.end;
    out.push({ startLine: d.range.start.line, endLine: end.line });
    if (d.block) directiveHeaders(d.block.directives, out);
  }
  return out;
}

/** "The next line that has a directive": blank lines and comment lines in between are skipped. */
function nextDirectiveLine(headers: Header[], after: number): number | undefined {
  let next: number | undefined;
  for (const h of headers) if (h.startLine > after && (next === undefined || h.startLine < next)) next = h.startLine;
  return next;
}

/** The line itself plus every line of a directive head that touches it, so a wrapped directive counts as one. */
function coveredLines(headers: Header[], line: number): Set<number> {
  const lines = new Set([line]);
  for (const h of headers) {
    if (h.startLine <= line && line <= h.endLine) for (let l = h.startLine; l <= h.endLine; l++) lines.add(l);
  }
  return lines;
}

function unusedMessage(entry: Entry): string {
  const what = entry.id === undefined ? "problem" : `"${entry.id}" problem`;
  const comment = `"wslint-${entry.kind}${entry.id === undefined ? "" : ` ${entry.id}`}"`;
  if (entry.kind === "enable") return `${comment} re-enables nothing: no wslint-disable for it is open here; remove it`;
  const where =
    entry.kind === "disable-file" ? "in this file"
    : entry.kind === "disable" ? "after it"
    : entry.line === undefined ? "after it (no directive follows it)"
    : `on line ${entry.line}`;
  return `${comment} suppresses nothing: no ${what} is reported ${where}; remove it`;
}
