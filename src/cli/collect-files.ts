// Turns the paths on the command line into config files: directories are searched for nginx configs.
import { readdirSync, statSync } from "node:fs";
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
  return [...new Set(out)];
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
