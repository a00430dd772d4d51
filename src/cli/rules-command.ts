// `wslint rules` (the rule table) and `wslint explain <id>` (a rule's documentation, offline).
import { allRules } from "../../rules/index.js";
import { ruleHelpText } from "../format/rule-help.js";
import { findRule, unknownRuleMessage } from "./rule-names.js";
import { UsageError } from "./usage-error.js";

export function runRules(): string {
  const rows = [["rule", "severity", "fixable", "summary"], ...allRules.map((r) => [r.meta.id, r.meta.severity, r.meta.fixable ? "yes" : "", r.meta.docs.summary])];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => [0, 1, 2].map((c) => r[c].padEnd(widths[c])).join("  ") + "  " + r[3]).join("\n") + "\n";
}

export function runExplain(id: string): string {
  const rule = findRule(id);
  if (!rule) throw new UsageError(`explain: ${unknownRuleMessage(id)}`);
  return ruleHelpText(rule.meta);
}
