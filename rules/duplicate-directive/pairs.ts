// Shared by the duplicate checks: the first of a pair as a related location; the range nginx names for the second,
// up to the line its statement ends on (`;`, or the `{` of a block), where its parser stands when it fails; names compared as nginx does.
import type { RelatedLocation } from "../../src/engine/problem.js";
import type { Range } from "../../src/syntax/ast.js";
import type { ConfigNode } from "../../src/workspace/tree.js";

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
