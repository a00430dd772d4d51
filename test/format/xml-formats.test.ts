// Checkstyle and JUnit XML: well-formed, escaped, and carrying every problem.
import { describe, expect, it } from "vitest";
import { checkstyle } from "../../src/format/checkstyle.js";
import { junit } from "../../src/format/junit.js";
import { xmlEscape } from "../../src/format/xml.js";
import { runCli } from "../support/run-cli.js";
import { input, problem, ROOT } from "./format-input.js";
import { findAll, parseXml } from "./xml-check.js";

const nasty = `a <tag> & "quotes" 'apos'\nline two\ttab \u0001 control ]]> end`;

describe("xmlEscape", () => {
  it("escapes markup, keeps line breaks through attribute normalisation, and replaces characters XML forbids", () => {
    expect(xmlEscape(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    expect(xmlEscape("a\nb\r\tc")).toBe("a&#10;b&#13;&#9;c");
    expect(xmlEscape("\u0000\u001f\ud800x\uffff")).toBe("\ufffd\ufffd\ufffdx\ufffd");
    expect(xmlEscape("\ud83d\ude00")).toBe("\ud83d\ude00");
  });
});

describe("checkstyle format", () => {
  it("is well-formed and round-trips awkward messages and file names", () => {
    const file = `${ROOT}/a&b <c>.conf`;
    const xml = checkstyle(input([problem(file, 4, 2, 6, { message: nasty, severity: "warning" })], { files: [file, `${ROOT}/clean.conf`] }));
    const root = parseXml(xml);
    expect(root.name).toBe("checkstyle");
    const files = findAll(root, "file");
    expect(files.map((f) => f.attrs.name)).toEqual(["a&b <c>.conf", "clean.conf"]);
    const [error] = findAll(root, "error");
    expect(error.attrs).toEqual({ line: "4", column: "2", severity: "warning", message: nasty.replace("\u0001", "\ufffd"), source: "wslint.proxy-http-version" });
  });

  it("reports the broken example, end to end", () => {
    const run = runCli(["--format", "checkstyle", "examples/chat-broken.conf"]);
    expect(run.code).toBe(1);
    const errors = findAll(parseXml(run.stdout), "error");
    expect(errors).toContainEqual(expect.objectContaining({ attrs: expect.objectContaining({ line: "19", column: "41", source: "wslint.undefined-variable" }) }));
  });
});

describe("junit format", () => {
  it("is one well-formed test suite: a failing case per problem, a passing case per clean file", () => {
    const file = `${ROOT}/site.conf`;
    const xml = junit(input([problem(file, 1, 1, 3, { message: nasty }), problem(file, 2, 1, 3, { ruleId: "other" })], { files: [file, `${ROOT}/ok.conf`] }));
    const root = parseXml(xml);
    expect(findAll(root, "testsuite")).toHaveLength(1);
    const suite = findAll(root, "testsuite")[0];
    expect(suite.attrs).toMatchObject({ tests: "3", failures: "2" });
    const cases = findAll(root, "testcase");
    expect(cases.map((c) => c.attrs.name)).toEqual(["proxy-http-version at site.conf:1:1", "other at site.conf:2:1", "ok.conf"]);
    const failure = findAll(cases[0], "failure")[0];
    expect(failure.attrs.message).toBe(nasty.replace("\u0001", "\ufffd"));
    expect(failure.text).toContain("]]> end");
    expect(findAll(cases[2], "failure")).toEqual([]);
  });

  it("reports the broken example, end to end", () => {
    const run = runCli(["--format", "junit", "examples/chat-broken.conf"]);
    expect(run.code).toBe(1);
    const root = parseXml(run.stdout);
    expect(findAll(root, "failure").length).toBeGreaterThanOrEqual(3);
  });
});
