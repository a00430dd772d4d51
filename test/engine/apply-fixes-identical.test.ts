// Identical edits from two fixes are one change: made once, in the same pass, while a different edit at the same
// point still waits for the next pass.
import { describe, expect, it } from "vitest";
import { applyFixPass } from "../../src/engine/apply-fixes.js";
import type { Problem, TextEdit } from "../../src/engine/problem.js";

const at = { line: 1, column: 1, offset: 0 };
const edit = (start: number, end: number, text: string): TextEdit => ({ file: "/a", start, end, text });
const withFix = (...edits: TextEdit[]): Problem => ({ ruleId: "r", severity: "error", message: "m", file: "/a", range: { start: at, end: at }, fix: { description: "d", edits } });

describe("applyFixPass with identical edits", () => {
  const read = (f: string): string | undefined => (f === "/a" ? "0123456789" : undefined);

  it("makes an edit two fixes share once and applies both fixes", () => {
    const first = withFix(edit(2, 2, "+"), edit(9, 9, "map"));
    const second = withFix(edit(2, 2, "+"), edit(5, 6, "X"));
    const pass = applyFixPass([first, second], read);
    expect(pass.texts.get("/a")).toBe("01+234X678map9");
    expect(pass.applied).toEqual([first.fix, second.fix]);
    expect(pass.skipped).toEqual([]);
  });

  it("still holds back a fix whose other edit conflicts, and a different insertion at the same point", () => {
    const first = withFix(edit(2, 2, "+"), edit(5, 6, "X"));
    const sharedButConflicting = withFix(edit(2, 2, "+"), edit(5, 7, "Y"));
    const samePointOtherText = withFix(edit(2, 2, "-"));
    const pass = applyFixPass([first, sharedButConflicting, samePointOtherText], read);
    expect(pass.texts.get("/a")).toBe("01+234X6789");
    expect(pass.skipped).toEqual([sharedButConflicting.fix, samePointOtherText.fix]);
  });
});
