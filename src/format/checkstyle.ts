// Checkstyle XML, which Jenkins (warnings-ng), reviewdog and many CI dashboards read.
import { groupByFile } from "./group-by-file.js";
import { displayPath } from "./paths.js";
import type { Formatter } from "./types.js";
import { XML_DECLARATION, xmlEscape } from "./xml.js";

export const checkstyle: Formatter = ({ problems, files, cwd }) => {
  const byFile = groupByFile(problems, files);
  const lines = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const [file, list] of byFile) {
    // Clean files are listed too: consumers use an empty <file> to clear earlier findings for it.
    lines.push(`  <file name="${xmlEscape(displayPath(file, cwd))}">`);
    for (const p of list) {
      const attrs = [
        `line="${p.range.start.line}"`,
        `column="${p.range.start.column}"`,
        `severity="${p.severity}"`,
        `message="${xmlEscape(p.message)}"`,
        // Checkstyle names its checks by dotted source; consumers group findings by it.
        `source="wslint.${xmlEscape(p.ruleId)}"`,
      ];
      lines.push(`    <error ${attrs.join(" ")}/>`);
    }
    lines.push("  </file>");
  }
  lines.push("</checkstyle>");
  return lines.join("\n") + "\n";
};
