// Entry point of the syntax layer: bytes or text in, a ConfigFile and its syntax problems out. Never throws.
import type { Comment, ConfigFile, Directive, Range } from "./ast.js";
import { nginxParser, type SyntaxIssue } from "./parser.js";
import type { IToken } from "chevrotain";
import { LCurly, nginxLexer, RCurly } from "./tokens.js";
import { LineIndex } from "./line-index.js";
import { tokenRange } from "./words.js";

export interface ParseResult {
  file: ConfigFile;
  issues: SyntaxIssue[];
}

// ignoreBOM keeps a byte order mark in the text: nginx reads it as part of the first word, and so must we.
const utf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/** Decodes bytes as nginx reads them: byte-oriented, so invalid UTF-8 becomes U+FFFD, not an error. */
export function decodeConfig(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** A NUL in the first 8 KiB marks a binary file: nginx would stop at the first odd byte, and so do we. */
function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes("\u0000");
}

/**
 * Deeper nesting than this is refused: real configs nest a handful of levels, and the recursive descent
 * (and every walk after it) must not run out of stack on a hostile file.
 */
export const MAX_NESTING = 200;

/** More syntax errors than this in one file are summarised: past a few, they are noise (binary-ish input). */
export const MAX_ISSUES_PER_FILE = 100;

export function parseConfig(text: string, path: string): ParseResult {
  try {
    return parseText(text, path);
  } catch (e) {
    // The grammar accepts any token sequence; what can still fail is the engine itself on hostile input
    // (a regex or the call stack overflowing). That is a problem with the file, reported as one.
    if (!(e instanceof RangeError)) throw e;
    const at = { line: 1, column: 1, offset: 0 };
    const message = `wslint cannot read this file (${e.message}); is it an nginx configuration?`;
    return { file: { path, directives: [], comments: [], text }, issues: [{ message, range: { start: at, end: at } }] };
  }
}

function parseText(text: string, path: string): ParseResult {
  const unparsed = (issue: SyntaxIssue): ParseResult => ({ file: { path, directives: [], comments: [], text }, issues: [issue] });
  if (looksBinary(text)) {
    const at = { line: 1, column: 1, offset: 0 };
    return unparsed({ message: "this is a binary file (it contains NUL bytes), not an nginx configuration", range: { start: at, end: at } });
  }
  const lexed = nginxLexer.tokenize(text);
  const lines = new LineIndex(text);
  const tooDeep = firstTooDeep(lexed.tokens);
  if (tooDeep) {
    return unparsed({ message: `blocks are nested more than ${MAX_NESTING} levels deep; wslint does not read this file further`, range: tokenRange(lines, tooDeep) });
  }
  nginxParser.begin(lexed.tokens, lines, text.length);
  const directives = nginxParser.file();
  const issues = [...nginxParser.issues];
  for (const e of nginxParser.errors) {
    // The grammar accepts every token sequence; Chevrotain errors here would be a bug, but stay data.
    issues.push({ message: e.message, range: tokenRange(lines, e.token) });
  }
  for (const e of lexed.errors) {
    issues.push({ message: `unexpected character "${text.substr(e.offset, e.length)}"`, range: lines.range(e.offset, e.offset + e.length) });
  }
  const comments: Comment[] = (lexed.groups.comments ?? []).map((t) => ({ text: t.image.slice(1), range: tokenRange(lines, t) }));
  attachInnerComments(directives, comments);
  checkWordSeparation(directives, issues);
  issues.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { file: { path, directives, comments, text }, issues: capIssues(issues) };
}

function capIssues(issues: SyntaxIssue[]): SyntaxIssue[] {
  if (issues.length <= MAX_ISSUES_PER_FILE) return issues;
  const kept = issues.slice(0, MAX_ISSUES_PER_FILE);
  const last = kept[kept.length - 1];
  const more = issues.length - kept.length;
  kept.push({ message: `${more} more syntax errors in this file are not shown`, range: { start: last.range.end, end: last.range.end } });
  return kept;
}

function firstTooDeep(tokens: IToken[]): IToken | undefined {
  let depth = 0;
  // Indexed: see walk() in workspace/tree.ts.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.tokenType === LCurly) {
      if (++depth > MAX_NESTING) return t;
    } else if (t.tokenType === RCurly) depth--;
  }
  return undefined;
}

/** Comments written between the words of a statement belong to it (crossplane prints them after it). */
function attachInnerComments(directives: Directive[], comments: Comment[]): void {
  if (comments.length === 0) return;
  let next = 0;
  const visit = (list: Directive[]): void => {
    for (let i = 0; i < list.length; i++) {
      const d = list[i];
      const from = d.startOffset;
      const to = d.block ? d.block.startOffset : d.rawBody ? d.rawBody.range.start.offset : d.endOffset;
      while (next < comments.length && comments[next].range.start.offset < from) next++;
      const inner: Comment[] = [];
      while (next < comments.length && comments[next].range.start.offset < to) inner.push(comments[next++]);
      if (inner.length > 0) d.innerComments = inner;
      if (d.block) visit(d.block.directives);
    }
  };
  visit(directives);
}

/** nginx needs a space after a closing quote: `"a"b` is `unexpected "b"` (a `)` may follow, for `if`). */
function checkWordSeparation(directives: Directive[], issues: SyntaxIssue[]): void {
  const visit = (list: Directive[]): void => {
    for (let j = 0; j < list.length; j++) {
      const d = list[j];
      for (let i = 0; i < d.args.length; i++) {
        const a = i === 0 ? d.name : d.args[i - 1];
        const b = d.args[i];
        if (a.quote !== "none" && a.range.end.offset === b.range.start.offset && !b.raw.startsWith(")")) {
          const at: Range = { start: b.range.start, end: b.range.start };
          issues.push({ message: `unexpected "${b.raw[0]}" after a closing quote; nginx needs a space there`, range: at });
        }
      }
      if (d.block) visit(d.block.directives);
    }
  };
  visit(directives);
}
