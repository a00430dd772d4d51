// Every rule's documented examples are tests: bad ones are flagged by that rule, good ones are not.
import { describe, expect, it } from "vitest";
import { allRules } from "../../rules/index.js";
import { lintText } from "../support/lint-text.js";

describe.each(allRules.map((r) => [r.meta.id, r] as const))("%s examples", (id, rule) => {
  it("has bad and good examples", () => {
    expect(rule.meta.examples.bad.length).toBeGreaterThan(0);
    expect(rule.meta.examples.good.length).toBeGreaterThan(0);
  });
  it.each(rule.meta.examples.bad.map((code, i) => [i, code]))("bad example %i is flagged", (_, code) => {
    expect(lintText(code, { nginxVersion: "1.22.1" }).map((p) => p.ruleId)).toContain(id);
  });
  it.each(rule.meta.examples.good.map((code, i) => [i, code]))("good example %i is clean", (_, code) => {
    expect(lintText(code, { nginxVersion: "1.22.1" })).toEqual([]);
  });
});
