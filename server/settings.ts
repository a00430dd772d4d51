// The `wslint.*` settings an editor sends, checked leniently (a bad value is dropped and logged, never fatal).
import { isAbsolute, resolve } from "node:path";
import type { LintOptions } from "../src/engine/lint.js";
import type { RuleConfig, RuleSetting } from "../src/engine/run-rules.js";
import { findRule, unknownRuleMessage } from "../src/cli/rule-names.js";
import { parseVersion } from "../src/model/version.js";
import type { ContextName } from "../src/reference/contexts.js";
import { SNIPPET_CONTEXTS } from "../src/workspace/block-contexts.js";

export interface Settings {
  /** Target nginx version, e.g. "1.22.1". */
  nginxVersion?: string;
  /** The main nginx config (absolute, or relative to the first workspace folder): open snippets are linted in its context. */
  configPath?: string;
  /** Rule overrides, as in wslint.config.json: `{ "read-timeout-short": "off" }`. */
  rules?: Record<string, RuleConfig>;
  /** Context of snippet files nothing includes. */
  context?: ContextName;
  /** Third-party directives to accept. */
  knownDirectives?: string[];
}

const SEVERITIES = new Set(["off", "info", "warning", "error"]);

/** Reads the `wslint` section; `problems` collects what was dropped, for the server log. */
export function readSettings(raw: unknown, problems: string[] = []): Settings {
  const out: Settings = {};
  if (raw === null || typeof raw !== "object") return out;
  const s = raw as Record<string, unknown>;
  if (typeof s.nginxVersion === "string" && s.nginxVersion !== "") {
    if (parseVersion(s.nginxVersion)) out.nginxVersion = s.nginxVersion.trim();
    else problems.push(`wslint.nginxVersion: "${s.nginxVersion}" is not a version like 1.24.0`);
  }
  if (typeof s.configPath === "string" && s.configPath !== "") out.configPath = s.configPath;
  if (typeof s.context === "string" && s.context !== "") {
    if ((SNIPPET_CONTEXTS as readonly string[]).includes(s.context)) out.context = s.context as ContextName;
    else problems.push(`wslint.context: "${s.context}" is not one of ${SNIPPET_CONTEXTS.join(", ")}`);
  }
  if (Array.isArray(s.knownDirectives)) out.knownDirectives = s.knownDirectives.filter((d): d is string => typeof d === "string");
  if (s.rules && typeof s.rules === "object") {
    // No prototype: an id such as "__proto__" must be a plain (unknown) key, not a way to change the object.
    const rules: Record<string, RuleConfig> = Object.create(null);
    for (const [id, value] of Object.entries(s.rules as Record<string, unknown>)) {
      if (!findRule(id)) {
        problems.push(`wslint.rules: ${unknownRuleMessage(id)}`);
        continue;
      }
      const severity = Array.isArray(value) ? value[0] : value;
      const options = Array.isArray(value) ? value[1] : undefined;
      if (typeof severity !== "string" || !SEVERITIES.has(severity)) {
        problems.push(`wslint.rules.${id}: expected "off", "info", "warning" or "error"`);
        continue;
      }
      const setting = severity as RuleSetting;
      rules[id] = options && typeof options === "object" ? [setting, options as Record<string, unknown>] : setting;
    }
    out.rules = rules;
  }
  return out;
}

/** Editor settings as lint options; like command-line flags, they win over wslint.config.json. */
export function lintOptions(settings: Settings): Partial<LintOptions> {
  return {
    nginxVersion: settings.nginxVersion,
    rules: settings.rules,
    context: settings.context,
    extraDirectives: settings.knownDirectives,
  };
}

/** `configPath` as an absolute path; a relative one is taken from the first workspace folder. */
export function configPathOf(settings: Settings, roots: string[]): string | undefined {
  const p = settings.configPath;
  if (!p) return undefined;
  if (isAbsolute(p)) return p;
  return resolve(roots[0] ?? process.cwd(), p);
}
