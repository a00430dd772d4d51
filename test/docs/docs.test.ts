// The generated docs (docs/rules/*.md, the README's rule table) match the rules' metadata; the generator's check catches drift.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { allRules } from "../../rules/index.js";
import { checkDocs, END, renderRulePage, ROOT, START } from "../../scripts/gen-docs.js";
import type { Rule, RuleMeta } from "../../src/engine/rule.js";

describe("docs in this checkout", () => {
  it("are current: every rule has its page, no page lacks a rule, the README table matches", () => {
    const problems = checkDocs();
    expect(problems, `${problems.join("\n")}\nrun \`npm run docs\``).toEqual([]);
  });

  it("`tsx scripts/gen-docs.ts --check` (what `npm run docs -- --check` runs) exits 0", () => {
    const run = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/gen-docs.ts", "--check"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});

describe("the generator's check", () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

  const fake = (id: string, extra: Partial<RuleMeta> & { verifiedOn?: string } = {}): Rule => ({
    meta: {
      id, type: "problem", severity: "warning", fixable: true,
      docs: { summary: `Finds ${id} | with a pipe.`, why: "Because.", fix: "Fix it." },
      examples: { bad: ["events {}\n"], good: ["events {}\nhttp {}\n"] },
      ...extra,
    },
  });

  function generatedRoot(): string {
    const root = mkdtempSync(join(tmpdir(), "wslint-docs-"));
    roots.push(root);
    mkdirSync(join(root, "docs/rules"), { recursive: true });
    writeFileSync(join(root, "README.md"), `# x\n\n## Rules\n\n${START}\n${END}\n\n## More\n`);
    return root;
  }

  it("reports missing pages, stale pages, orphan pages and a README without markers", () => {
    const rules = [fake("alpha"), fake("beta")];
    const root = generatedRoot();
    expect(checkDocs(root, rules)).toEqual(expect.arrayContaining(["docs/rules/alpha.md is missing", "docs/rules/beta.md is missing", "docs/rules/README.md is missing", "README.md is stale"]));
    writeFileSync(join(root, "docs/rules/alpha.md"), renderRulePage(rules[0].meta));
    writeFileSync(join(root, "docs/rules/beta.md"), "hand-edited\n");
    writeFileSync(join(root, "docs/rules/gone.md"), "a rule that was removed\n");
    const problems = checkDocs(root, rules);
    expect(problems).not.toContain("docs/rules/alpha.md is missing");
    expect(problems).toEqual(expect.arrayContaining(["docs/rules/beta.md is stale", "docs/rules/gone.md documents no registered rule"]));
    writeFileSync(join(root, "README.md"), "# x\n\n## Rules\n");
    expect(checkDocs(root, rules).join("\n")).toMatch(/README\.md has no "<!-- rules:start -->"/);
  });

  it("reports a rule id registered twice", () => {
    const rules = [fake("alpha"), fake("alpha")];
    expect(checkDocs(generatedRoot(), rules)).toContain('rule id "alpha" is registered twice');
  });
});

describe("a rule page", () => {
  it("shows the metadata: summary, type, severity, fixable, why, fix, every example as nginx code", () => {
    for (const { meta } of allRules) {
      const page = renderRulePage(meta);
      for (const text of [meta.docs.summary, meta.docs.why, meta.docs.fix, `default severity | ${meta.severity}`]) expect(page).toContain(text);
      for (const code of [...meta.examples.bad, ...meta.examples.good]) expect(page).toContain("```nginx\n" + code.replace(/\n$/, "") + "\n```");
    }
  });

  it("says which nginx verified it when the meta says so, and nothing when not", () => {
    const meta = allRules[0].meta;
    expect(renderRulePage({ ...meta, verifiedOn: "1.22.1" } as RuleMeta)).toContain("Verified against nginx 1.22.1");
    expect(renderRulePage({ ...meta, verifiedOn: undefined } as RuleMeta)).not.toContain("Verified against");
  });

  it("documents options from their schema and defaults", () => {
    const options = { schema: { type: "object", properties: { minimum: { type: "string", description: "shortest accepted timeout" } } }, defaults: { minimum: "3600s" } };
    const page = renderRulePage({ ...allRules[0].meta, options });
    expect(page).toContain('| `minimum` | string | `"3600s"` | shortest accepted timeout |');
    expect(page).toContain(`"${allRules[0].meta.id}": [\n      "${allRules[0].meta.severity}",\n      {\n        "minimum": "3600s"`);
  });

  it("fences examples that contain backticks with a longer fence", () => {
    const page = renderRulePage({ ...allRules[0].meta, examples: { bad: ["# ``` in a comment\nevents {}\n"], good: [] } });
    expect(page).toContain("````nginx\n# ``` in a comment\nevents {}\n````");
  });
});
