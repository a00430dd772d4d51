// The shape of crossplane's `parse` payload; objects are built with keys in crossplane's order so output diffs cleanly.

/** One statement: a directive (with its block or included files) or, with --include-comments, a comment. */
export interface Statement {
  /** Only with --combine: the file the statement is written in. Always the first key. */
  file?: string;
  directive: string;
  line: number;
  args: string[];
  /** Indexes into `config` of the files an `include` brought in (absent with --single-file). */
  includes?: number[];
  block?: Statement[];
  /** The text after `#`, for comment statements (directive "#"). */
  comment?: string;
}

export interface FileError {
  error: string;
  /** null when the error belongs to no line (a file that could not be read). */
  line: number | null;
}

export interface PayloadError {
  file: string;
  error: string;
  line: number | null;
}

export interface ConfigEntry {
  file: string;
  status: "ok" | "failed";
  errors: FileError[];
  parsed: Statement[];
}

export interface Payload {
  status: "ok" | "failed";
  errors: PayloadError[];
  config: ConfigEntry[];
}

/** A statement with its first keys in order; `includes`, `block` and `comment` are appended after. */
export function newStatement(directive: string, line: number, file: string | undefined): Statement {
  return file === undefined ? { directive, line, args: [] } : { file, directive, line, args: [] };
}

/** A comment statement, keyed as crossplane keys it: directive, line, args, comment. */
export function commentStatement(text: string, line: number, file: string | undefined): Statement {
  const stmt = newStatement("#", line, file);
  stmt.comment = text;
  return stmt;
}
