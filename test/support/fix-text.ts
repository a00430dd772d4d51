// Applies every fix wslint proposes to configs held in memory, as `--fix` does on disk.
import { fixUntilStable } from "../../src/engine/apply-fixes.js";
import { lint, type LintOptions } from "../../src/engine/lint.js";
import type { Problem } from "../../src/engine/problem.js";
import { memoryHost } from "../../src/workspace/host.js";
import { EXAMPLE_PATH } from "./lint-text.js";

export interface FixedText {
  text: string;
  problems: Problem[];
}

export function fixText(text: string, options: LintOptions = {}): FixedText {
  const run = (t: string): Problem[] => lint([EXAMPLE_PATH], memoryHost({ [EXAMPLE_PATH]: t }), options).problems;
  const result = fixUntilStable({
    problems: run(text),
    readText: (file) => (file === EXAMPLE_PATH ? text : undefined),
    relint: (texts) => run(texts.get(EXAMPLE_PATH) ?? text),
  });
  return { text: result.changed.get(EXAMPLE_PATH) ?? text, problems: result.problems };
}
