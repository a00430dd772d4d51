// The shape of `wslint.config.json` and the one error the config loader throws.
import type { RuleConfig } from "../engine/run-rules.js";

export const CONFIG_FILE_NAME = "wslint.config.json";

export interface WslintConfig {
  /** Where editors find the JSON Schema; ignored by wslint. */
  $schema?: string;
  /** Target nginx version, e.g. "1.22.1". */
  nginxVersion?: string;
  /** Per rule: a severity or "off", or `[severity, { options }]`. */
  rules?: Record<string, RuleConfig>;
  /** Location paths to treat as WebSocket endpoints even without other evidence. */
  websocketLocations?: string[];
  /** Third-party modules (`lua`, `headers-more`, ...) or directive names whose directives are known. */
  modules?: string[];
  /** Globs of files not to report on, relative to the config file's directory. */
  ignore?: string[];
}

/** One thing wrong with a config file: `keyPath` is empty for the whole file, `line` is set for JSON syntax. */
export interface ConfigIssue {
  keyPath: string;
  message: string;
  line?: number;
  column?: number;
}

/**
 * A config file that cannot be used: unreadable, not JSON, or not valid against the schema. The message has
 * one line per issue, each naming the file and the key, so the CLI prints it as is (exit code 2).
 */
export class ConfigError extends Error {
  constructor(
    /** The file as shown in messages (as given, or relative to the working directory). */
    readonly file: string,
    readonly issues: ConfigIssue[],
  ) {
    super(issues.map((issue) => formatIssue(file, issue)).join("\n"));
    this.name = "ConfigError";
  }
}

function formatIssue(file: string, issue: ConfigIssue): string {
  const where = issue.line !== undefined ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
  return issue.keyPath ? `${where}: ${issue.keyPath}: ${issue.message}` : `${where}: ${issue.message}`;
}
