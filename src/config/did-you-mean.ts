// "Did you mean": the nearest candidate within a small edit distance, for rule ids, config keys and directive names.

/**
 * The candidate nearest to `word`, within a quarter of its length in edits (1 to 3); undefined when none is that
 * close. Rule ids and config keys compare ignoring case; directive names as written.
 */
export function didYouMean(word: string, candidates: Iterable<string>, { ignoreCase = true } = {}): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 4)));
  const typed = ignoreCase ? word.toLowerCase() : word;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: most of a long list is skipped without computing it.
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const d = editDistance(typed, ignoreCase ? candidate.toLowerCase() : candidate, bestDistance);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Levenshtein distance, giving up (returning `cap`) once every path exceeds it. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, row[j]);
    }
    if (rowMin >= cap) return cap;
    prev = row;
  }
  return prev[b.length];
}
