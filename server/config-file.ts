// wslint.config.json for the editor: found as the CLI finds it, read on every lint so edits to it apply at once.
import { ConfigError, configToLintOptions, loadConfig } from "../src/config/load.js";
import type { LintOptions } from "../src/engine/lint.js";

export interface ConfigFileResult {
  options: Partial<LintOptions>;
  /** The loader's message when the file is unusable (the lint then goes on without it). */
  error?: string;
}

/**
 * Reading it each time costs a few stat calls; caching would need the client to report every change to it,
 * and a stale rule setting is worse than a microsecond.
 */
export function configFileOptions(forFile: string | undefined, cwd: string | undefined): ConfigFileResult {
  if (!forFile) return { options: {} };
  try {
    const loaded = loadConfig({ forFile, cwd });
    return { options: configToLintOptions(loaded.config, loaded.path) };
  } catch (e) {
    if (e instanceof ConfigError) return { options: {}, error: e.message };
    throw e;
  }
}
