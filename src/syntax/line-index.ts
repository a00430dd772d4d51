// Line and column of an offset, computed on demand: tokens carry offsets only, which keeps the lexer lean.
import type { Position, Range } from "./ast.js";

export class LineIndex {
  /** Offset where each line starts. Lines end at LF only, as nginx counts them (a lone CR is no newline). */
  private readonly starts: number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  position(offset: number): Position {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1, offset };
  }

  /** The range of [start, end). */
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
