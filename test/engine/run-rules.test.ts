// The rule runner's shared walk: every node reaches rules without `visits`, only named nodes reach the others.
import { describe, expect, it } from "vitest";
import { defineRule, type Rule } from "../../src/engine/rule.js";
import { runRules } from "../../src/engine/run-rules.js";
import { Model } from "../../src/model/model.js";
import { parseVersion } from "../../src/model/version.js";
import { memoryHost } from "../../src/workspace/host.js";
import { loadWorkspace } from "../../src/workspace/workspace.js";

const CONFIG = "events {}\nhttp {\n    server {\n        listen 80;\n        location / {\n            proxy_pass http://a;\n        }\n    }\n}\n";

function modelOf(text: string): Model {
  const workspace = loadWorkspace(["/t/nginx.conf"], memoryHost({ "/t/nginx.conf": text }));
  return new Model(workspace, { nginxVersion: parseVersion("1.24.0")!, extraDirectives: new Set() });
}

function recordingRule(id: string, seen: string[], visits?: string[]): Rule {
  return defineRule({
    meta: { id, type: "suggestion", severity: "info", docs: { summary: "", why: "", fix: "" }, examples: { bad: [], good: [] } },
    visits,
    visit(node, ctx) {
      seen.push(node.name);
      ctx.report({ node, message: `${id} saw ${node.name}` });
    },
  });
}

describe("runRules", () => {
  it("calls a rule without `visits` for every node, and one with `visits` only for those names", () => {
    const all: string[] = [];
    const some: string[] = [];
    const problems = runRules(modelOf(CONFIG), [recordingRule("all", all), recordingRule("some", some, ["listen", "proxy_pass"])]);
    expect(all).toEqual(["events", "http", "server", "listen", "location", "proxy_pass"]);
    expect(some).toEqual(["listen", "proxy_pass"]);
    expect(problems.filter((p) => p.ruleId === "some").map((p) => p.range.start.line)).toEqual([4, 6]);
  });

  it("skips a rule turned off, whatever it visits", () => {
    const seen: string[] = [];
    runRules(modelOf(CONFIG), [recordingRule("off-rule", seen, ["listen"])], { "off-rule": "off" });
    expect(seen).toEqual([]);
  });
});
