// Which files to lint so that each open document is seen in the context nginx reads it in, and under which
// wslint.config.json.
import { basename, dirname, join } from "node:path";
import { findConfigFile } from "../src/config/load.js";
import type { Host } from "../src/workspace/host.js";

/** How far up from an open snippet to look for the main config (sites-enabled/x, conf.d/x, snippets/x...). */
const LEVELS_UP = 3;

/**
 * The configured main config, any `nginx.conf` a few directories above an open file, then the open files.
 * The core drops a snippet's own tree when another entry includes it, so a site file opened from
 * /etc/nginx/sites-enabled is checked inside /etc/nginx/nginx.conf's http block, as nginx reads it.
 */
function entryFiles(openPaths: Iterable<string>, configPath: string | undefined, host: Host): string[] {
  const entries = new Set<string>();
  if (configPath) entries.add(configPath);
  const open = [...openPaths];
  for (const path of open) {
    const main = discoveredMainConfig(path, host);
    if (main) entries.add(main);
  }
  for (const path of open) entries.add(path);
  return [...entries];
}

/** The `nginx.conf` a few directories above a snippet, which nginx reads it through; undefined for a main config. */
function discoveredMainConfig(path: string, host: Host): string | undefined {
  if (basename(path) === "nginx.conf") return undefined; // a main config already
  let dir = dirname(path);
  for (let i = 0; i < LEVELS_UP; i++) {
    const candidate = join(dir, "nginx.conf");
    if (host.isFile(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/** One lint of the open documents that share a wslint.config.json (the CLI groups its entries the same way). */
export interface LintGroup {
  /** The file whose nearest wslint.config.json applies: the configured or discovered main config, else the document. */
  configFor: string;
  entries: string[];
  /** The open documents this lint answers for. */
  open: string[];
}

/**
 * Open documents grouped by the wslint.config.json that applies to the main config they are read through, so
 * two projects open side by side each get their own rules and nginx version. A configured main config
 * (`wslint.configPath`) makes one group: everything is read in its context.
 */
export function lintGroups(openPaths: Iterable<string>, configPath: string | undefined, host: Host): LintGroup[] {
  const open = [...openPaths];
  if (configPath) return [{ configFor: configPath, entries: entryFiles(open, configPath, host), open }];
  const groups = new Map<string, LintGroup>();
  for (const path of open) {
    const main = discoveredMainConfig(path, host) ?? path;
    const key = findConfigFile(main) ?? "";
    const group = groups.get(key);
    if (group) group.open.push(path);
    else groups.set(key, { configFor: main, entries: [], open: [path] });
  }
  for (const group of groups.values()) group.entries = entryFiles(group.open, undefined, host);
  return [...groups.values()];
}
