// The syntax tree of one nginx configuration file: what the parser hands to the workspace and the model.

/** A place in a file: 1-based line and column (in UTF-16 code units), 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open span: `end` is the position just after the last character. */
export interface Range {
  start: Position;
  end: Position;
}

/** How a word was written: bare, or inside double or single quotes. */
export type QuoteKind = "none" | "double" | "single";

/** One word of a directive: its name or an argument. */
export interface Word {
  /** The text as nginx stores it after unescaping (`\"`, `\'`, `\\`, `\t`, `\r`, `\n`). */
  readonly value: string;
  /** The source text, quotes included. */
  readonly raw: string;
  readonly quote: QuoteKind;
  readonly range: Range;
}

export interface Comment {
  /** The text after `#`, exactly as written. */
  text: string;
  range: Range;
}

export interface Block {
  directives: Directive[];
  /** Range from `{` to `}` inclusive. */
  readonly range: Range;
  /** The range's offsets, cheap to read (the range itself is built on first use). */
  readonly startOffset: number;
  readonly endOffset: number;
  /** False when the file ended before the closing brace. */
  closed: boolean;
}

export interface Directive {
  name: Word;
  args: Word[];
  /** Present for block directives (`http { ... }`); absent for simple ones ending in `;`. */
  block?: Block;
  /** Raw body of a `*_by_lua_block { ... }` directive, braces excluded. */
  rawBody?: { text: string; range: Range };
  /** Comments written between the words of this directive (nginx ignores them). */
  innerComments: readonly Comment[];
  /** From the name to the terminating `;` or closing `}`. */
  readonly range: Range;
  /** The range's offsets, cheap to read (the range itself is built on first use). */
  readonly startOffset: number;
  readonly endOffset: number;
  /** True when error recovery had to invent the terminator: the statement is incomplete. */
  recovered: boolean;
}

export interface ConfigFile {
  /** The path the file was read from (as given, not resolved). */
  path: string;
  directives: Directive[];
  comments: Comment[];
  /** The decoded text, kept so fixes and editors can work by offset. */
  text: string;
}
