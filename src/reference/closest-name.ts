// "Did you mean" hints: the known directive name nearest to a misspelled one.
import { didYouMean } from "../config/did-you-mean.js";
import { allDirectives } from "./directives.js";

let names: string[] | undefined;

/** The closest known directive name within a small edit distance, or undefined. */
export function closestName(name: string): string | undefined {
  names ??= [...new Set(allDirectives().map((d) => d.name))];
  return didYouMean(name, names, { ignoreCase: false });
}
