// glob.glob as crossplane calls it: matches found by the host, spelled as Python spells them (relative, unnormalised).
import { basename, dirname, resolve } from "node:path";
import type { Host } from "../workspace/host.js";
import { hasMagic, joinPath, splitPath } from "./python-path.js";

/** Files matching `pattern` (relative to `cwd` unless absolute), spelled as Python's glob returns them, sorted. */
export function pythonGlob(pattern: string, host: Host, cwd: string): string[] {
  const matches = host.glob(resolve(cwd, pattern));
  return matches.map((match) => spellAs(pattern, match)).sort(codePointOrder);
}

/**
 * Python's glob keeps every part of the pattern before a wildcard as written and joins the names it found to it;
 * each wildcard segment stands for exactly one segment of the match, counted from the right.
 */
function spellAs(pattern: string, match: string): string {
  if (!hasMagic(pattern)) return pattern;
  const [head, tail] = splitPath(pattern);
  if (head === "") return basename(match);
  const dir = hasMagic(head) ? spellAs(head, dirname(match)) : head;
  return joinPath(dir, hasMagic(tail) ? basename(match) : tail);
}

/** list.sort() on str compares code points. */
function codePointOrder(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
