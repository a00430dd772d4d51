// Where the first of a duplicated pair is, and where nginx names the second: the line its statement ends on
// (the `;`, or the `{` of a block), which is where nginx's parser stands when it fails.
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
