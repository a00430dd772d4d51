// Finds, reads and validates `wslint.config.json` for a linted file: the one place outside src/cli and server/
// that reads from disk, because both the CLI and the language server need the same lookup.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { parseJsonText } from "./json-text.js";
import { CONFIG_FILE_NAME, ConfigError, type WslintConfig } from "./types.js";
import { validateConfig } from "./validate.js";

export { configToLintOptions, mergeLintOptions } from "./lint-options.js";
export { CONFIG_FILE_NAME, ConfigError, type ConfigIssue, type WslintConfig } from "./types.js";

export interface LoadConfigOptions {
  /** `--config FILE`: used as is, no search; a missing file is an error. */
  explicitPath?: string;
  /** The linted file (or directory): the search starts in its directory. */
  forFile: string;
  /** Base for relative paths and for the names shown in messages; default: the process's working directory. */
  cwd?: string;
}

export interface LoadedConfig {
  /** Absolute path of the config file; undefined when none was found. */
  path?: string;
  config: WslintConfig;
}

/** Throws ConfigError when the file cannot be read, is not JSON, or does not match the schema. */
export function loadConfig(options: LoadConfigOptions): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  const path = options.explicitPath !== undefined ? resolve(cwd, options.explicitPath) : findConfigFile(resolve(cwd, options.forFile));
  if (!path) return { config: {} };
  const shown = options.explicitPath ?? displayName(path, cwd);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(shown, [{ keyPath: "", message: `cannot read: ${reason(error)}` }]);
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    throw new ConfigError(shown, [{ keyPath: "", message: `invalid JSON: ${parsed.message}`, line: parsed.line, column: parsed.column }]);
  }
  return { path, config: validateConfig(parsed.value, shown) };
}

/**
 * The nearest `wslint.config.json` from the file's directory upward. The search stops at the filesystem root
 * and after a directory holding `.git` (a repository's root), so a config outside the project never applies.
 */
export function findConfigFile(forFile: string): string | undefined {
  let dir = isDirectory(forFile) ? forFile : dirname(forFile);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    if (existsSync(join(dir, ".git"))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Relative to the working directory when inside it (`wslint.config.json: ...`), else absolute. */
function displayName(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return (error as Error).message;
}
