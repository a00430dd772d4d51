// One file's statements as crossplane lists them: comments in place, failing statements dropped, includes queued.
import type { Block, Comment, ConfigFile, Directive } from "../syntax/ast.js";
import type { SyntaxIssue } from "../syntax/parser.js";
import { childContext, type NodeContext } from "../workspace/block-contexts.js";
import { analyzeStatement, type Terminator } from "./analyze.js";
import { type FileFaults, fileFaults, headEnd } from "./file-faults.js";
import { stripIfParens } from "./if-args.js";
import { commentStatement, newStatement, type Statement } from "./payload.js";
import { universalNewlines, wordText } from "./word-text.js";

export interface FileReader {
  /** The file's name as the payload prints it. */
  name: string;
  comments: boolean;
  combine: boolean;
  strict: boolean;
  ignore: readonly string[];
  /** Records an error against this file. */
  error(line: number | null, message: string): void;
  /** Queues the files an include names and returns their indexes; undefined with --single-file. */
  include(pattern: string, context: NodeContext, line: number): number[] | undefined;
}

/** The file's statements; [] when a fatal error empties it (errors and includes found before it still count). */
export function fileStatements(file: ConfigFile, issues: SyntaxIssue[], context: NodeContext, reader: FileReader): Statement[] {
  const walker = new Walker(file, fileFaults(file, issues), reader);
  const parsed = walker.list(file.directives, context, file.text.length, undefined);
  const fatal = walker.faults.fatal;
  if (!fatal) return parsed;
  reader.error(fatal.line, `${fatal.message} in ${reader.name}:${fatal.line}`);
  return [];
}

class Walker {
  private readonly comments: Comment[];
  private next = 0;
  private between = 0;

  constructor(
    file: ConfigFile,
    readonly faults: FileFaults,
    private readonly reader: FileReader,
  ) {
    this.comments = [...file.comments].sort((a, b) => a.range.start.offset - b.range.start.offset);
  }

  /** The statements of one block (or of the file, when `block` is undefined), whose text ends before `end`. */
  list(directives: Directive[], context: NodeContext, end: number, block: Block | undefined): Statement[] {
    const out: Statement[] = [];
    const stopAt = block ? undefined : this.faults.fatal?.stopAt;
    for (const [i, d] of directives.entries()) {
      // crossplane stops at a stray `}`: a statement it had not finished by then is never checked.
      if (stopAt !== undefined && (d.recovered || d.range.end.offset > stopAt)) break;
      // A statement cut short by the end of the file is never checked either: the file fails as a whole.
      if (d.recovered && i === directives.length - 1 && !block?.closed) break;
      this.freeComments(d.range.start.offset, out);
      const stmt = this.statement(d, context);
      const inner = this.takeComments(headEnd(d));
      if (!stmt) {
        this.takeComments(d.range.end.offset);
        continue;
      }
      if (d.block) stmt.block = this.list(d.block.directives, childContext(context, stmt.directive), d.block.range.end.offset, d.block);
      out.push(stmt);
      // Comments written between a statement's words follow it, with the statement's line; crossplane lists
      // them even without --include-comments.
      for (const c of inner) out.push(this.comment(c, stmt.line));
    }
    this.freeComments(stopAt ?? end, out);
    return out;
  }

  /** The statement for a directive, or undefined when it is ignored or fails a check (it is dropped then). */
  private statement(d: Directive, context: NodeContext): Statement | undefined {
    const reader = this.reader;
    const directive = wordText(d.name);
    const line = d.name.range.start.line;
    if (reader.ignore.includes(directive)) return undefined;
    const stmt = newStatement(directive, line, reader.combine ? reader.name : undefined);
    stmt.args = d.args.map(wordText);
    // A Lua block's body is one more argument, kept verbatim.
    if (d.rawBody) stmt.args.push(universalNewlines(d.rawBody.text));
    if (directive === "if") stmt.args = stripIfParens(stmt.args);

    const syntax = this.faults.inStatement.get(d);
    if (syntax) {
      for (const issue of syntax) reader.error(issue.range.start.line, `${issue.message} in ${reader.name}:${issue.range.start.line}`);
      return undefined;
    }
    const terminator: Terminator = d.block ? "{" : d.recovered ? "none" : ";";
    const problem = analyzeStatement({ directive, args: stmt.args, terminator, context, strict: reader.strict });
    if (problem) {
      reader.error(line, `${problem} in ${reader.name}:${line}`);
      return undefined;
    }
    // Only the first argument counts (more are an error wherever the context is checked).
    if (directive === "include" && stmt.args.length > 0) {
      const includes = reader.include(stmt.args[0], context, line);
      if (includes) stmt.includes = includes;
    }
    return stmt;
  }

  /** Emits the comments (and reports the stray tokens) that stand between statements before `offset`. */
  private freeComments(offset: number, out: Statement[]): void {
    const between = this.faults.between;
    while (this.between < between.length && between[this.between].range.start.offset < offset) {
      const issue = between[this.between++];
      this.reader.error(issue.range.start.line, `${issue.message} in ${this.reader.name}:${issue.range.start.line}`);
    }
    for (const c of this.takeComments(offset)) if (this.reader.comments) out.push(this.comment(c, c.range.start.line));
  }

  private takeComments(offset: number): Comment[] {
    const taken: Comment[] = [];
    while (this.next < this.comments.length && this.comments[this.next].range.start.offset < offset) {
      taken.push(this.comments[this.next++]);
    }
    return taken;
  }

  private comment(c: Comment, line: number): Statement {
    return commentStatement(universalNewlines(c.text), line, this.reader.combine ? this.reader.name : undefined);
  }
}
