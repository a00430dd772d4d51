// What wslint says about a scenario's configs: the flagged one must be reported, the fixed one must not, and every
// config a fix writes must pass the real `nginx -t`.
import { expect } from "vitest";
import type { Problem } from "../../src/engine/problem.js";
import { fixText } from "../support/fix-text.js";
import { lintText } from "../support/lint-text.js";
import { nginxVersion } from "../support/nginx.js";
import { nginxAccepts } from "../support/nginx-process.js";

let version: string | undefined;
/** The version of the nginx the suite runs, which is also the version wslint targets here (asked once, when needed). */
export function targetVersion(): string {
  return (version ??= nginxVersion());
}

/** Asserts wslint reports `ruleId` on `config` and returns those problems. */
export function expectFlagged(config: string, ruleId: string): Problem[] {
  const found = lintText(config, { nginxVersion: targetVersion() }).filter((p) => p.ruleId === ruleId);
  expect(found, `wslint should report ${ruleId} on:\n${config}`).not.toEqual([]);
  return found;
}

/** Asserts wslint does not report `ruleId` on `config`. */
export function expectClean(config: string, ruleId: string): void {
  const found = lintText(config, { nginxVersion: targetVersion() }).filter((p) => p.ruleId === ruleId);
  expect(found.map((p) => p.message), `wslint should not report ${ruleId}`).toEqual([]);
}

/** Every config a fix wrote in this suite, with nginx's verdict, for the summary. */
export const fixedConfigs: Array<{ rule: string; ok: boolean }> = [];

/**
 * `wslint --fix` on `config` (every rule's fixes, as the CLI applies them): the rule is gone afterwards and the real
 * `nginx -t` accepts the result. Returns the fixed text.
 */
export async function fixAndCheck(config: string, ruleId: string): Promise<string> {
  const fixed = fixText(config, { nginxVersion: targetVersion() });
  expect(fixed.text, `${ruleId} should have a fix`).not.toBe(config);
  expect(fixed.problems.filter((p) => p.ruleId === ruleId).map((p) => p.message)).toEqual([]);
  const verdict = await nginxAccepts(fixed.text);
  fixedConfigs.push({ rule: ruleId, ok: verdict.ok });
  expect(verdict.ok, `nginx -t on the fixed config:\n${verdict.output}\n${fixed.text}`).toBe(true);
  return fixed.text;
}
