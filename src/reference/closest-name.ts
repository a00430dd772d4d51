// "Did you mean" hints: the known directive name nearest to a misspelled one.
import { allDirectives } from "./directives.js";

let names: string[] | undefined;

/** The closest known directive name within a small edit distance, or undefined. */
export function closestName(name: string): string | undefined {
  names ??= [...new Set(allDirectives().map((d) => d.name))];
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 4)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of names) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const d = editDistance(name, candidate, bestDistance);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Levenshtein distance, giving up (returning `cap`) once every path exceeds it. */
function editDistance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      rowMin = Math.min(rowMin, row[j]);
    }
    if (rowMin >= cap) return cap;
    prev = row;
  }
  return prev[b.length];
}
