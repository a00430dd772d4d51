// `wslint parse FILE`: crossplane 0.5.7's JSON payload for a config, built on wslint's nginx-faithful parser.
import { buildPayload } from "../crossplane/build-payload.js";
import { pythonJson } from "../crossplane/python-json.js";
import { diskHost } from "./disk-host.js";
import { UsageError } from "./usage-error.js";

export interface ParseCommandOptions {
  includeComments?: boolean;
  combine?: boolean;
  singleFile?: boolean;
  strict?: boolean;
  ignore?: string;
  indent?: number;
}

export function runParse(file: string, options: ParseCommandOptions): string {
  if (options.indent !== undefined && !(Number.isInteger(options.indent) && options.indent >= 0)) {
    throw new UsageError("parse: --indent takes a whole number of spaces");
  }
  const host = diskHost();
  const entry = host.readFile(file);
  if (!entry.ok) throw new UsageError(`parse: cannot read ${file}: ${entry.error}`);
  const payload = buildPayload(
    file,
    {
      includeComments: options.includeComments,
      combine: options.combine,
      singleFile: options.singleFile,
      strict: options.strict,
      // As crossplane splits it: "a,b" → [a, b]; an empty option ignores nothing.
      ignore: options.ignore ? options.ignore.split(",") : [],
    },
    host,
    process.cwd(),
  );
  return `${pythonJson(payload, options.indent)}\n`;
}
