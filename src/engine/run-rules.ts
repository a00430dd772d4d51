// Runs every enabled rule over one model and turns findings into positioned, de-duplicated problems.
import type { Model } from "../model/model.js";
import { compareProblems, type Problem, type Severity } from "./problem.js";
import { walk } from "../workspace/tree.js";
import type { Finding, Rule, RuleContext } from "./rule.js";

export type RuleSetting = "off" | Severity;
/** A rule's configuration: a severity (or "off"), optionally with options: `["warning", { minimum: "1h" }]`. */
export type RuleConfig = RuleSetting | [RuleSetting, Record<string, unknown>];

/** The severity (or "off") a rule's configuration sets, options or not. */
export function settingOf(config: RuleConfig | undefined): RuleSetting | undefined {
  return Array.isArray(config) ? config[0] : config;
}

export function runRules(model: Model, rules: readonly Rule[], config: Record<string, RuleConfig> = {}): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const enabled = rules.filter((r) => settingOf(config[r.meta.id]) !== "off");
  const contexts = enabled.map((rule): RuleContext => {
    const ruleConfig = config[rule.meta.id];
    const setting = settingOf(ruleConfig) as Severity | undefined;
    const options = { ...rule.meta.options?.defaults, ...(Array.isArray(ruleConfig) ? ruleConfig[1] : {}) };
    const report = (f: Finding): void => {
      const problem = toProblem(rule, f, setting);
      if (!problem) return;
      // A file included in several places is checked in each; say each thing once.
      const key = `${problem.ruleId}\0${problem.file}\0${problem.range.start.offset}\0${problem.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      problems.push(problem);
    };
    return { model, options, report };
  });
  enabled.forEach((rule, i) => rule.check?.(contexts[i]));
  const { everyNode, byName } = dispatchTable(enabled, contexts);
  for (const tree of model.trees) {
    walk(tree.roots, (node) => {
      for (let i = 0; i < everyNode.length; i++) everyNode[i].visit(node, everyNode[i].ctx, tree);
      const named = byName.get(node.name);
      if (named) for (let i = 0; i < named.length; i++) named[i].visit(node, named[i].ctx, tree);
    });
  }
  return problems.sort(compareProblems);
}

interface Visitor {
  visit: NonNullable<Rule["visit"]>;
  ctx: RuleContext;
}

/** Visitors of every node, and those of nodes with a given name (rules that declare `visits`). */
function dispatchTable(rules: readonly Rule[], contexts: readonly RuleContext[]): { everyNode: Visitor[]; byName: Map<string, Visitor[]> } {
  const everyNode: Visitor[] = [];
  const byName = new Map<string, Visitor[]>();
  rules.forEach((rule, i) => {
    if (!rule.visit) return;
    const visitor = { visit: rule.visit, ctx: contexts[i] };
    if (!rule.visits) everyNode.push(visitor);
    for (const name of rule.visits ?? []) byName.set(name, [...(byName.get(name) ?? []), visitor]);
  });
  return { everyNode, byName };
}

function toProblem(rule: Rule, f: Finding, setting: Severity | undefined): Problem | undefined {
  const file = f.file ?? f.node?.file;
  const range = f.range ?? f.node?.directive.name.range;
  if (!file || !range) return undefined;
  return {
    ruleId: rule.meta.id,
    severity: setting ?? f.severity ?? rule.meta.severity,
    message: f.message,
    file,
    range,
    fix: f.fix,
    related: f.related,
  };
}
