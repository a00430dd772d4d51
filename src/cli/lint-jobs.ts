// Which configuration applies to which linted file: entries grouped by their wslint.config.json, each group a lint.
import { ConfigError, configToLintOptions, loadConfig, mergeLintOptions, type WslintConfig } from "../config/load.js";
import type { LintOptions } from "../engine/lint.js";
import type { RuleSetting } from "../engine/run-rules.js";
import { DEFAULT_NGINX_VERSION, parseVersion } from "../model/version.js";
import type { ContextName } from "../reference/contexts.js";
import { detectNginxVersion } from "./nginx-version.js";
import { UsageError } from "./usage-error.js";

export interface LintJob {
  entries: string[];
  options: LintOptions;
  /** The config file that applies, if any. */
  configPath?: string;
}

export interface JobFlags {
  /** `--config`: one file for every entry instead of the nearest one above each. */
  configPath?: string;
  nginxVersion?: string;
  context?: ContextName;
  prefix?: string;
  knownDirective: string[];
  rules: Record<string, RuleSetting>;
}

/**
 * One job per config file: entries under different configs are linted apart, since their rules and nginx
 * versions may differ. Flags win over every config (src/config/lint-options.ts merges them).
 */
export function planJobs(entries: string[], flags: JobFlags): LintJob[] {
  const groups = new Map<string, { path?: string; config: WslintConfig; entries: string[] }>();
  let explicit: { path?: string; config: WslintConfig } | undefined;
  for (const entry of entries) {
    const loaded = flags.configPath ? (explicit ??= load(flags.configPath, entry)) : load(undefined, entry);
    const key = loaded.path ?? "";
    const group = groups.get(key) ?? { ...loaded, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => {
    const options = mergeLintOptions(configToLintOptions(group.config, group.path), {
      nginxVersion: flags.nginxVersion,
      context: flags.context,
      prefix: flags.prefix,
      extraDirectives: flags.knownDirective.length ? flags.knownDirective : undefined,
      rules: Object.keys(flags.rules).length ? flags.rules : undefined,
    });
    options.nginxVersion = resolveVersion(options.nginxVersion, flags.nginxVersion ? "--nginx-version" : `${group.path}: nginxVersion`);
    return { entries: group.entries, options, configPath: group.path };
  });
}

function load(explicitPath: string | undefined, forFile: string): { path?: string; config: WslintConfig } {
  try {
    return loadConfig({ explicitPath, forFile });
  } catch (e) {
    // The loader's message names the file and the key, one line per issue: shown as it is, exit code 2.
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

const detected: { version?: string } = {};

/** "auto" asks the nginx on PATH once per run, however many configs say it. */
function resolveVersion(option: string | undefined, source: string): string {
  if (!option) return DEFAULT_NGINX_VERSION;
  const text = option === "auto" ? (detected.version ??= detectNginxVersion()) : option;
  if (!parseVersion(text)) throw new UsageError(`${source}: "${option}" is not a version like 1.24.0 (or "auto")`);
  return text;
}
