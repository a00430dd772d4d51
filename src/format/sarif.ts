// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: rule metadata, repo-relative paths, fingerprints.
import { pathToFileURL } from "node:url";
import { allRules } from "../../rules/index.js";
import type { Problem, Severity, TextEdit } from "../engine/problem.js";
import type { RuleMeta } from "../engine/rule.js";
import type { Range } from "../syntax/ast.js";
import { fingerprints } from "./fingerprint.js";
import { insidePath } from "./paths.js";
import { ruleDocsUrl, ruleHelpMarkdown, ruleHelpPlain } from "./rule-help.js";
import type { Formatter } from "./types.js";

const level: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };
const SRCROOT = "%SRCROOT%";

function ruleDescriptor(meta: RuleMeta): object {
  return {
    id: meta.id,
    shortDescription: { text: meta.docs.summary },
    fullDescription: { text: meta.docs.why },
    help: { text: ruleHelpPlain(meta), markdown: ruleHelpMarkdown(meta) },
    helpUri: ruleDocsUrl(meta.id),
    defaultConfiguration: { level: level[meta.severity] },
    properties: { tags: ["nginx", meta.type] },
  };
}

/** Problems from a rule outside the registry (e.g. added by the engine) still need a descriptor to point at. */
function bareDescriptor(id: string): object {
  return { id, shortDescription: { text: id }, helpUri: ruleDocsUrl(id) };
}

export const sarif: Formatter = ({ problems, cwd, root, toolVersion, nginxVersion, sourceText, rules }) => {
  const base = root ?? cwd;
  const metas = rules ?? allRules.map((r) => r.meta);
  const descriptors = metas.map(ruleDescriptor);
  const index = new Map(metas.map((m, i) => [m.id, i]));
  for (const p of problems) {
    if (!index.has(p.ruleId)) {
      index.set(p.ruleId, descriptors.length);
      descriptors.push(bareDescriptor(p.ruleId));
    }
  }
  // Code scanning matches a result to a file by a URI relative to the checkout root (%SRCROOT%), with `/`.
  const artifact = (file: string): { uri: string; uriBaseId?: string } => {
    const rel = insidePath(file, base);
    return rel !== undefined ? { uri: rel.split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT } : { uri: pathToFileURL(file).href };
  };
  const physical = (file: string, range: Range): object => ({
    artifactLocation: artifact(file),
    // SARIF's endColumn is exclusive and its columns count UTF-16 code units by default, as ours do.
    region: { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column },
  });
  const prints = fingerprints(problems, (f) => artifact(f).uri, sourceText ?? (() => undefined));
  const results = problems.map((p: Problem, i) => ({
    ruleId: p.ruleId,
    ruleIndex: index.get(p.ruleId)!,
    level: level[p.severity],
    message: { text: p.message },
    locations: [{ physicalLocation: physical(p.file, p.range) }],
    partialFingerprints: { "wslint/v1": prints[i] },
    ...(p.related?.length
      ? { relatedLocations: p.related.map((r, j) => ({ id: j + 1, physicalLocation: physical(r.file, r.range), message: { text: r.message } })) }
      : {}),
    ...(p.fix ? { fixes: [{ description: { text: p.fix.description }, artifactChanges: artifactChanges(p.fix.edits, artifact) }] } : {}),
  }));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "wslint",
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: "https://github.com/wslint/wslint",
            rules: descriptors,
          },
        },
        // A trailing slash makes the base a directory, so relative URIs resolve inside it.
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(base).href.replace(/\/$/, "")}/` } },
        columnKind: "utf16CodeUnits",
        invocations: [{ executionSuccessful: true }],
        results,
        properties: { nginxVersion },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
};

/** A fix as SARIF replacements, grouped by file (offsets count UTF-16 code units, as the columns do). */
function artifactChanges(edits: TextEdit[], artifact: (file: string) => object): object[] {
  const files = [...new Set(edits.map((e) => e.file))];
  return files.map((file) => ({
    artifactLocation: artifact(file),
    replacements: edits
      .filter((e) => e.file === file)
      .map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.text } })),
  }));
}
