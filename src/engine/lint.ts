// The one entry point the CLI and the language server share: files in, problems out.
import { Model } from "../model/model.js";
import { DEFAULT_NGINX_VERSION, parseVersion } from "../model/version.js";
import type { ContextName } from "../reference/contexts.js";
import type { Host } from "../workspace/host.js";
import { loadWorkspace, type Workspace } from "../workspace/workspace.js";
import { allRules } from "../../rules/index.js";
import type { Problem } from "./problem.js";
import { runRules, type RuleConfig } from "./run-rules.js";

export interface LintOptions {
  /** Target nginx version, e.g. "1.22.1". */
  nginxVersion?: string;
  /** Context of snippet files (`--context`). */
  context?: ContextName;
  /** Directory relative includes resolve against; default: each entry file's directory. */
  prefix?: string;
  /** Per-rule severity or "off", optionally with options. */
  rules?: Record<string, RuleConfig>;
  /** Third-party directive names to accept as known (lua, headers-more, ...). */
  extraDirectives?: string[];
}

export interface LintResult {
  workspace: Workspace;
  model: Model;
  problems: Problem[];
}

export function lint(entries: string[], host: Host, options: LintOptions = {}): LintResult {
  const nginxVersion = parseVersion(options.nginxVersion ?? DEFAULT_NGINX_VERSION) ?? parseVersion(DEFAULT_NGINX_VERSION)!;
  const workspace = loadWorkspace(entries, host, { context: options.context, prefix: options.prefix });
  const model = new Model(workspace, { nginxVersion, extraDirectives: new Set(options.extraDirectives ?? []) });
  const problems = runRules(model, allRules, options.rules);
  return { workspace, model, problems };
}
