// Shared by the duplicate checks: where the first of a pair is; where nginx names the second, the line its
// statement ends on (the `;`, or the `{` of a block), where nginx's parser stands when it fails; how it compares names.
import type { RelatedLocation } from "../../src/engine/problem.js";
import type { Range } from "../../src/syntax/ast.js";
import { lineOf, type ConfigNode } from "../../src/workspace/tree.js";

/** `line 12`, or `conf.d/app.conf:12` when the first is in another file than the second. */
export function where(earlier: ConfigNode, later: ConfigNode): string {
  const line = lineOf(earlier);
  return earlier.file === later.file ? `line ${line}` : `${earlier.file}:${line}`;
}

/** The related location that points at the first of the pair. */
export function firstHere(earlier: ConfigNode, message: string): RelatedLocation {
  return { file: earlier.file, range: earlier.directive.name.range, message };
}

/** From the name to the `;`, or to the `{` of a block directive. */
export function statementRange(node: ConfigNode): Range {
  const d = node.directive;
  return d.block ? { start: d.range.start, end: d.block.range.start } : d.range;
}

/** nginx lower-cases names it compares with ngx_strlow / ngx_hash_key_lc: ASCII letters only. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
