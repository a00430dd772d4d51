// The editor's `wslint.*` settings: bad values are dropped with a message for the log, never fatal.
import { describe, expect, it } from "vitest";
import { readSettings } from "../../server/settings.js";

describe("readSettings", () => {
  it("keeps known rules and drops an unknown one with a suggestion", () => {
    const problems: string[] = [];
    const settings = readSettings({ rules: { "read-timeout-short": ["warning", { minimum: "1h" }], "proxy-version": "off" } }, problems);
    expect(settings.rules).toEqual({ "read-timeout-short": ["warning", { minimum: "1h" }] });
    expect(problems).toEqual(['wslint.rules: unknown rule "proxy-version"; did you mean "proxy-http-version"? (`wslint rules` lists them)']);
  });

  it("treats __proto__ and constructor as unknown rule ids, without touching the object's prototype", () => {
    const problems: string[] = [];
    const raw = JSON.parse('{"rules": {"__proto__": ["off", {"x": 1}], "constructor": "off", "origin-check": "off"}}');
    const settings = readSettings(raw, problems);
    expect(Object.getPrototypeOf(settings.rules)).toBeNull();
    expect({ ...settings.rules }).toEqual({ "origin-check": "off" });
    expect(problems).toHaveLength(2);
  });

  it("drops a severity that is not one of off, info, warning, error", () => {
    const problems: string[] = [];
    expect(readSettings({ rules: { "origin-check": "loud" } }, problems).rules).toEqual({});
    expect(problems).toEqual(['wslint.rules.origin-check: expected "off", "info", "warning" or "error"']);
  });
});
