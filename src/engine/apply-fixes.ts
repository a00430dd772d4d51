// Applies the fixes problems carry: non-overlapping ones per pass, re-linting between passes until nothing changes.
import type { Fix, Problem, TextEdit } from "./problem.js";

/** Passes before giving up: fixes that keep proposing new edits (a rule bug) must not loop forever. */
export const MAX_FIX_PASSES = 10;

export interface FixPassResult {
  /** New text of every file this pass changed. */
  texts: Map<string, string>;
  /** Fixes applied, in the order they were chosen. */
  applied: Fix[];
  /** Fixes left for a later pass (they overlap a chosen one) or never applicable (bad offsets, unreadable file). */
  skipped: Fix[];
}

/**
 * One pass: walks the problems in order, takes each fix whose edits overlap no edit already taken (and are valid
 * for the current text), and applies the taken edits file by file. An edit identical to one already taken is the
 * same change (two findings that add the same lines at the same point, the same map to http): it is made once, and
 * does not hold its fix back. `text(file)` gives the current text, or undefined for a file that must not be changed
 * (unreadable, or not text wslint can write back unchanged).
 */
export function applyFixPass(problems: readonly Problem[], text: (file: string) => string | undefined): FixPassResult {
  const chosen = new Map<string, ChosenEdits>();
  const chosenIn = (file: string): ChosenEdits => {
    let edits = chosen.get(file);
    if (!edits) chosen.set(file, (edits = new ChosenEdits()));
    return edits;
  };
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const problem of problems) {
    const fix = problem.fix;
    if (!fix || fix.edits.length === 0) continue;
    const fresh = fix.edits.filter((e) => !chosen.get(e.file)?.has(e));
    if (fix.edits.every((e) => fitsText(e, text(e.file))) && !selfOverlapping(fix.edits) && !fresh.some((e) => chosen.get(e.file)?.conflictsWith(e))) {
      for (const e of fresh) chosenIn(e.file).add(e);
      applied.push(fix);
    } else {
      skipped.push(fix);
    }
  }
  const texts = new Map<string, string>();
  for (const [file, edits] of chosen) {
    const before = text(file)!;
    const after = edits.applyTo(before);
    if (after !== before) texts.set(file, after);
  }
  return { texts, applied, skipped };
}

/**
 * The edits chosen for one file, sorted by start. Chosen edits never conflict, so their ends rise with their
 * starts and a new edit can only conflict with its neighbours: each check is a binary search, and a pass over a
 * file with thousands of fixes stays linear in practice.
 */
class ChosenEdits {
  private readonly edits: TextEdit[] = [];

  has(edit: TextEdit): boolean {
    for (let i = this.firstAtOrAfter(edit.start); i < this.edits.length && this.edits[i].start === edit.start; i++) {
      if (sameEdit(this.edits[i], edit)) return true;
    }
    return false;
  }

  conflictsWith(edit: TextEdit): boolean {
    const i = this.firstAtOrAfter(edit.start);
    return (i > 0 && conflicts(this.edits[i - 1], edit)) || (i < this.edits.length && conflicts(this.edits[i], edit));
  }

  add(edit: TextEdit): void {
    this.edits.splice(this.firstAtOrAfter(edit.start + 1), 0, edit);
  }

  /** The text with every edit made, built once from the untouched slices between them. */
  applyTo(text: string): string {
    const parts: string[] = [];
    let at = 0;
    for (const e of this.edits) {
      parts.push(text.slice(at, e.start), e.text);
      at = e.end;
    }
    parts.push(text.slice(at));
    return parts.join("");
  }

  private firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.edits[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Two edits conflict when their spans share a character, or when both start at one offset: two insertions at one
 * point (or an insertion at the start of a replacement) have no order the rules agreed on, so one waits a pass.
 */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file) return false;
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end && a.text === b.text;
}

function selfOverlapping(edits: TextEdit[]): boolean {
  return edits.some((a, i) => edits.some((b, j) => j > i && conflicts(a, b)));
}

function fitsText(edit: TextEdit, text: string | undefined): boolean {
  return text !== undefined && Number.isInteger(edit.start) && Number.isInteger(edit.end) && 0 <= edit.start && edit.start <= edit.end && edit.end <= text.length;
}

export interface FixLoopInput {
  /** Problems of the first lint (so the caller's lint is not repeated). */
  problems: Problem[];
  /** The original text of a file, or undefined when it must not be changed. */
  readText(file: string): string | undefined;
  /** Lints again with `texts` (absolute path → text) in place of the files on disk; returns all problems. */
  relint(texts: ReadonlyMap<string, string>): Problem[];
  maxPasses?: number;
}

export interface FixLoopResult {
  /** Final text of every file whose text differs from the original. */
  changed: Map<string, string>;
  /** Problems of the last lint: what remains after fixing. */
  problems: Problem[];
  /** Number of fixes applied over all passes. */
  applied: number;
  /** Passes that applied at least one fix. */
  passes: number;
}

/**
 * Fixes until a pass changes nothing (or MAX_FIX_PASSES): fixes that overlapped wait for the next pass, where
 * rules see the earlier fixes and propose edits against the new text. So `--fix` twice equals `--fix` once.
 */
export function fixUntilStable(input: FixLoopInput): FixLoopResult {
  const current = new Map<string, string>();
  const original = new Map<string, string | undefined>();
  const readOriginal = (file: string): string | undefined => {
    if (!original.has(file)) original.set(file, input.readText(file));
    return original.get(file);
  };
  const text = (file: string): string | undefined => (current.has(file) ? current.get(file) : readOriginal(file));
  let problems = input.problems;
  let applied = 0;
  let passes = 0;
  const maxPasses = input.maxPasses ?? MAX_FIX_PASSES;
  while (passes < maxPasses) {
    const pass = applyFixPass(problems, text);
    if (pass.texts.size === 0) break;
    for (const [file, t] of pass.texts) current.set(file, t);
    applied += pass.applied.length;
    passes++;
    problems = input.relint(current);
  }
  const changed = new Map([...current].filter(([file, t]) => t !== readOriginal(file)));
  return { changed, problems, applied, passes };
}
