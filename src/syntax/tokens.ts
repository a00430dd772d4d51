// Chevrotain tokens for nginx's configuration language, written to split text exactly as
// ngx_conf_read_token (src/core/ngx_conf_file.c) does.
import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";

// nginx separates words only with space, tab, CR and LF; any other byte (form feed, NBSP) is part of a word.
export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

// A comment starts only where a word could start; `a#b` is one word. Comments are kept (not skipped)
// because suppression comments, `# wslint: context` and hover read them.
export const Comment = createToken({
  name: "Comment",
  pattern: /#[^\r\n]*/,
  group: "comments",
});

/**
 * The raw Lua body of a `*_by_lua_block` directive (lua-nginx-module reads it with its own lexer).
 * It matches only at a `{` that follows such a directive name in statement position, and counts braces
 * outside Lua strings, long brackets and comments.
 */
export const LuaBody = createToken({
  name: "LuaBody",
  pattern: { exec: matchLuaBody },
  line_breaks: true,
  start_chars_hint: ["{"],
});

export const LCurly = createToken({ name: "LCurly", pattern: "{" });
export const RCurly = createToken({ name: "RCurly", pattern: "}" });
export const Semicolon = createToken({ name: "Semicolon", pattern: ";" });

/** Any word: a directive name or argument, however it is quoted. One category keeps the grammar LL(1) and cheap. */
export const AnyWord = createToken({ name: "AnyWord", pattern: Lexer.NA });

// Quotes open only at the start of a word (mid-word quotes are literal). Inside, a backslash escapes the
// next character, newlines included.
export const DoubleQuoted = createToken({
  name: "DoubleQuoted",
  categories: [AnyWord],
  pattern: /"[^"\\]*(?:\\[\s\S][^"\\]*)*"/,
  line_breaks: true,
  start_chars_hint: ['"'],
});
export const SingleQuoted = createToken({
  name: "SingleQuoted",
  categories: [AnyWord],
  pattern: /'[^'\\]*(?:\\[\s\S][^'\\]*)*'/,
  line_breaks: true,
  start_chars_hint: ["'"],
});
// Must follow the two above: a quote that never closes runs to the end of the file, as in nginx.
export const UnterminatedQuoted = createToken({
  name: "UnterminatedQuoted",
  categories: [AnyWord],
  pattern: /["'][\s\S]*/,
  line_breaks: true,
  start_chars_hint: ['"', "'"],
});

// A bare word ends at whitespace, `;` or `{`, but not at `}` (`a}b` is one word). `${` keeps the brace in
// the word so `${var}` works; a backslash makes the next character literal.
export const Word = createToken({
  name: "Word",
  categories: [AnyWord],
  // Written "unrolled" (runs of plain characters between escapes): a per-character alternation overflows the
  // regex engine's backtrack stack on multi-megabyte words, and nested quantifiers backtrack exponentially.
  pattern: /(?:\\[^\r\n]?|\$\{?|[^ \t\r\n;{}"'#\\$])[^ \t\r\n;{\\$]*(?:(?:\\[^\r\n]?|\$\{?)[^ \t\r\n;{\\$]*)*/,
  // Chevrotain cannot derive first characters from a negated class; listing them keeps its first-char
  // optimisation on for the whole lexer (it halves lexing time on large files).
  start_chars_hint: wordStartHints(' \t\r\n;{}"\'#'),
});

/** Order matters: LuaBody before LCurly (both start at `{`), quoted before unterminated, Word last. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  LuaBody,
  LCurly,
  RCurly,
  Semicolon,
  DoubleQuoted,
  SingleQuoted,
  UnterminatedQuoted,
  Word,
  AnyWord,
];


/**
 * Every ASCII/Latin-1 character but the excluded ones, and one character per bucket above: Chevrotain groups
 * char codes over 255 into buckets of 255 (lexer.js, charCodeToOptimizedIndex), so one code stands for its
 * whole bucket and the hint list stays a few hundred entries instead of 65,536.
 */
function wordStartHints(excluded: string): number[] {
  const codes: number[] = [];
  for (let c = 0; c <= 255; c++) if (!excluded.includes(String.fromCharCode(c))) codes.push(c);
  for (let c = 256; c <= 0xffff; c++) if (c === 256 || Math.floor(c / 255) !== Math.floor((c - 1) / 255)) codes.push(c);
  return codes;
}

const wordTypes = new Set<TokenType>([Word, DoubleQuoted, SingleQuoted, UnterminatedQuoted]);

function matchLuaBody(text: string, offset: number, tokens: IToken[]): RegExpExecArray | null {
  if (text.charCodeAt(offset) !== 123 /* { */) return null;
  // Walk back over the words of the current statement to find its name.
  let i = tokens.length - 1;
  while (i >= 0 && wordTypes.has(tokens[i].tokenType)) i--;
  const name = tokens[i + 1];
  // nginx (with the Lua module) also accepts the name quoted: `"content_by_lua_block" {`.
  const bare = name?.tokenType === Word ? name.image : name ? name.image.slice(1, -1) : "";
  if (!bare.endsWith("_by_lua_block")) return null;
  const end = scanLuaBlock(text, offset);
  const result = [text.slice(offset, end)] as unknown as RegExpExecArray;
  result.index = offset;
  return result;
}

/** Returns the offset just past the `}` closing the Lua block opened at `start`, or the text's end. */
function scanLuaBlock(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "{") depth++;
    else if (ch === "}") {
      depth--;
      if (depth === 0) return i + 1;
    } else if (ch === '"' || ch === "'") {
      i = skipLuaString(text, i, ch);
      continue;
    } else if (ch === "-" && text[i + 1] === "-") {
      const long = longBracketLevel(text, i + 2);
      i = long >= 0 ? skipLongBracket(text, i + 2, long) : skipLine(text, i);
      continue;
    } else if (ch === "[") {
      const long = longBracketLevel(text, i);
      if (long >= 0) {
        i = skipLongBracket(text, i, long);
        continue;
      }
    }
    i++;
  }
  return text.length;
}

function skipLuaString(text: string, i: number, quote: string): number {
  i++;
  while (i < text.length && text[i] !== quote && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

function skipLine(text: string, i: number): number {
  const nl = text.indexOf("\n", i);
  return nl < 0 ? text.length : nl;
}

/** `[[`, `[=[`, `[==[` ... open a Lua long bracket; returns its level, or -1. */
function longBracketLevel(text: string, i: number): number {
  if (text[i] !== "[") return -1;
  let j = i + 1;
  while (text[j] === "=") j++;
  return text[j] === "[" ? j - i - 1 : -1;
}

function skipLongBracket(text: string, i: number, level: number): number {
  const close = "]" + "=".repeat(level) + "]";
  const end = text.indexOf(close, i + level + 2);
  return end < 0 ? text.length : end + close.length;
}

export const nginxLexer = new Lexer(allTokens, {
  // Offsets only: lines and columns come from a LineIndex when a range is asked for (most never are).
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
});
