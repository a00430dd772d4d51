// Rule ids the CLI accepts (`--rule`, `explain`), and the "did you mean" for a mistyped one.
import { allRules } from "../../rules/index.js";
import { editDistance } from "../config/did-you-mean.js";
import type { Rule } from "../engine/rule.js";

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}

/**
 * The nearest rule id: one that contains the typed text (or is contained in it), or has every word of it
 * (`proxy-version` → `proxy-http-version`), else the fewest edits away.
 */
export function suggestRule(typed: string): string | undefined {
  const ids = allRules.map((r) => r.meta.id);
  const t = typed.toLowerCase();
  const words = t.split(/[-_\s]+/).filter(Boolean);
  const containing = ids.filter((id) => t.length >= 3 && (id.includes(t) || t.includes(id) || words.every((w) => id.split("-").includes(w))));
  if (containing.length > 0) return containing.sort((a, b) => a.length - b.length)[0];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(t.length / 3)) + 1;
  for (const id of ids) {
    const d = editDistance(t, id);
    if (d < bestDistance) [best, bestDistance] = [id, d];
  }
  return best;
}

export function unknownRuleMessage(id: string): string {
  const hint = suggestRule(id);
  return `unknown rule "${id}"${hint ? `; did you mean "${hint}"?` : ""} (\`wslint rules\` lists them)`;
}
