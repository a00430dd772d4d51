// The `ignore` globs: resolved against the config file's directory, then matched against absolute file paths.
import { dirname, isAbsolute, posix } from "node:path";

/**
 * Makes config globs absolute, the way .gitignore reads them: a pattern without a slash (`*.bak`) matches at
 * any depth under the config's directory, one with a slash is relative to it, an absolute one stays.
 */
export function resolveIgnoreGlobs(patterns: readonly string[], configPath: string | undefined): string[] {
  const base = configPath ? dirname(configPath) : undefined;
  return patterns.map((raw) => {
    const pattern = raw.replace(/^\.\//, "");
    if (isAbsolute(pattern) || !base) return pattern;
    return pattern.replace(/\/$/, "").includes("/") ? posix.join(base, pattern) : posix.join(base, "**", pattern);
  });
}

/** A predicate over absolute paths; a pattern that matches a directory also matches everything inside it. */
export function ignoreMatcher(globs: readonly string[]): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  const res = globs.map((g) => new RegExp(`^${globToSource(g.replace(/\/+$/, ""))}(?:/.*)?$`));
  return (file) => res.some((re) => re.test(file));
}

/** `**` crosses directories, `*` and `?` do not; `[...]` and `{a,b}` as in shells. Dotfiles are not special. */
function globToSource(glob: string): string {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "*" && glob[i + 1] === "*") {
      // `**/` may match no directory at all: `**/x` matches `x`.
      if (glob[i + 2] === "/") {
        re += "(?:.*/)?";
        i += 2;
      } else {
        re += ".*";
        i += 1;
      }
    } else if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else if (ch === "[" && glob.indexOf("]", i + 2) > 0) {
      const close = glob.indexOf("]", i + 2);
      re += "[" + glob.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\") + "]";
      i = close;
    } else if (ch === "{" && glob.indexOf("}", i) > 0) {
      const close = glob.indexOf("}", i);
      re += "(?:" + glob.slice(i + 1, close).split(",").map(globToSource).join("|") + ")";
      i = close;
    } else re += ch.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return re;
}
