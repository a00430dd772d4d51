// Problems grouped by file, in one pass (outputs with tens of thousands of problems must stay linear).
import type { Problem } from "../engine/problem.js";

/** `files` first (so clean files appear, in order), then any other file a problem names. */
export function groupByFile(problems: readonly Problem[], files: readonly string[] = []): Map<string, Problem[]> {
  const groups = new Map<string, Problem[]>(files.map((f) => [f, []]));
  for (const p of problems) {
    const list = groups.get(p.file);
    if (list) list.push(p);
    else groups.set(p.file, [p]);
  }
  return groups;
}
