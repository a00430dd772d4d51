// Sorts a file's syntax issues as the payload needs them: fatal to the file, fatal to a statement, or neither.
import type { ConfigFile, Directive } from "../syntax/ast.js";
import type { SyntaxIssue } from "../syntax/parser.js";

export interface FatalFault {
  message: string;
  line: number;
  /** For a stray `}`: crossplane stops reading there, so nothing after it is checked or included. */
  stopAt?: number;
}

export interface FileFaults {
  fatal?: FatalFault;
  /** Issues inside a statement's words (`"a"b`), keyed by the statement: the statement is dropped. */
  inStatement: Map<Directive, SyntaxIssue[]>;
  /** Issues between statements (a stray `;`): reported, nothing dropped. */
  between: SyntaxIssue[];
}

// The parser's message for a `}` that closes nothing; the AST keeps no node for it.
const STRAY_CLOSE = 'unexpected "}"';

export function fileFaults(file: ConfigFile, issues: SyntaxIssue[]): FileFaults {
  const faults: FileFaults = { fatal: fatalFault(file, issues), inStatement: new Map(), between: [] };
  for (const issue of issues) {
    // These are read from the AST itself (unclosed blocks, statements without terminator) or are fatal above.
    if (issue.message === STRAY_CLOSE || issue.message.startsWith("unexpected end of file")) continue;
    if (/^directive ".*" is not terminated by ";"/.test(issue.message)) continue;
    const owner = headContaining(file.directives, issue.range.start.offset);
    if (owner) faults.inStatement.set(owner, [...(faults.inStatement.get(owner) ?? []), issue]);
    else faults.between.push(issue);
  }
  return faults;
}

/**
 * crossplane checks brace balance while it reads, so a `}` too many stops the file where it stands, and a block
 * still open at the end of the file fails it at the line of the last token; the end of the file inside a statement
 * fails it too (crossplane says nothing useful there; the message is nginx's).
 */
function fatalFault(file: ConfigFile, issues: SyntaxIssue[]): FatalFault | undefined {
  const stray = issues.find((i) => i.message === STRAY_CLOSE);
  if (stray) return { message: STRAY_CLOSE, line: stray.range.start.line, stopAt: stray.range.start.offset };
  if (hasUnclosedBlock(file.directives)) return { message: 'unexpected end of file, expecting "}"', line: lastTokenLine(file) };
  const last = file.directives[file.directives.length - 1];
  if (last && (last.recovered || (last.rawBody && !luaBodyClosed(file, last)))) {
    return { message: 'unexpected end of file, expecting ";" or "}"', line: lastTokenLine(file) };
  }
  return undefined;
}

function hasUnclosedBlock(directives: Directive[]): boolean {
  return directives.some((d) => d.block !== undefined && (!d.block.closed || hasUnclosedBlock(d.block.directives)));
}

function luaBodyClosed(file: ConfigFile, d: Directive): boolean {
  const range = d.rawBody!.range;
  return range.end.offset - range.start.offset > 1 && file.text[range.end.offset - 1] === "}";
}

/** The end of a statement's words: where its block, Lua body or terminator begins. */
export function headEnd(d: Directive): number {
  if (d.block) return d.block.range.start.offset;
  if (d.rawBody) return d.rawBody.range.start.offset;
  return d.range.end.offset;
}

function headContaining(directives: Directive[], offset: number): Directive | undefined {
  for (const d of directives) {
    if (offset < d.range.start.offset || offset >= Math.max(d.range.end.offset, headEnd(d))) continue;
    if (offset < headEnd(d)) return d;
    return d.block ? headContaining(d.block.directives, offset) : undefined;
  }
  return undefined;
}

/** crossplane reports an unclosed block at the line of the last token it read: a word starts on its own line. */
function lastTokenLine(file: ConfigFile): number {
  const text = file.text;
  let end = text.length - 1;
  while (end >= 0 && " \t\r\n".includes(text[end])) end--;
  if (end < 0) return 1;
  const comment = file.comments.find((c) => c.range.start.offset <= end && end < c.range.end.offset);
  if (comment) return comment.range.start.line;
  const word = wordContaining(file.directives, end);
  return word ?? lineAt(text, end);
}

function wordContaining(directives: Directive[], offset: number): number | undefined {
  for (const d of directives) {
    for (const w of [d.name, ...d.args]) {
      if (w.range.start.offset <= offset && offset < w.range.end.offset) return w.range.start.line;
    }
    const inner = d.block ? wordContaining(d.block.directives, offset) : undefined;
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** 1-based line of an offset, counting CRLF, LF and a lone CR as one line break each (as the parser does). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (text[i] === "\n" || (text[i] === "\r" && text[i + 1] !== "\n")) line++;
  }
  return line;
}
