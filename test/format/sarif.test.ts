// SARIF output: valid against the official 2.1.0 schema, with rule metadata, repo-relative URIs and stable fingerprints.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { allRules } from "../../rules/index.js";
import { lint } from "../../src/engine/lint.js";
import { sarif } from "../../src/format/sarif.js";
import { memoryHost } from "../../src/workspace/host.js";
import { runCli } from "../support/run-cli.js";
import { input, problem, ROOT } from "./format-input.js";

/**
 * The schema @microsoft/jest-sarif ships is written as draft-04 (`id`, `$schema` draft-04) but uses nothing
 * draft-04-only (no boolean exclusiveMinimum), so Ajv 8's default draft-07 dialect reads it once `id` is `$id`.
 */
function sarifValidator() {
  const pkg = createRequire(import.meta.url).resolve("@microsoft/jest-sarif/package.json");
  const schema = JSON.parse(readFileSync(join(dirname(pkg), "lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
  const { $schema: _, id, ...rest } = schema;
  // unicodeRegExp off: the schema's `language` pattern has a stray "]" that only non-Unicode regexps accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // Real checks for the formats the schema names, so a malformed URI fails (Ajv 8 knows no formats by itself).
  const isUri = (v: string): boolean => URL.canParse(v);
  ajv.addFormat("uri", isUri);
  ajv.addFormat("uri-reference", (v: string) => !/[\s<>"{}|\\^`]/.test(v) && URL.canParse(v, "file:///base/"));
  ajv.addFormat("date-time", (v: string) => !Number.isNaN(Date.parse(v)));
  return ajv.compile({ $id: id, ...rest });
}
const validate = sarifValidator();

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

describe("sarif format", () => {
  it("validates against the SARIF 2.1.0 schema for the broken example, end to end", () => {
    const run = runCli(["--format", "sarif", "examples/chat-broken.conf"]);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expectValid(log);
    const [theRun] = log.runs;
    expect(theRun.tool.driver).toMatchObject({ name: "wslint", informationUri: expect.stringMatching(/^https:\/\//) });
    expect(theRun.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(allRules.map((r) => r.meta.id));
    // The repository is the checkout, so paths are relative to its top-level.
    expect(theRun.originalUriBaseIds["%SRCROOT%"].uri).toMatch(/^file:\/\/\/.*\/$/);
    const result = theRun.results.find((r: { ruleId: string }) => r.ruleId === "undefined-variable");
    expect(result).toMatchObject({
      level: "error",
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "examples/chat-broken.conf", uriBaseId: "%SRCROOT%" },
            region: { startLine: 19, startColumn: 41, endLine: 19, endColumn: 60 },
          },
        },
      ],
    });
    expect(theRun.tool.driver.rules[result.ruleIndex].id).toBe("undefined-variable");
    expect(result.partialFingerprints["wslint/v1"]).toMatch(/^[0-9a-f]{32}:1$/);
  });

  it("describes every rule with help text, Markdown, a docs link and its default level", () => {
    const log = JSON.parse(sarif(input([])));
    expectValid(log);
    const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === "proxy-http-version");
    const meta = allRules.find((r) => r.meta.id === "proxy-http-version")!.meta;
    expect(rule).toMatchObject({
      shortDescription: { text: meta.docs.summary },
      fullDescription: { text: meta.docs.why },
      helpUri: "https://github.com/wslint/wslint/blob/main/docs/rules/proxy-http-version.md",
      defaultConfiguration: { level: "error" },
    });
    expect(rule.help.text).toContain(meta.docs.fix);
    expect(rule.help.markdown).toContain("```nginx");
  });

  it("maps severities, related locations, fixes, unknown rules and files outside the root", () => {
    const problems = [
      problem(`${ROOT}/conf/a b.conf`, 3, 5, 9, {
        severity: "info",
        related: [{ file: `${ROOT}/nginx.conf`, range: problem("x", 7, 1, 5).range, message: "set here" }],
        fix: { description: "add it", edits: [{ file: `${ROOT}/conf/a b.conf`, start: 4, end: 4, text: "x;\n" }, { file: `${ROOT}/nginx.conf`, start: 0, end: 2, text: "" }] },
      }),
      problem("/elsewhere/site.conf", 1, 1, 4, { severity: "warning", ruleId: "made-up-rule" }),
    ];
    const log = JSON.parse(sarif(input(problems)));
    expectValid(log);
    const [a, b] = log.runs[0].results;
    expect(a.level).toBe("note");
    expect(a.locations[0].physicalLocation.artifactLocation).toEqual({ uri: "conf/a%20b.conf", uriBaseId: "%SRCROOT%" });
    expect(a.relatedLocations).toEqual([
      expect.objectContaining({ id: 1, message: { text: "set here" }, physicalLocation: expect.objectContaining({ artifactLocation: { uri: "nginx.conf", uriBaseId: "%SRCROOT%" } }) }),
    ]);
    expect(a.fixes[0].artifactChanges).toHaveLength(2);
    expect(b.level).toBe("warning");
    expect(b.locations[0].physicalLocation.artifactLocation).toEqual({ uri: "file:///elsewhere/site.conf" });
    expect(log.runs[0].tool.driver.rules[b.ruleIndex].id).toBe("made-up-rule");
  });

  it("keeps fingerprints when lines are inserted above, and tells identical lines apart", () => {
    const conf = (top: string): string =>
      `${top}events {}\nhttp {\n    server {\n        listen 8080;\n        location /ws/ { proxy_pass http://127.0.0.1:3000; proxy_set_header Upgrade $http_upgrade; }\n        location /ws2/ { proxy_pass http://127.0.0.1:3000; proxy_set_header Upgrade $http_upgrade; }\n    }\n}\n`;
    const prints = (text: string): Record<string, string> => {
      const file = `${ROOT}/nginx.conf`;
      const result = lint([file], memoryHost({ [file]: text }));
      const log = JSON.parse(sarif(input(result.problems, { sourceText: (f) => result.workspace.files.get(f)?.file.text })));
      expectValid(log);
      return Object.fromEntries(log.runs[0].results.map((r: { ruleId: string; message: { text: string }; partialFingerprints: Record<string, string> }) => [`${r.ruleId} ${r.message.text.replace(/line \d+/g, "")}`, r.partialFingerprints["wslint/v1"]]));
    };
    const before = prints(conf(""));
    const after = prints(conf("# a comment\n\n"));
    expect(Object.keys(before).length).toBeGreaterThan(1);
    expect(after).toEqual(before);
    expect(new Set(Object.values(before)).size).toBe(Object.values(before).length);
  });
});
