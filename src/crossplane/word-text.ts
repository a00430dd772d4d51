// The text crossplane prints for a word, a Lua body or a comment: close to the source, not nginx's unescaped value.
import type { Word } from "../syntax/ast.js";

/** Python reads configs with universal newlines: CRLF and a lone CR both arrive as LF. */
export function universalNewlines(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/**
 * A bare word is printed as written, backslashes included. A quoted word loses its quotes, and inside it only
 * a backslash before the same quote character is removed (`\\`, `\n`, `\'` in "..." stay two characters).
 */
export function wordText(word: Word): string {
  if (word.quote === "none") return universalNewlines(word.raw);
  const quote = word.quote === "double" ? '"' : "'";
  const closed = word.raw.length > 1 && isClosedQuote(word.raw, quote);
  const inner = word.raw.slice(1, closed ? -1 : undefined);
  let out = "";
  for (let i = 0; i < inner.length; i++) {
    // A backslash and the character after it are one unit: the escaped character never closes the string.
    if (inner[i] === "\\" && i + 1 < inner.length) {
      out += inner[i + 1] === quote ? quote : inner.slice(i, i + 2);
      i++;
    } else out += inner[i];
  }
  return universalNewlines(out);
}

/** True when the quoted raw text ends with an unescaped closing quote. */
export function isClosedQuote(raw: string, quote: string): boolean {
  let i = 1;
  while (i < raw.length) {
    if (raw[i] === "\\") i += 2;
    else if (raw[i] === quote) return i === raw.length - 1;
    else i++;
  }
  return false;
}
