// Unified diffs for --fix-dry-run: the layout `patch` reads, CRLF and missing final newlines shown as they are.
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/format/unified-diff.js";

/** Applies a unified diff (as `patch` would, strictly: context must match) to check the hunks are right. */
function applyDiff(text: string, diff: string): string {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  let at = 0;
  const body = diff.split("\n").slice(2);
  for (let i = 0; i < body.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(body[i]);
    if (!header) continue;
    const start = header[2] === "0" ? Number(header[1]) : Number(header[1]) - 1;
    out.push(...lines.slice(at, start));
    at = start;
    for (i++; i < body.length && !body[i].startsWith("@@"); i++) {
      const [kind, rest] = [body[i][0], body[i].slice(1)];
      if (kind === undefined) continue;
      const noEol = body[i + 1] === "\\ No newline at end of file";
      const line = noEol ? rest : `${rest}\n`;
      if (kind === " " || kind === "-") {
        expect(lines[at]).toBe(line);
        at++;
      }
      if (kind === " " || kind === "+") out.push(line);
      if (noEol) i++;
    }
    i--;
  }
  return out.concat(lines.slice(at)).join("");
}

describe("unifiedDiff", () => {
  it("prints nothing for equal texts and a diff -u layout otherwise", () => {
    expect(unifiedDiff("a\n", "a\n", "a/x", "b/x")).toBe("");
    const before = ["1", "2", "3", "4", "5", "6", "7", "8"].map((l) => `${l}\n`).join("");
    const after = before.replace("4\n", "4\nnew\n");
    expect(unifiedDiff(before, after, "a/x.conf", "b/x.conf")).toBe("--- a/x.conf\n+++ b/x.conf\n@@ -2,6 +2,7 @@\n 2\n 3\n 4\n+new\n 5\n 6\n 7\n");
  });

  it("keeps CRLF and marks a missing final newline", () => {
    const diff = unifiedDiff("a\r\nb", "a\r\nc", "x", "x");
    expect(diff).toBe("--- x\n+++ x\n@@ -1,2 +1,2 @@\n a\r\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
  });

  it("names the line before an insertion into an empty file or at its top", () => {
    expect(unifiedDiff("", "x\n", "a", "b")).toBe("--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n");
    expect(unifiedDiff("x\n", "", "a", "b")).toBe("--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n");
  });

  it("gives hunks that rebuild the new text, on random edits", () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let t = 0; t < 500; t++) {
      const a = Array.from({ length: rnd(40) }, () => `l${rnd(6)}${rnd(5) ? "\n" : "\r\n"}`);
      const b = a.filter(() => rnd(6) > 0).flatMap((l) => (rnd(7) ? [l] : [l, `n${rnd(4)}\n`]));
      const before = a.join("");
      const after = rnd(4) ? b.join("") : b.join("").replace(/\n$/, "");
      const diff = unifiedDiff(before, after, "a", "b");
      expect(diff === "").toBe(before === after);
      if (diff) expect(applyDiff(before, diff)).toBe(after);
    }
  });
});
