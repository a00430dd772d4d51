// What every output format receives: the problems and what is needed to show them relative to the user.
import type { Problem } from "../engine/problem.js";
import type { RuleMeta } from "../engine/rule.js";

export interface FormatInput {
  problems: Problem[];
  /** Files that were linted, so clean files can be listed where a format wants them. */
  files: string[];
  /** Directory that paths are shown relative to. */
  cwd: string;
  color: boolean;
  nginxVersion: string;
  toolVersion: string;
  /**
   * Directory that SARIF and GitHub paths are relative to: the git top-level when linting inside a repository
   * (code scanning and annotations resolve paths against the checkout root), else `cwd`.
   */
  root?: string;
  /** Text of a linted file, for formats that quote the source (SARIF fingerprints); undefined when unknown. */
  sourceText?: (file: string) => string | undefined;
  /** Metadata of every rule (SARIF lists them all); default: the built-in rules. */
  rules?: readonly RuleMeta[];
}

export type Formatter = (input: FormatInput) => string;
