// Turns a loaded config into lint() options, and lays command-line options over them.
import type { LintOptions } from "../engine/lint.js";
import type { RuleConfig } from "../engine/run-rules.js";
import { resolveIgnoreGlobs } from "./ignore.js";
import { modulesToDirectives } from "../reference/third-party-modules.js";
import type { WslintConfig } from "./types.js";

/**
 * Only keys the config sets appear in the result, so spreading it never clears an option. `configPath` (from
 * loadConfig) anchors the `ignore` globs; without it they are taken as written.
 */
export function configToLintOptions(config: WslintConfig, configPath?: string): Partial<LintOptions> {
  const out: Partial<LintOptions> = {};
  if (config.nginxVersion !== undefined) out.nginxVersion = config.nginxVersion;
  if (config.rules !== undefined) out.rules = { ...config.rules };
  if (config.websocketLocations !== undefined) out.websocketLocations = [...config.websocketLocations];
  if (config.modules !== undefined) out.extraDirectives = modulesToDirectives(config.modules);
  if (config.ignore !== undefined) out.ignore = resolveIgnoreGlobs(config.ignore, configPath);
  return out;
}

/**
 * Command-line options win over the config: scalars replace, lists add up (`--known-directive` adds to
 * `modules`), and `--rule id:severity` replaces a rule's severity but keeps the options the config gave it.
 */
export function mergeLintOptions(fromConfig: Partial<LintOptions>, fromFlags: Partial<LintOptions>): LintOptions {
  const merged: LintOptions = { ...fromConfig };
  for (const [key, value] of Object.entries(fromFlags) as [keyof LintOptions, unknown][]) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  const lists = ["extraDirectives", "websocketLocations", "ignore"] as const;
  for (const key of lists) {
    if (fromConfig[key] && fromFlags[key]) merged[key] = [...new Set([...fromConfig[key], ...fromFlags[key]])];
  }
  if (fromConfig.rules && fromFlags.rules) merged.rules = mergeRules(fromConfig.rules, fromFlags.rules);
  return merged;
}

function mergeRules(base: Record<string, RuleConfig>, over: Record<string, RuleConfig>): Record<string, RuleConfig> {
  const out = { ...base };
  for (const [id, setting] of Object.entries(over)) {
    const previous = base[id];
    out[id] = !Array.isArray(setting) && Array.isArray(previous) ? [setting, previous[1]] : setting;
  }
  return out;
}
