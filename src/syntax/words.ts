// Turns tokens into the AST's words and ranges, unescaping as nginx does when it copies a word.
import type { IToken } from "chevrotain";
import type { QuoteKind, Range, Word } from "./ast.js";
import type { LineIndex } from "./line-index.js";

/** The range a token covers. */
export function tokenRange(lines: LineIndex, token: IToken): Range {
  return lines.range(token.startOffset, tokenEnd(token));
}

/** The offset just past a token (the lexer tracks start offsets only; the image gives the length). */
export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/**
 * nginx unescapes `\"`, `\'`, `\\`, `\t`, `\r` and `\n` in every word, quoted or not, and keeps any
 * other backslash as written (ngx_conf_read_token).
 */
export function unescapeNginx(text: string): string {
  if (!text.includes("\\")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\" && i + 1 < text.length) {
      const next = text[i + 1];
      if (next === '"' || next === "'" || next === "\\") {
        out += next;
        i++;
        continue;
      }
      if (next === "t" || next === "r" || next === "n") {
        out += next === "t" ? "\t" : next === "r" ? "\r" : "\n";
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/**
 * A word backed by its token: value and range are computed on first use. Large configs have hundreds of
 * thousands of words and rules look at few of their ranges, so building them eagerly only fed the GC.
 */
class TokenWord implements Word {
  private cachedValue: string | undefined;
  private cachedRange: Range | undefined;

  constructor(
    private readonly token: IToken,
    private readonly lines: LineIndex,
    readonly quote: QuoteKind,
    private readonly terminated: boolean,
  ) {}

  get raw(): string {
    return this.token.image;
  }

  get value(): string {
    if (this.cachedValue === undefined) {
      const raw = this.token.image;
      const inner = this.quote === "none" ? raw : raw.slice(1, this.terminated ? -1 : undefined);
      this.cachedValue = unescapeNginx(inner);
    }
    return this.cachedValue;
  }

  get range(): Range {
    return (this.cachedRange ??= tokenRange(this.lines, this.token));
  }

  toJSON(): Word {
    return { value: this.value, raw: this.raw, quote: this.quote, range: this.range };
  }
}

export function wordFromToken(token: IToken, lines: LineIndex, quote: QuoteKind, terminated = true): Word {
  return new TokenWord(token, lines, quote, terminated);
}
