// Fingerprints that follow a finding across commits: hashed from what the line says, not where it is.
import { createHash } from "node:crypto";
import type { Problem } from "../engine/problem.js";

/** The text of the line `offset` is on, with runs of whitespace made one space: re-indenting keeps the hash. */
export function lineContent(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const nl = text.indexOf("\n", offset);
  return text.slice(start, nl < 0 ? text.length : nl).replace(/\s+/g, " ").trim();
}

/**
 * A stable id per problem: sha-256 of the rule, the file and its line's content, then `:n` for the n-th such
 * problem in the file (two findings on identical lines must differ). Inserting lines above a finding, as fixes
 * elsewhere do, leaves it unchanged; editing the flagged line itself makes it new, as it should.
 */
export function fingerprints(problems: readonly Problem[], fileKey: (file: string) => string, sourceText: (file: string) => string | undefined): string[] {
  const seen = new Map<string, number>();
  return problems.map((p) => {
    const text = sourceText(p.file);
    const content = text !== undefined ? lineContent(text, p.range.start.offset) : p.message;
    const hash = createHash("sha256").update(`${p.ruleId}\0${fileKey(p.file)}\0${content}`).digest("hex").slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}
