// JUnit XML (one test suite, one failing test case per problem, one passing case per clean file) for CI test views.
import { groupByFile } from "./group-by-file.js";
import { displayPath } from "./paths.js";
import type { Formatter } from "./types.js";
import { XML_DECLARATION, xmlEscape } from "./xml.js";

export const junit: Formatter = ({ problems, files, cwd }) => {
  const byFile = groupByFile(problems, files);
  const cases: string[] = [];
  for (const [file, list] of byFile) {
    const path = xmlEscape(displayPath(file, cwd));
    if (list.length === 0) {
      cases.push(`    <testcase classname="${path}" name="${path}"/>`);
      continue;
    }
    for (const p of list) {
      const where = `${displayPath(file, cwd)}:${p.range.start.line}:${p.range.start.column}`;
      const name = xmlEscape(`${p.ruleId} at ${where}`);
      cases.push(
        `    <testcase classname="${path}" name="${name}">`,
        `      <failure message="${xmlEscape(p.message)}" type="${p.severity}">${xmlEscape(`${where}: ${p.severity}: ${p.message} [${p.ruleId}]`)}</failure>`,
        "    </testcase>",
      );
    }
  }
  const failures = problems.length;
  const tests = failures + [...byFile.values()].filter((l) => l.length === 0).length;
  return [
    XML_DECLARATION,
    `<testsuites name="wslint" tests="${tests}" failures="${failures}" errors="0">`,
    `  <testsuite name="wslint" tests="${tests}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
};
