// Turns tokens into the AST's words and ranges, unescaping as nginx does when it copies a word.
import type { IToken } from "chevrotain";
import type { Position, QuoteKind, Range, Word } from "./ast.js";

export function startOf(token: IToken): Position {
  return { line: token.startLine ?? 1, column: token.startColumn ?? 1, offset: token.startOffset };
}

export function endOf(token: IToken): Position {
  return { line: token.endLine ?? 1, column: (token.endColumn ?? 0) + 1, offset: (token.endOffset ?? 0) + 1 };
}

export function rangeOf(token: IToken): Range {
  return { start: startOf(token), end: endOf(token) };
}

export function spanOf(first: IToken, last: IToken): Range {
  return { start: startOf(first), end: endOf(last) };
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

export function wordFromToken(token: IToken, quote: QuoteKind, terminated = true): Word {
  const raw = token.image;
  const inner = quote === "none" ? raw : raw.slice(1, terminated ? -1 : undefined);
  return { value: unescapeNginx(inner), raw, quote, range: rangeOf(token) };
}
