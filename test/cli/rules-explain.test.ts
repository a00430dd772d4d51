// `wslint rules` and `wslint explain <id>`: the rule list and each rule's docs, offline.
import { describe, expect, it } from "vitest";
import { allRules } from "../../rules/index.js";
import { runCli } from "../support/run-cli.js";

describe("wslint rules", () => {
  it("lists every rule with its severity, whether it is fixable, and its summary", () => {
    const run = runCli(["rules"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^rule\s+severity\s+fixable\s+summary$/);
    expect(lines).toHaveLength(allRules.length + 1);
    for (const rule of allRules) {
      const line = lines.find((l) => l.startsWith(`${rule.meta.id} `))!;
      expect(line).toMatch(new RegExp(`^${rule.meta.id}\\s+${rule.meta.severity}\\s+${rule.meta.fixable ? "yes\\s+" : "\\s*"}`));
      expect(line.endsWith(rule.meta.docs.summary)).toBe(true);
    }
  });
});

describe("wslint explain", () => {
  it.each(allRules.map((r) => [r.meta.id, r] as const))("prints the docs of %s", (id, rule) => {
    const run = runCli(["explain", id]);
    expect(run.code).toBe(0);
    const { docs, examples } = rule.meta;
    // Docs are indented under their heading, so compare with whitespace runs made one space.
    const flat = (t: string): string => t.replace(/\s+/g, " ");
    for (const text of [docs.summary, docs.why, docs.fix, "Why:", "Fix:", "Bad", "Good", `docs/rules/${id}.md`]) expect(flat(run.stdout)).toContain(flat(text));
    // Examples are indented, line by line, so they read as code in a terminal.
    expect(run.stdout).toContain(examples.bad[0].trimEnd().split("\n").map((l) => (l ? `    ${l}` : l)).join("\n"));
    for (const name of Object.keys((rule.meta.options?.schema.properties ?? {}) as object)) expect(run.stdout).toMatch(new RegExp(`Options:[\\s\\S]*${name}`));
  });

  it("exits 2 for an unknown id, with a suggestion", () => {
    const run = runCli(["explain", "upstrem-empty"]);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toBe('wslint: explain: unknown rule "upstrem-empty"; did you mean "upstream-empty"? (`wslint rules` lists them)\n');
    expect(runCli(["explain"]).code).toBe(2);
  });
});
