// `wslint parse FILE`: crossplane's JSON payload (placeholder until the crossplane emulation lands).
import { UsageError } from "./usage-error.js";

export interface ParseCommandOptions {
  includeComments?: boolean;
  combine?: boolean;
  singleFile?: boolean;
  strict?: boolean;
  ignore?: string;
  indent?: number;
}

export function runParse(_file: string, _options: ParseCommandOptions): string {
  throw new UsageError("parse: not available yet");
}
