// Every fixable rule's bad examples, fixed as --fix fixes them: the rule is satisfied and the real `nginx -t` accepts the result.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allRules } from "../../rules/index.js";
import { fixUntilStable } from "../../src/engine/apply-fixes.js";
import { lint } from "../../src/engine/lint.js";
import { memoryHost } from "../../src/workspace/host.js";
import { makePrefix, nginxTest, prefixHttpPaths } from "../support/nginx.js";

const prefixes: string[] = [];
afterAll(() => prefixes.forEach((p) => rmSync(p, { recursive: true, force: true })));

const FILE = "/example/nginx.conf";
/** The version nginx -t runs here (Debian 12): its defaults decide what the rules report and fix. */
const options = { nginxVersion: "1.22.1" };

function fix(text: string): { text: string; ruleIds: string[] } {
  const relint = (texts: ReadonlyMap<string, string>) => lint([FILE], memoryHost({ [FILE]: texts.get(FILE) ?? text }), options).problems;
  const result = fixUntilStable({ problems: relint(new Map()), readText: (f) => (f === FILE ? text : undefined), relint });
  return { text: result.changed.get(FILE) ?? text, ruleIds: result.problems.map((p) => p.ruleId) };
}

const cases = allRules
  .filter((r) => r.meta.fixable)
  .flatMap((r) => r.meta.examples.bad.map((code, i) => [`${r.meta.id} bad example ${i}`, r.meta.id, code] as const));

describe.runIf(cases.length > 0)("fixes of every fixable rule's bad examples", () => {
  it.each(cases)("%s: fixed, stable, and accepted by nginx -t", (_, id, code) => {
    const fixed = fix(code);
    expect(fixed.text).not.toBe(code);
    expect(fixed.ruleIds).not.toContain(id);
    // Idempotent: fixing the fixed text changes nothing.
    expect(fix(fixed.text).text).toBe(fixed.text);
    const prefix = makePrefix();
    prefixes.push(prefix);
    const conf = join(prefix, "nginx.conf");
    // Temp paths under the prefix (see prefixHttpPaths): nginx -t must not touch /var.
    writeFileSync(conf, fixed.text.replace(/^http \{\n/m, `http {\n${prefixHttpPaths}\n`));
    const verdict = nginxTest(prefix, conf);
    expect(verdict.ok, verdict.output).toBe(true);
  });
});
