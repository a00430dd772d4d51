// The shipped JSON Schema is generated from the rules' metadata; this fails when a rule changed and it was not.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { allRules } from "../../rules/index.js";
import { buildConfigSchema, configSchemaText } from "../../src/config/schema.js";

const shipped = readFileSync(new URL("../../schema/wslint.config.schema.json", import.meta.url), "utf8");

describe("schema/wslint.config.schema.json", () => {
  it("is up to date with the rules (regenerate: node scripts/gen-config-schema.mjs)", () => {
    expect(shipped).toBe(configSchemaText());
  });

  it("is a valid draft-07 schema that ajv compiles in strict mode", () => {
    const ajv = new Ajv({ strict: true, strictTuples: false });
    ajv.addKeyword("errorMessage");
    expect(ajv.validateSchema(JSON.parse(shipped))).toBe(true);
    expect(() => ajv.compile(JSON.parse(shipped))).not.toThrow();
  });

  it("lists every rule id, and takes a rule's options schema from its metadata", () => {
    const schema = buildConfigSchema() as { properties: { rules: { properties: Record<string, { then: { items: unknown[] } }> } } };
    const rules = schema.properties.rules.properties;
    for (const rule of allRules) {
      expect(Object.keys(rules)).toContain(rule.meta.id);
      if (rule.meta.options) expect(rules[rule.meta.id].then.items[1]).toEqual(rule.meta.options.schema);
    }
  });
});
