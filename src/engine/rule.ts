// What a rule is: metadata that documents it (docs pages, `wslint explain`, SARIF) and a check over the model.
import type { Model } from "../model/model.js";
import type { Range } from "../syntax/ast.js";
import type { ConfigNode, ConfigTree } from "../workspace/tree.js";
import type { Fix, RelatedLocation, Severity } from "./problem.js";

export interface RuleDocs {
  /** One line: what the rule finds. */
  summary: string;
  /** Why it matters, in terms of nginx's behaviour. */
  why: string;
  /** How to fix it. */
  fix: string;
}

export interface RuleMeta {
  /** kebab-case, equal to the file name, never changed once released. */
  id: string;
  /** "validation": nginx -t would reject it; "problem": it breaks at run time; "suggestion": advisory. */
  type: "validation" | "problem" | "suggestion";
  severity: Severity;
  docs: RuleDocs;
  /** Configs the rule must flag (bad) and leave alone (good); they run as tests and fill the docs page. */
  examples: { bad: string[]; good: string[] };
  fixable?: boolean;
  /**
   * The nginx version the rule's claim was proven on by the ground-truth suite (test/ground-truth), which
   * checks that this stays true; the docs page says it.
   */
  verifiedOn?: string;
  /** JSON Schema of the rule's options (validated with the config file), and their defaults. */
  options?: { schema: Record<string, unknown>; defaults: Record<string, unknown> };
}

export interface Finding {
  /** The directive the finding is about; its name is highlighted unless `range` says otherwise. */
  node?: ConfigNode;
  /** Where, when there is no node (syntax errors) or a narrower span is meant. */
  file?: string;
  range?: Range;
  message: string;
  /** Overrides the rule's severity for this finding (e.g. an error when nginx -t fails, else a warning). */
  severity?: Severity;
  fix?: Fix;
  related?: RelatedLocation[];
}

export interface RuleContext {
  model: Model;
  /** The rule's options: its defaults overlaid with what the configuration sets. */
  options: Record<string, unknown>;
  report(finding: Finding): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Whole-model checks (upstream tables, files), run once per lint. */
  check?(ctx: RuleContext): void;
  /**
   * Per-directive checks, called for every node of every tree in document order, opaque ones (map entries,
   * unknown blocks) included. All rules share one walk: on large configs the walks cost more than the checks.
   */
  visit?(node: ConfigNode, ctx: RuleContext, tree: ConfigTree): void;
  /**
   * The directive names `visit` is about, when it is about a few: it is then called for nodes of those names
   * only. Most rules look at one or two names, and 16 calls per node were a fifth of the rules' time.
   */
  visits?: readonly string[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
