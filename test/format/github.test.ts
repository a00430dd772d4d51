// GitHub workflow-command annotations: one line per problem, levels mapped, data and properties escaped.
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, github } from "../../src/format/github.js";
import { runCli } from "../support/run-cli.js";
import { input, problem, ROOT } from "./format-input.js";

describe("github format", () => {
  it("escapes % and line breaks in the message, and also : and , in properties", () => {
    expect(escapeData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
    expect(escapeProperty("C:\\x,y%z\n")).toBe("C%3A\\x%2Cy%25z%0A");
    const out = github(input([problem(`${ROOT}/odd:name,1%.conf`, 2, 3, 7, { message: "50% of\nlines: bad, really" })]));
    expect(out).toBe("::error file=odd%3Aname%2C1%25.conf,line=2,col=3,endColumn=7,endLine=2,title=proxy-http-version::50%25 of%0Alines: bad, really\n");
  });

  it("maps warning to ::warning and info to ::notice, and drops columns on a span over several lines", () => {
    const multi = problem(`${ROOT}/a.conf`, 3, 5, 9, { severity: "info" });
    multi.range.end.line = 5;
    const out = github(input([problem(`${ROOT}/a.conf`, 1, 1, 2, { severity: "warning" }), multi])).split("\n");
    expect(out[0]).toMatch(/^::warning file=a\.conf,line=1,col=1,endColumn=2,endLine=1,title=proxy-http-version::/);
    expect(out[1]).toBe("::notice file=a.conf,line=3,endLine=5,title=proxy-http-version::a message");
  });

  it("prints repository-relative paths for the broken example, end to end", () => {
    const run = runCli(["--format", "github", "examples/chat-broken.conf"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error file=examples/chat-broken.conf,line=19,col=41,endColumn=60,endLine=19,title=undefined-variable::");
    for (const line of run.stdout.trimEnd().split("\n")) expect(line).toMatch(/^::(error|warning|notice) file=[^:]+::[^\n]+$/);
  });
});
