// Builds the JSON Schema of `wslint.config.json` from the rules' metadata; scripts/gen-config-schema.mjs writes
// it to schema/wslint.config.schema.json, which editors read and the loader validates against.
import { allRules } from "../../rules/index.js";
import type { RuleMeta } from "../engine/rule.js";
import { MODULE_DIRECTIVES } from "../reference/third-party-modules.js";

export const SEVERITY_SETTINGS = ["off", "info", "warning", "error"] as const;

/** Every id the `rules` key accepts: the rules, and the engine's own reports about suppression comments. */
export function configurableRules(): RuleMeta[] {
  return [...allRules].map((r) => r.meta).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Draft-07, because editors (VS Code's JSON service) understand it fully. `errorMessage` is not a standard
 * keyword: VS Code shows it when a value fails, and the loader uses it for the same purpose.
 */
export function buildConfigSchema(rules: readonly RuleMeta[] = configurableRules()): Record<string, unknown> {
  const nonEmptyStrings = (description: string, examples?: string[]) => ({
    type: "array",
    description,
    items: { type: "string", minLength: 1, ...(examples ? { examples } : {}) },
  });
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "wslint configuration",
    description: "Configuration of wslint, the nginx WebSocket reverse-proxy linter (wslint.config.json).",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string", description: "The JSON Schema editors validate this file against." },
      nginxVersion: {
        type: "string",
        description: "Target nginx version; defaults that changed between versions (proxy_http_version, keepalive) follow it.",
        pattern: "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$",
        errorMessage: "must be an nginx version like 1.24.0",
        examples: ["1.24.0", "1.22.1", "1.29.7"],
      },
      rules: {
        type: "object",
        description: 'Per rule: "off", a severity, or [severity, { options }].',
        additionalProperties: false,
        properties: Object.fromEntries(rules.map((meta) => [meta.id, ruleSchema(meta)])),
      },
      websocketLocations: nonEmptyStrings("Location paths that serve WebSocket connections, beside those found from evidence.", [
        "/ws/",
        "/socket.io/",
      ]),
      modules: nonEmptyStrings(
        "Third-party modules whose directives are known (a module name from the list, or any directive name).",
        Object.keys(MODULE_DIRECTIVES),
      ),
      ignore: nonEmptyStrings("Globs of files not to report on, relative to this file's directory.", ["vendor/**", "*.bak"]),
    },
    definitions: {
      severity: { enum: [...SEVERITY_SETTINGS], description: '"off" disables the rule; otherwise the severity of its problems.' },
    },
  };
}

/** A bare severity, or a `[severity, options]` tuple whose options follow the rule's own schema. */
function ruleSchema(meta: RuleMeta): Record<string, unknown> {
  const options = meta.options?.schema ?? { type: "object", additionalProperties: false, description: "This rule has no options." };
  return {
    description: `${meta.docs.summary} Default severity: ${meta.severity}.`,
    default: meta.severity,
    // if/then/else rather than anyOf: a failing value then gets the errors of one branch, not of both.
    if: { type: "array" },
    then: {
      type: "array",
      minItems: 1,
      maxItems: 2,
      items: [{ $ref: "#/definitions/severity" }, options],
      additionalItems: false,
      errorMessage: "must be a severity or [severity, { options }]",
    },
    else: { $ref: "#/definitions/severity" },
  };
}

/** The file's exact text, shared by the generator and the test that fails when the file is stale. */
export function configSchemaText(): string {
  return `${JSON.stringify(buildConfigSchema(), null, 2)}\n`;
}
