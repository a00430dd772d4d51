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
  /** The wslint.config.json the group lints under ("" for none). */
  key: string;
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
  if (configPath) return [{ key: configPath, configFor: configPath, entries: entryFiles(open, configPath, host), open }];
  const groups = new Map<string, LintGroup>();
  for (const path of open) {
    const main = discoveredMainConfig(path, host) ?? path;
    const key = findConfigFile(main) ?? "";
    const group = groups.get(key);
    if (group) group.open.push(path);
    else groups.set(key, { key, configFor: main, entries: [], open: [path] });
  }
  for (const group of groups.values()) group.entries = entryFiles(group.open, undefined, host);
  return [...groups.values()];
}

/**
 * After a first lint of each group: moves the open documents their group read only as entries of their own. One
 * that another group's lint includes moves there (a snippet shared from outside its projects); else one whose own
 * nearest wslint.config.json differs from its group's moves to a group of its own (the nginx.conf found above it
 * does not include it, so that config is not its). Returns the indexes of groups to lint again; a group left with
 * no open document is emptied.
 */
export function regroupStandalone(groups: LintGroup[], readsAsOwnTree: (group: number, path: string) => boolean, reads: (group: number, path: string) => boolean): Set<number> {
  const changed = new Set<number>();
  const count = groups.length;
  for (let g = 0; g < count; g++) {
    for (const path of [...groups[g].open]) {
      if (basename(path) === "nginx.conf" || !readsAsOwnTree(g, path)) continue;
      const includer = groups.findIndex((_, h) => h !== g && h < count && reads(h, path) && !readsAsOwnTree(h, path));
      const ownKey = findConfigFile(path) ?? "";
      if (includer < 0 && ownKey === groups[g].key) continue;
      groups[g].open = groups[g].open.filter((p) => p !== path);
      groups[g].entries = groups[g].entries.filter((p) => p !== path);
      changed.add(g);
      if (includer >= 0) {
        // Its lint read the open buffer already (every lint reads open documents first): it only answers for it now.
        groups[includer].open.push(path);
        continue;
      }
      const own = groups.findIndex((group, h) => h >= count && group.key === ownKey);
      if (own >= 0) {
        groups[own].open.push(path);
        groups[own].entries.push(path);
      } else {
        groups.push({ key: ownKey, configFor: path, entries: [path], open: [path] });
        changed.add(groups.length - 1);
      }
    }
  }
  for (const g of changed) if (groups[g].open.length === 0) groups[g].entries = [];
  return changed;
}

/** Moves open documents no group's lint reads any more into the group of their own config, as entries. */
export function adoptUnread(groups: LintGroup[], reads: (group: number, path: string) => boolean): Set<number> {
  const changed = new Set<number>();
  for (let g = 0; g < groups.length; g++) {
    for (const path of [...groups[g].open]) {
      if (groups.some((group, h) => group.open.length > 0 && reads(h, path))) continue;
      groups[g].open = groups[g].open.filter((p) => p !== path);
      const key = findConfigFile(path) ?? "";
      const own = groups.findIndex((group) => group.key === key && group.open.length > 0);
      if (own >= 0) {
        groups[own].open.push(path);
        groups[own].entries.push(path);
        changed.add(own);
      } else {
        groups.push({ key, configFor: path, entries: [path], open: [path] });
        changed.add(groups.length - 1);
      }
    }
  }
  return changed;
}
