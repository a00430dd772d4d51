// A rule may say `verifiedOn` (shown on its docs page) only when a ground-truth scenario proves its claim.
import { describe, expect, it } from "vitest";
import { allRules } from "../../rules/index.js";
import { provenRules, scenarios } from "./scenarios/index.js";

const ruleIds = new Set(allRules.map((r) => r.meta.id));

describe("verifiedOn in rule metadata", () => {
  it.each(allRules.filter((r) => r.meta.verifiedOn).map((r) => [r.meta.id, r.meta.verifiedOn] as const))(
    "%s (verifiedOn %s) has a ground-truth scenario that proves it",
    (id, version) => {
      const scenario = scenarios.find((s) => s.rule === id);
      expect(scenario, `${id} claims verifiedOn but test/ground-truth/scenarios has no scenario for it`).toBeDefined();
      expect(scenario?.contradicts, `${id} claims verifiedOn but its scenario found nginx contradicting it`).toBeUndefined();
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    },
  );

  it("every proven rule exists and says which nginx it was verified on", () => {
    for (const id of provenRules) {
      expect(ruleIds.has(id), `scenario for unknown rule ${id}`).toBe(true);
      expect(allRules.find((r) => r.meta.id === id)?.meta.verifiedOn, `${id} is proven but has no verifiedOn`).toBeDefined();
    }
  });

  it("has one scenario per rule", () => {
    const ids = scenarios.map((s) => s.rule);
    expect(ids.length).toBe(new Set(ids).size);
  });
});
