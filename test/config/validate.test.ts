// Every way a config can be wrong, each message naming the file and the key path.
import { describe, expect, it } from "vitest";
import { buildConfigSchema, configurableRules } from "../../src/config/schema.js";
import { ConfigError } from "../../src/config/types.js";
import { validateConfig } from "../../src/config/validate.js";
import type { RuleMeta } from "../../src/engine/rule.js";

const FILE = "wslint.config.json";

/** The message the loader would show for `data`, or "valid". */
function messageFor(data: unknown, schema?: object): string {
  try {
    validateConfig(data, FILE, schema);
    return "valid";
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.message;
  }
}

// A rule with options, so option errors are tested whatever the real rules' options are.
const withOptions: RuleMeta = {
  id: "timeout-rule",
  type: "problem",
  severity: "warning",
  docs: { summary: "s", why: "w", fix: "f" },
  examples: { bad: [], good: [] },
  options: {
    schema: {
      type: "object",
      properties: { minimum: { type: "string", pattern: "^[0-9]+s$", errorMessage: "must be a time like 3600s" }, strict: { type: "boolean" } },
      additionalProperties: false,
    },
    defaults: { minimum: "3600s" },
  },
};
const noOptions: RuleMeta = { ...withOptions, id: "plain-rule", options: undefined };
const testSchema = buildConfigSchema([noOptions, withOptions]);

describe("validateConfig", () => {
  it("accepts a full config and returns it", () => {
    const config = {
      $schema: "./node_modules/wslint/schema/wslint.config.schema.json",
      nginxVersion: "1.22.1",
      rules: { "syntax-error": "warning", "unknown-directive": ["error"], "unused-suppression": "off" },
      websocketLocations: ["/ws/", "/socket.io/"],
      modules: ["lua", "more_set_headers"],
      ignore: ["vendor/**"],
    };
    expect(validateConfig(config, FILE)).toEqual(config);
    expect(messageFor({ nginxVersion: "1.25" })).toBe("valid");
    expect(messageFor({ rules: { "timeout-rule": ["warning", { minimum: "7200s", strict: true }] } }, testSchema)).toBe("valid");
  });

  it("knows every rule and the engine's suppression reports", () => {
    const ids = configurableRules().map((r) => r.id);
    expect(ids).toContain("unused-suppression");
    expect(ids).toContain("unknown-suppression");
    expect(messageFor({ rules: Object.fromEntries(ids.map((id) => [id, "info"])) })).toBe("valid");
  });

  it.each([
    [{ rules: { "syntax-error": "warn" } }, 'rules["syntax-error"]: must be one of off, info, warning, error'],
    [{ rules: { "syntax-error": 2 } }, 'rules["syntax-error"]: must be one of off, info, warning, error'],
    [{ rules: { "syntax-error": ["warn"] } }, 'rules["syntax-error"][0]: must be one of off, info, warning, error'],
    [{ rules: { "syntax-error": [] } }, 'rules["syntax-error"]: must be a severity or [severity, { options }]'],
    [{ rules: { "syntax-error": ["error", {}, {}] } }, 'rules["syntax-error"]: must be a severity or [severity, { options }]'],
    [{ rules: { "syntax-eror": "error" } }, 'rules["syntax-eror"]: unknown rule; did you mean "syntax-error"?'],
    [{ rules: { "no-such-thing-at-all": "error" } }, 'rules["no-such-thing-at-all"]: unknown rule; run "wslint rules" for the list'],
    [{ rules: ["syntax-error"] }, "rules: must be an object"],
    [{ nginxVersion: "1.22.x" }, "nginxVersion: must be an nginx version like 1.24.0"],
    [{ nginxVersion: 1.22 }, "nginxVersion: must be a string"],
    [{ websocketLocations: "/ws/" }, "websocketLocations: must be an array"],
    [{ websocketLocations: ["/ws/", 3] }, "websocketLocations[1]: must be a string"],
    [{ modules: ["lua", ""] }, "modules[1]: must not be empty"],
    [{ ignore: [{}] }, "ignore[0]: must be a string"],
    [{ rule: {} }, 'rule: unknown key; did you mean "rules"?'],
    [{ extends: "base" }, "extends: unknown key; expected one of $schema, nginxVersion, rules, websocketLocations, modules, ignore"],
    [{ "nginx version": "1.22.1" }, '["nginx version"]: unknown key; did you mean "nginxVersion"?'],
  ])("%j → %s", (data, message) => {
    expect(messageFor(data)).toBe(`${FILE}: ${message}`);
  });

  it.each([
    [{ rules: { "timeout-rule": ["warning", { minimum: "1h" }] } }, 'rules["timeout-rule"][1].minimum: must be a time like 3600s'],
    [{ rules: { "timeout-rule": ["warning", { strict: "yes" }] } }, 'rules["timeout-rule"][1].strict: must be true or false'],
    [{ rules: { "timeout-rule": ["warning", { minimun: "10s" }] } }, 'rules["timeout-rule"][1].minimun: unknown option; did you mean "minimum"?'],
    [{ rules: { "timeout-rule": ["warning", { other: 1 }] } }, 'rules["timeout-rule"][1].other: unknown option; expected one of minimum, strict'],
    [{ rules: { "timeout-rule": ["warning", "3600s"] } }, 'rules["timeout-rule"][1]: must be an object'],
    [{ rules: { "plain-rule": ["warning", { minimum: "1s" }] } }, 'rules["plain-rule"][1].minimum: unknown option: this rule has no options'],
  ])("options: %j → %s", (data, message) => {
    expect(messageFor(data, testSchema)).toBe(`${FILE}: ${message}`);
  });

  it("rejects a file that is not an object, without a key", () => {
    expect(messageFor([])).toBe(`${FILE}: must be an object`);
    expect(messageFor(null)).toBe(`${FILE}: must be an object`);
  });

  it("lists every problem, one line each, with structured issues", () => {
    let error: ConfigError | undefined;
    try {
      validateConfig({ nginxVersion: "latest", rules: { "syntax-error": "loud" } }, FILE);
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.message.split("\n")).toEqual([
      `${FILE}: nginxVersion: must be an nginx version like 1.24.0`,
      `${FILE}: rules["syntax-error"]: must be one of off, info, warning, error`,
    ]);
    expect(error?.file).toBe(FILE);
    expect(error?.issues[0]).toEqual({ keyPath: "nginxVersion", message: "must be an nginx version like 1.24.0" });
  });
});
