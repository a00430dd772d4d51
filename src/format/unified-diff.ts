// Unified diffs (`diff -u` / `git diff` layout) for `--fix-dry-run`, from a Myers line diff.

type Op = { kind: " " | "-" | "+"; line: string };

/** Lines with their terminators kept, so a CRLF or a missing final newline shows in the diff as it is. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Myers' O((N+M)D) diff over lines. Common head and tail are cut first, so a few fixes in a large file cost a
 * few steps; each step keeps only its diagonals [-d-1, d+1], so memory grows with D², not with D·(N+M).
 */
function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x0 = a.slice(head, a.length - tail);
  const y0 = b.slice(head, b.length - tail);
  const middle = myers(x0, y0);
  return [
    ...a.slice(0, head).map((line): Op => ({ kind: " ", line })),
    ...middle,
    ...a.slice(a.length - tail).map((line): Op => ({ kind: " ", line })),
  ];
}

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [...a.map((line): Op => ({ kind: "-", line })), ...b.map((line): Op => ({ kind: "+", line }))];
  // trace[d] holds V before step d, for diagonals k in [-d-1, d+1], stored at index k + d + 1.
  const trace: Int32Array[] = [];
  let v = new Int32Array(3);
  v[2] = 0; // V[1] = 0: the virtual start that step 0 extends from
  let found = -1;
  for (let d = 0; found < 0 && d <= n + m; d++) {
    trace.push(v);
    const next = new Int32Array(2 * d + 5); // room for k in [-d-2, d+2], the window of step d+1
    const get = (k: number): number => v[k + d + 1];
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && get(k - 1) < get(k + 1)) ? get(k + 1) : get(k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) [x, y] = [x + 1, y + 1];
      next[k + d + 2] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
  }
  // Walk back from (n, m), one step per d, collecting the moves in reverse.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const prev = trace[d];
    const get = (k: number): number => prev[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && get(k - 1) < get(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : get(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: " ", line: a[--x] });
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: "+", line: b[--y] });
      else ops.push({ kind: "-", line: a[--x] });
    }
  }
  return ops.reverse();
}

function hunkRange(start: number, count: number): string {
  // An empty side names the line before it (0 at the top of the file), as diff -u does.
  return count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`;
}

function printLine(op: Op): string {
  return op.line.endsWith("\n") ? `${op.kind}${op.line}` : `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/** A unified diff of two texts, or "" when they are equal. `context` lines surround each change. */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return "";
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  const changes = ops.flatMap((op, i) => (op.kind === " " ? [] : [i]));
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  let i = 0;
  while (i < changes.length) {
    // A hunk grows while the next change is within 2×context unchanged lines of the last one.
    let j = i;
    while (j + 1 < changes.length && changes[j + 1] - changes[j] <= 2 * context) j++;
    const from = Math.max(0, changes[i] - context);
    const to = Math.min(ops.length, changes[j] + context + 1);
    let oldStart = 0;
    let newStart = 0;
    for (const op of ops.slice(0, from)) {
      if (op.kind !== "+") oldStart++;
      if (op.kind !== "-") newStart++;
    }
    const slice = ops.slice(from, to);
    const oldCount = slice.filter((op) => op.kind !== "+").length;
    const newCount = slice.filter((op) => op.kind !== "-").length;
    out += `@@ -${hunkRange(oldStart, oldCount)} +${hunkRange(newStart, newCount)} @@\n`;
    out += slice.map(printLine).join("");
    i = j + 1;
  }
  return out;
}
