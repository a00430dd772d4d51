// The git top-level that SARIF and GitHub annotation paths are relative to, found without running git.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The nearest directory at or above `from` holding `.git` (a directory, or a file in worktrees and submodules,
 * whose top-level is that directory too), or undefined outside any repository.
 */
export function findRepoRoot(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
