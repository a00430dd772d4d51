// `crossplane parse` on wslint's parser: the entry, then each included file once, in order of first inclusion.
import { resolve } from "node:path";
import { parseConfig } from "../syntax/parse.js";
import type { NodeContext } from "../workspace/block-contexts.js";
import type { Host, ReadResult } from "../workspace/host.js";
import { combinePayload } from "./combine.js";
import { fileStatements } from "./file-statements.js";
import { osErrorText } from "./os-error.js";
import type { ConfigEntry, Payload } from "./payload.js";
import { pythonGlob } from "./python-glob.js";
import { dirnameOf, hasMagic, isAbsolutePath, joinPath } from "./python-path.js";

export interface CrossplaneOptions {
  includeComments?: boolean;
  combine?: boolean;
  singleFile?: boolean;
  strict?: boolean;
  /** Directives left out with their blocks, unchecked. */
  ignore?: readonly string[];
}

/**
 * `entry` and every path in the payload are spelled as crossplane spells them (relative paths stay relative);
 * files are read through `host` with relative paths taken from `cwd`.
 */
export function buildPayload(entry: string, options: CrossplaneOptions, host: Host, cwd: string): Payload {
  const payload: Payload = { status: "ok", errors: [], config: [] };
  // Relative include patterns are joined to the entry file's directory, whichever file includes them.
  const configDir = dirnameOf(entry);
  const queue: { name: string; context: NodeContext }[] = [{ name: entry, context: "main" }];
  // Keyed by the path as spelled: crossplane reads `a.conf` and `./a.conf` as two files.
  const indexOf = new Map<string, number>([[entry, 0]]);
  const reads = new Map<string, ReadResult>();
  const read = (name: string): ReadResult => {
    const path = resolve(cwd, name);
    let result = reads.get(path);
    if (!result) reads.set(path, (result = host.readFile(path)));
    return result;
  };

  for (let i = 0; i < queue.length; i++) {
    const { name, context } = queue[i];
    const config: ConfigEntry = { file: name, status: "ok", errors: [], parsed: [] };
    payload.config.push(config);
    const error = (line: number | null, message: string): void => {
      config.status = payload.status = "failed";
      config.errors.push({ error: message, line });
      payload.errors.push({ file: name, error: message, line });
    };
    const text = read(name);
    if (!text.ok) {
      error(null, osErrorText(text.error, name));
      continue;
    }
    const { file, issues } = parseConfig(text.text, name);
    config.parsed = fileStatements(file, issues, context, {
      name,
      comments: options.includeComments === true,
      combine: options.combine === true,
      strict: options.strict === true,
      ignore: options.ignore ?? [],
      error,
      include(arg, includeContext, line) {
        if (options.singleFile) return undefined;
        const pattern = isAbsolutePath(arg) ? arg : joinPath(configDir, arg);
        let targets: string[];
        if (hasMagic(pattern)) targets = pythonGlob(pattern, host, cwd); // no match is no error
        else {
          // A file named literally must be readable, as nginx checks.
          const target = read(pattern);
          targets = target.ok ? [pattern] : [];
          if (!target.ok) error(line, osErrorText(target.error, pattern));
        }
        return targets.map((target) => {
          if (!indexOf.has(target)) {
            indexOf.set(target, queue.length);
            queue.push({ name: target, context: includeContext });
          }
          return indexOf.get(target)!;
        });
      },
    });
  }
  return options.combine ? combinePayload(payload) : payload;
}
