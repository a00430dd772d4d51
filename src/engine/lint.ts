// The one entry point the CLI and the language server share: files in, problems out.
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { ignoreMatcher } from "../config/ignore.js";
import { Model } from "../model/model.js";
import { DEFAULT_NGINX_VERSION, parseVersion } from "../model/version.js";
import type { ContextName } from "../reference/contexts.js";
import type { Host } from "../workspace/host.js";
import { loadWorkspace, type Workspace } from "../workspace/workspace.js";
import { allRules } from "../../rules/index.js";
import type { Problem } from "./problem.js";
import { runRules, type RuleConfig } from "./run-rules.js";
import { applySuppressions } from "./suppressions.js";

export interface LintOptions {
  /** Target nginx version, e.g. "1.22.1". */
  nginxVersion?: string;
  /** Context of snippet files (`--context`). */
  context?: ContextName;
  /**
   * Directory relative includes resolve against; default: a main config's own directory, and for a snippet the
   * nearest directory above it that holds an nginx.conf (else its own).
   */
  prefix?: string;
  /** Per-rule severity or "off", optionally with options. */
  rules?: Record<string, RuleConfig>;
  /** Third-party directive names to accept as known (lua, headers-more, ...). */
  extraDirectives?: string[];
  /** Location paths to treat as WebSocket endpoints (config `websocketLocations`). */
  websocketLocations?: string[];
  /** Absolute globs of files not to lint nor report on (config `ignore`, resolved by configToLintOptions). */
  ignore?: string[];
}

export interface LintResult {
  workspace: Workspace;
  model: Model;
  problems: Problem[];
  /** Milliseconds per phase, for `npm run bench`'s breakdown: cheap to take, so always taken. */
  timings: LintTimings;
}

export interface LintTimings {
  /** Reading, parsing and include expansion. */
  workspace: number;
  /** Symbols: variables, upstreams, loaded modules. */
  model: number;
  /** Every rule, with the model facts they compute on demand (WebSocket locations, effective values). */
  rules: number;
  suppressions: number;
}

export function lint(entries: string[], host: Host, options: LintOptions = {}): LintResult {
  const nginxVersion = parseVersion(options.nginxVersion ?? DEFAULT_NGINX_VERSION) ?? parseVersion(DEFAULT_NGINX_VERSION)!;
  const ignored = ignoreMatcher(options.ignore ?? []);
  let last = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return elapsed;
  };
  const workspace = loadWorkspace(entries.filter((e) => !ignored(resolve(e))), host, { context: options.context, prefix: options.prefix });
  const workspaceMs = lap();
  const model = new Model(workspace, {
    nginxVersion,
    extraDirectives: new Set(options.extraDirectives ?? []),
    websocketLocations: options.websocketLocations,
  });
  const modelMs = lap();
  const found = runRules(model, allRules, options.rules);
  const rulesMs = lap();
  // Suppression comments are read after the rules ran: they filter problems, rules never see them.
  const suppressed = applySuppressions(found, workspace, { ruleIds, rules: options.rules });
  // An ignored file can still be included by a linted one; it is parsed for its includer but not reported on.
  const problems = options.ignore?.length ? suppressed.filter((p) => !ignored(p.file)) : suppressed;
  const timings = { workspace: workspaceMs, model: modelMs, rules: rulesMs, suppressions: lap() };
  return { workspace, model, problems, timings };
}

const ruleIds: ReadonlySet<string> = new Set(allRules.map((r) => r.meta.id));
