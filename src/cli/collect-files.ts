// Turns the paths on the command line into config files: directories are searched for nginx configs.
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { UsageError } from "./usage-error.js";

/** Names nginx configs go by: *.conf, nginx.conf, and everything in sites-enabled/sites-available. */
function isConfigName(dir: string, name: string): boolean {
  return name.endsWith(".conf") || name === "nginx.conf" || /^sites-(enabled|available)$/.test(basename(dir));
}

export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new UsageError(`cannot read ${p}: no such file or directory`);
    }
    if (stat.isDirectory()) out.push(...searchDirectory(abs));
    else if (stat.isFile()) out.push(abs);
    else throw new UsageError(`cannot read ${p}: not a regular file (use - for standard input)`);
  }
  return oneNamePerFile([...new Set(out)]);
}

/**
 * Keeps one path per file: sites-enabled/chat (a link) and sites-available/chat (its target) are one config, and
 * linting both would report everything twice. The link is kept, as it is the path the main config includes.
 */
function oneNamePerFile(paths: string[]): string[] {
  const byFile = new Map<string, string>();
  for (const path of paths) {
    const file = realPath(path);
    const kept = byFile.get(file);
    if (kept === undefined || (!isLink(kept) && isLink(path))) byFile.set(file, path);
  }
  const keep = new Set(byFile.values());
  return paths.filter((p) => keep.has(p));
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A dangling link in sites-enabled is skipped here: the include that globs it reports it, as nginx would. */
function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function searchDirectory(root: string): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // an unreadable subdirectory holds nothing we can lint
    }
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) pending.push(full);
      else if (isConfigName(dir, e.name) && (e.isFile() || (e.isSymbolicLink() && isRegularFile(full)))) found.push(full);
    }
  }
  return found.sort();
}
