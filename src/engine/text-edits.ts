// Builds fix edits that read like hand-written config: new directives on their own line, indented like
// their neighbours, with the file's own line ending.
import type { Model } from "../model/model.js";
import type { Word } from "../syntax/ast.js";
import type { ConfigNode } from "../workspace/tree.js";
import type { TextEdit } from "./problem.js";

function lineEnding(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/** The whitespace that starts the line `offset` is on. */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/**
 * Where text inserted after a statement goes: the end of its line when only a comment follows it there (the
 * comment stays with its statement), else right after the statement.
 */
function endOfLineAfter(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  const lineEnd = newline < 0 ? text.length : text[newline - 1] === "\r" ? newline - 1 : newline;
  return /^[ \t]*(#.*)?$/.test(text.slice(offset, lineEnd)) ? lineEnd : offset;
}

/** Inserts `lines` after `node`'s statement, each on its own line, indented like `node`. */
export function insertAfter(model: Model, node: ConfigNode, lines: string[]): TextEdit | undefined {
  const text = model.textOf(node.file);
  if (text === undefined) return undefined;
  const eol = lineEnding(text);
  const indent = indentAt(text, node.directive.startOffset);
  const at = endOfLineAfter(text, node.directive.endOffset);
  return { file: node.file, start: at, end: at, text: lines.map((l) => `${eol}${indent}${l}`).join("") };
}

/**
 * Inserts `lines` at the start of `block`'s body (after its `{`), indented one step deeper than the block
 * (the step its first child uses, else four spaces).
 */
export function insertAtBlockStart(model: Model, block: ConfigNode, lines: string[]): TextEdit | undefined {
  const text = model.textOf(block.file);
  const body = block.directive.block;
  if (text === undefined || !body) return undefined;
  const eol = lineEnding(text);
  const outer = indentAt(text, block.directive.startOffset);
  const first = body.directives[0];
  const inner = first && first.startOffset > body.startOffset ? indentAt(text, first.startOffset) : `${outer}    `;
  const at = body.startOffset + 1;
  return { file: block.file, start: at, end: at, text: lines.map((l) => `${eol}${inner}${l}`).join("") };
}

/**
 * insertAtBlockStart, except for a block written on one line (`location /live/ { limit_except GET { ... } }`): its
 * first statement moves to a line of its own after the new ones, indented one step deeper than the block.
 */
export function insertAtTop(model: Model, block: ConfigNode, lines: string[]): TextEdit | undefined {
  const text = model.textOf(block.file);
  const body = block.directive.block;
  const first = body?.directives[0];
  if (text === undefined || !body || !first || !isOneLineBlock(model, block)) return insertAtBlockStart(model, block, lines);
  const eol = lineEnding(text);
  const outer = indentAt(text, block.directive.startOffset);
  const inner = `${outer}${outer.includes("\t") ? "\t" : "    "}`;
  const start = body.startOffset + 1;
  return { file: block.file, start, end: first.startOffset, text: `${lines.map((l) => `${eol}${inner}${l}`).join("")}${eol}${inner}` };
}

/** Inserts `lines` before `node`'s statement, each followed by a line break and `node`'s indentation. */
export function insertBefore(model: Model, node: ConfigNode, lines: string[]): TextEdit | undefined {
  const text = model.textOf(node.file);
  if (text === undefined) return undefined;
  const eol = lineEnding(text);
  const indent = indentAt(text, node.directive.startOffset);
  const at = node.directive.startOffset;
  return { file: node.file, start: at, end: at, text: lines.map((l) => `${l}${eol}${indent}`).join("") };
}

/** True when the block's first statement is on the line of its `{` (`location /x { proxy_pass ...; }`). */
export function isOneLineBlock(model: Model, block: ConfigNode): boolean {
  const text = model.textOf(block.file);
  const body = block.directive.block;
  const first = body?.directives[0];
  return text !== undefined && body !== undefined && first !== undefined && !text.slice(body.startOffset + 1, first.startOffset).includes("\n");
}

/** Replaces one word (keeps its quotes off: the replacement is written as given). */
export function replaceWord(node: ConfigNode, word: Word, text: string): TextEdit {
  return { file: node.file, start: word.range.start.offset, end: word.range.end.offset, text };
}
