// apply-fixes on synthetic problems: overlap, several files, passes until stable, bytes outside edits untouched.
import { describe, expect, it } from "vitest";
import { applyFixPass, fixUntilStable, MAX_FIX_PASSES } from "../../src/engine/apply-fixes.js";
import type { Fix, Problem, TextEdit } from "../../src/engine/problem.js";

const at = { line: 1, column: 1, offset: 0 };

function withFix(file: string, ...edits: TextEdit[]): Problem {
  return { ruleId: "r", severity: "error", message: "m", file, range: { start: at, end: at }, fix: { description: "d", edits } };
}

const edit = (file: string, start: number, end: number, text: string): TextEdit => ({ file, start, end, text });

describe("applyFixPass", () => {
  const texts: Record<string, string> = { "/a": "0123456789", "/b": "abc\r\ndef\r\n" };
  const read = (f: string): string | undefined => texts[f];

  it("applies non-overlapping edits, in any order, and leaves the rest byte for byte", () => {
    const pass = applyFixPass([withFix("/a", edit("/a", 8, 9, "X")), withFix("/a", edit("/a", 1, 3, "")), withFix("/b", edit("/b", 5, 5, "new\r\n"))], read);
    expect(pass.texts).toEqual(new Map([["/a", "034567X9"], ["/b", "abc\r\nnew\r\ndef\r\n"]]));
    expect(pass.applied).toHaveLength(3);
    expect(pass.skipped).toEqual([]);
  });

  it("skips a fix that overlaps one already chosen, including two insertions at one point", () => {
    const first = withFix("/a", edit("/a", 2, 5, "-"));
    const overlapping = withFix("/a", edit("/a", 4, 6, "+"));
    const touching = withFix("/a", edit("/a", 5, 5, "|"));
    const sameInsert1 = withFix("/a", edit("/a", 8, 8, "x"));
    const sameInsert2 = withFix("/a", edit("/a", 8, 8, "y"));
    const pass = applyFixPass([first, overlapping, touching, sameInsert1, sameInsert2], read);
    expect(pass.texts.get("/a")).toBe("01-|567x89");
    expect(pass.skipped).toEqual([overlapping.fix, sameInsert2.fix]);
  });

  it("takes a fix across several files whole, or not at all", () => {
    const blocker = withFix("/b", edit("/b", 0, 1, "A"));
    const multi = withFix("/a", edit("/a", 0, 0, ">"), edit("/b", 0, 2, "??"));
    const multiFree = withFix("/a", edit("/a", 9, 10, "!"), edit("/b", 10, 10, "tail"));
    const pass = applyFixPass([blocker, multi, multiFree], read);
    expect(pass.skipped).toEqual([multi.fix]);
    expect(pass.texts).toEqual(new Map([["/a", "012345678!"], ["/b", "Abc\r\ndef\r\ntail"]]));
  });

  it("skips fixes with edits outside the text, edits that overlap each other, or files it may not change", () => {
    const pass = applyFixPass(
      [withFix("/a", edit("/a", 5, 99, "")), withFix("/a", edit("/a", 3, 2, "")), withFix("/a", edit("/a", 1, 3, ""), edit("/a", 2, 4, "")), withFix("/c", edit("/c", 0, 0, "x"))],
      read,
    );
    expect(pass.texts.size).toBe(0);
    expect(pass.skipped).toHaveLength(4);
  });
});

describe("fixUntilStable", () => {
  /**
   * A toy rule over "/a": every line must end with ";" and line 1 must say "first". Both fixes insert at the end
   * of a line, so the second waits a pass; re-linting proposes it again against the new text.
   */
  function toyLint(text: string): Problem[] {
    const problems: Problem[] = [];
    let offset = 0;
    for (const line of text.split("\n").slice(0, -1)) {
      if (!line.endsWith(";")) problems.push(withFix("/a", edit("/a", offset + line.length, offset + line.length, ";")));
      offset += line.length + 1;
    }
    if (!text.startsWith("first")) problems.push(withFix("/a", edit("/a", 0, 0, "first;\n")));
    return problems;
  }

  it("repeats passes until nothing changes, so fixing twice equals fixing once", () => {
    const original = "a\nb;\nc\n";
    const result = fixUntilStable({ problems: toyLint(original), readText: (f) => (f === "/a" ? original : undefined), relint: (t) => toyLint(t.get("/a")!) });
    expect(result.changed.get("/a")).toBe("first;\na;\nb;\nc;\n");
    expect(result.problems).toEqual([]);
    expect(result.passes).toBe(1);
    const again = fixUntilStable({ problems: toyLint(result.changed.get("/a")!), readText: () => result.changed.get("/a"), relint: (t) => toyLint(t.get("/a")!) });
    expect(again.changed.size).toBe(0);
    expect(again.passes).toBe(0);
  });

  it("applies an overlapping fix in a later pass, and edits in two files together", () => {
    const files: Record<string, string> = { "/main": "http {\n}\n", "/loc": "location / {\n}\n" };
    // Two problems want the same map in /main (one insertion point): the second waits, then is no longer reported.
    const lintAll = (t: Record<string, string>): Problem[] => {
      const hasMap = t["/main"].includes("map");
      const out: Problem[] = [];
      if (!t["/loc"].includes("a;")) out.push(withFix("/loc", edit("/loc", 12, 12, "\n  a;"), ...(hasMap ? [] : [edit("/main", 6, 6, "\n  map;")])));
      if (!t["/loc"].includes("b;")) out.push(withFix("/loc", edit("/loc", 12, 12, "\n  b;"), ...(hasMap ? [] : [edit("/main", 6, 6, "\n  map;")])));
      return out;
    };
    const relint = (t: ReadonlyMap<string, string>): Problem[] => lintAll({ ...files, ...Object.fromEntries(t) });
    const result = fixUntilStable({ problems: lintAll(files), readText: (f) => files[f], relint });
    expect(result.changed.get("/main")).toBe("http {\n  map;\n}\n");
    expect(result.changed.get("/loc")).toBe("location / {\n  b;\n  a;\n}\n");
    expect(result).toMatchObject({ applied: 2, passes: 2, problems: [] });
  });

  it("stops after MAX_FIX_PASSES when fixes never settle", () => {
    let n = 0;
    const flip = (): Problem[] => [withFix("/a", edit("/a", 0, 1, String(++n % 10)))];
    const result = fixUntilStable({ problems: flip(), readText: () => "0", relint: flip });
    expect(result.passes).toBe(MAX_FIX_PASSES);
  });

  it("reports a file unchanged when fixes bring it back to its original text", () => {
    let calls = 0;
    const fixes: Fix[] = [{ description: "x", edits: [edit("/a", 0, 1, "B")] }, { description: "y", edits: [edit("/a", 0, 1, "A")] }];
    const result = fixUntilStable({
      problems: [{ ...withFix("/a"), fix: fixes[0] }],
      readText: () => "A",
      relint: () => (calls++ === 0 ? [{ ...withFix("/a"), fix: fixes[1] }] : []),
    });
    expect(result.changed.size).toBe(0);
    expect(result.passes).toBe(2);
  });
});
