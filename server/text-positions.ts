// Offsets (what the core reports) ↔ LSP positions (0-based line and UTF-16 character) for one file's text.
import type { Position as LspPosition, Range as LspRange } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Range } from "../src/syntax/ast.js";

/**
 * Built from the exact text that was linted, so an offset always lands where the core meant it. LSP also
 * breaks lines at a lone CR where nginx (and the core's line numbers) do not; going through offsets keeps
 * both views consistent.
 */
export class TextPositions {
  private readonly doc: TextDocument;

  constructor(readonly text: string) {
    this.doc = TextDocument.create("wslint:positions", "nginx", 0, text);
  }

  position(offset: number): LspPosition {
    return this.doc.positionAt(offset);
  }

  offset(position: LspPosition): number {
    return this.doc.offsetAt(position);
  }

  range(start: number, end: number): LspRange {
    return { start: this.position(start), end: this.position(end) };
  }

  fromCore(range: Range): LspRange {
    return this.range(range.start.offset, range.end.offset);
  }

  /** The text of the line holding `offset`, up to `offset`. */
  linePrefix(offset: number): string {
    const start = this.doc.offsetAt({ line: this.position(offset).line, character: 0 });
    return this.text.slice(start, offset);
  }
}

/** A range from the core's 1-based lines and columns, for files whose text is not at hand. */
export function lspRangeOf(range: Range): LspRange {
  return {
    start: { line: range.start.line - 1, character: range.start.column - 1 },
    end: { line: range.end.line - 1, character: range.end.column - 1 },
  };
}
