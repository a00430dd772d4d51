// `--rule id:severity` flags (src/config/lint-options.ts lays them over the configuration's rule settings).
import type { RuleSetting } from "../engine/run-rules.js";
import { findRule, unknownRuleMessage } from "./rule-names.js";
import { UsageError } from "./usage-error.js";

const SETTINGS: readonly RuleSetting[] = ["off", "info", "warning", "error"];

export function parseRuleFlags(values: string[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const value of values) {
    const at = value.lastIndexOf(":");
    const id = value.slice(0, at).trim();
    const setting = value.slice(at + 1).trim() as RuleSetting;
    if (at < 0 || !id) throw new UsageError(`--rule: "${value}" is not id:severity (e.g. read-timeout-short:warning)`);
    if (!findRule(id)) throw new UsageError(`--rule: ${unknownRuleMessage(id)}`);
    if (!SETTINGS.includes(setting)) throw new UsageError(`--rule: severity "${setting}" for ${id} is not one of ${SETTINGS.join(", ")}`);
    out[id] = setting;
  }
  return out;
}
