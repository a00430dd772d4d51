// JSON syntax errors in a config file are reported at their line and column, in words, on any Node version.
import { describe, expect, it } from "vitest";
import { parseJsonText } from "../../src/config/json-text.js";

describe("parseJsonText", () => {
  it("parses valid JSON, with or without a byte order mark", () => {
    expect(parseJsonText('{ "a": [1, -2.5e3, "x\\u00e9", true, null] }')).toEqual({ ok: true, value: { a: [1, -2500, "xé", true, null] } });
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each([
    ['{\n  "a": 1,\n}', 2, 9, "trailing comma is not allowed in JSON"],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected "," or "}", found "\\""'],
    ["{\n  a: 1\n}", 2, 3, 'expected a property name in double quotes, found "a"'],
    ["{ \"a\": 'x' }", 1, 8, "strings must use double quotes"],
    ['{\n  // note\n  "a": 1\n}', 2, 3, "comments are not allowed in JSON"],
    ['{ "a": [1, 2 }', 1, 14, 'expected "," or "]", found "}"'],
    ['{ "a": "open', 1, 8, "unterminated string"],
    ['{ "a": 01 }', 1, 9, 'expected "," or "}", found "1"'],
    ['{ "a": "\\q" }', 1, 9, 'invalid escape "\\q"'],
    ['{ "a": 1 } x', 1, 12, 'expected end of file, found "x"'],
    ["", 1, 1, "expected a value, found end of file"],
    ['{ "a":', 1, 7, "expected a value, found end of file"],
  ])("%j fails at %i:%i", (text, line, column, message) => {
    expect(parseJsonText(text)).toEqual({ ok: false, line, column, message });
  });

  it("counts columns after a byte order mark as editors do", () => {
    expect(parseJsonText("\uFEFF{,}")).toMatchObject({ ok: false, line: 1, column: 3 });
  });
});
