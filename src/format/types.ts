// What every output format receives: the problems and what is needed to show them relative to the user.
import type { Problem } from "../engine/problem.js";

export interface FormatInput {
  problems: Problem[];
  /** Files that were linted, so clean files can be listed where a format wants them. */
  files: string[];
  /** Directory that paths are shown relative to. */
  cwd: string;
  color: boolean;
  nginxVersion: string;
  toolVersion: string;
}

export type Formatter = (input: FormatInput) => string;
