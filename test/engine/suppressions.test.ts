// Inline suppression comments: each form, several ids, and the reports about unused and unknown suppressions.
import { describe, expect, it } from "vitest";
import { lint, type LintOptions } from "../../src/engine/lint.js";
import { memoryHost } from "../../src/workspace/host.js";

/** Lints an http-level body as /s/nginx.conf (its first line is line 3) and lists "rule line:col". */
function run(body: string, options: LintOptions = {}, more: Record<string, string> = {}): string[] {
  const files = { "/s/nginx.conf": `events {}\nhttp {\n${body}}\n`, ...more };
  return lint(["/s/nginx.conf"], memoryHost(files), options).problems.map(
    (p) => `${p.file === "/s/nginx.conf" ? "" : `${p.file} `}${p.ruleId} ${p.range.start.line}:${p.range.start.column}`,
  );
}

function messages(body: string, options: LintOptions = {}): string[] {
  const files = { "/s/nginx.conf": `events {}\nhttp {\n${body}}\n` };
  return lint(["/s/nginx.conf"], memoryHost(files), options).problems.map((p) => `${p.ruleId} ${p.severity}: ${p.message}`);
}

describe("wslint-disable-next-line", () => {
  it("suppresses the named rule on the next line with a directive, skipping blank and comment lines", () => {
    const body = "    # wslint-disable-next-line unknown-directive -- a vendor module\n\n    # why\n    foo_one on;\n    foo_two on;\n";
    expect(run(body)).toEqual(["unknown-directive 7:5"]);
  });

  it("suppresses only the named rules, several separated by commas", () => {
    const line = "    foo_one on; listen 80; worker_connections 8;\n";
    expect(run(`    # wslint-disable-next-line unknown-directive\n${line}`)).toEqual(["directive-context 4:17", "directive-context 4:28"]);
    expect(run(`    # wslint-disable-next-line unknown-directive, directive-context\n${line}`)).toEqual([]);
    expect(run(`    # wslint-disable-next-line\n${line}`)).toEqual([]);
  });
});

describe("wslint-disable-line", () => {
  it("suppresses problems on its own line, written at the end of a directive", () => {
    expect(run("    foo_one on; # wslint-disable-line unknown-directive\n    foo_two on;\n")).toEqual(["unknown-directive 4:5"]);
  });

  it("covers a directive wrapped over several lines", () => {
    expect(run("    foo_one\n        on; # wslint-disable-line unknown-directive\n")).toEqual([]);
  });
});

describe("wslint-disable and wslint-enable", () => {
  it("suppresses the named rule between the two comments", () => {
    const body = [
      "    foo_one on;",
      "    # wslint-disable unknown-directive",
      "    foo_two on;",
      "    listen 80;",
      "    # wslint-enable unknown-directive",
      "    foo_three on;",
      "",
    ].join("\n");
    expect(run(body)).toEqual(["unknown-directive 3:5", "directive-context 6:5", "unknown-directive 8:5"]);
  });

  it("without ids disables every rule, to the end of the file when never enabled", () => {
    expect(run("    foo_one on;\n    # wslint-disable\n    foo_two on;\n    listen 80;\n")).toEqual(["unknown-directive 3:5"]);
  });

  it("re-enables one rule inside a disable-all region", () => {
    const body = "    # wslint-disable\n    foo_one on;\n    # wslint-enable directive-context\n    foo_two on;\n    listen 80;\n";
    expect(run(body)).toEqual(["directive-context 7:5"]);
  });
});

describe("wslint-disable-file", () => {
  it("suppresses the named rules anywhere in the file, before the comment too", () => {
    const body = "    foo_one on;\n    listen 80;\n    # wslint-disable-file unknown-directive\n    foo_two on;\n";
    expect(run(body)).toEqual(["directive-context 4:5"]);
  });

  it("without ids suppresses everything in the file", () => {
    expect(run("    foo_one on;\n    listen 80;\n    # wslint-disable-file -- generated\n")).toEqual([]);
  });
});

describe("unused suppressions", () => {
  it("are reported at the comment, per id that suppressed nothing", () => {
    const body = "    # wslint-disable-next-line unknown-directive, directive-context\n    foo_one on;\n";
    expect(run(body)).toEqual(["unused-suppression 3:5"]);
    expect(messages(body)).toEqual([
      'unused-suppression warning: "wslint-disable-next-line directive-context" suppresses nothing: no "directive-context" problem is reported on line 4; remove it',
    ]);
  });

  it("cover every form", () => {
    expect(messages("    # wslint-disable-line\n")).toEqual([
      'unused-suppression warning: "wslint-disable-line" suppresses nothing: no problem is reported on line 3; remove it',
    ]);
    expect(messages("    # wslint-disable-next-line unknown-directive\n")).toEqual([
      'unused-suppression warning: "wslint-disable-next-line unknown-directive" suppresses nothing: no "unknown-directive" problem is reported after it (no directive follows it); remove it',
    ]);
    expect(messages("    # wslint-disable unknown-directive\n    # wslint-enable unknown-directive\n")).toEqual([
      'unused-suppression warning: "wslint-disable unknown-directive" suppresses nothing: no "unknown-directive" problem is reported after it; remove it',
    ]);
    expect(messages("    # wslint-disable-file syntax-error\n")).toEqual([
      'unused-suppression warning: "wslint-disable-file syntax-error" suppresses nothing: no "syntax-error" problem is reported in this file; remove it',
    ]);
    expect(messages("    # wslint-enable\n")).toEqual([
      'unused-suppression warning: "wslint-enable" re-enables nothing: no wslint-disable for it is open here; remove it',
    ]);
  });

  it("are not reported for a rule the configuration turns off", () => {
    expect(run("    # wslint-disable-next-line unknown-directive\n    foo_one on;\n", { rules: { "unknown-directive": "off" } })).toEqual([]);
  });

  it("follow the configured severity, and can be turned off", () => {
    const body = "    # wslint-disable-file syntax-error\n";
    expect(messages(body, { rules: { "unused-suppression": "error" } })[0]).toMatch(/^unused-suppression error/);
    expect(run(body, { rules: { "unused-suppression": "off" } })).toEqual([]);
  });

  it("can be suppressed by naming their id", () => {
    expect(run("    # wslint-disable-file unused-suppression\n    # wslint-disable-file syntax-error\n")).toEqual([]);
  });
});

describe("unknown rule ids in suppressions", () => {
  it("are errors at the comment, with the nearest id", () => {
    const body = "    foo_one on; # wslint-disable-line unknown-directiv\n";
    expect(run(body)).toEqual(["unknown-directive 3:5", "unknown-suppression 3:17"]);
    expect(messages(body)[1]).toBe('unknown-suppression error: unknown rule "unknown-directiv" in "wslint-disable-line"; did you mean "unknown-directive"?');
    expect(messages("    # wslint-disable-file no-such-rule-anywhere\n")).toEqual([
      'unknown-suppression error: unknown rule "no-such-rule-anywhere" in "wslint-disable-file"; run "wslint rules" for the list',
    ]);
  });

  it("do not stop the known ids of the same comment", () => {
    expect(run("    foo_one on; # wslint-disable-line unknown-directive, nope\n")).toEqual(["unknown-suppression 3:17"]);
  });

  it("follow the configured severity", () => {
    expect(messages("    # wslint-disable-file nope\n", { rules: { "unknown-suppression": "warning" } })[0]).toMatch(/^unknown-suppression warning/);
  });
});

describe("scope", () => {
  it("a suppression applies only to problems in its own file", () => {
    const main = "    include /s/snippet.conf;\n    foo_main on;\n    # wslint-disable-file directive-context\n";
    const snippet = "# wslint-disable-file unknown-directive\nfoo_snippet on;\nlisten 80;\n";
    // Each comment suppresses nothing in the other file: the main file's one is even unused.
    expect(run(main, {}, { "/s/snippet.conf": snippet })).toEqual([
      "unknown-directive 4:5",
      "unused-suppression 5:5",
      "/s/snippet.conf directive-context 3:1",
    ]);
  });

  it("ignores comments that only look like suppressions", () => {
    expect(run("    # wslint-disabled unknown-directive\n    # wslint: websocket\n    # see wslint-disable-line docs\n    foo_one on;\n")).toEqual([
      "unknown-directive 6:5",
    ]);
  });
});
