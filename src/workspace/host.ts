// The one door to the file system: the CLI passes a disk host, the language server one that prefers unsaved
// buffers, tests an in-memory one. Nothing here throws: failures come back as values.

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

export interface Host {
  /** Reads and decodes a file (invalid UTF-8 becomes U+FFFD, as nginx reads bytes). */
  readFile(path: string): ReadResult;
  /**
   * Paths matching a glob pattern (absolute) as glob(3) returns them, sorted as it sorts them; dotfiles only
   * when named. Directories and dangling links match too: nginx then fails to read them, and so does readFile.
   */
  glob(pattern: string): string[];
  /** True when `path` names an existing regular file. */
  isFile(path: string): boolean;
}

/** A host over a map of path → text, for tests and for buffers that were never saved. */
export function memoryHost(files: Record<string, string>, fallback?: Host): Host {
  return {
    readFile(path) {
      if (path in files) return { ok: true, text: files[path] };
      return fallback ? fallback.readFile(path) : { ok: false, error: "No such file or directory" };
    },
    glob(pattern) {
      const re = globToRegExp(pattern);
      const own = Object.keys(files).filter((p) => re.test(p));
      const more = fallback ? fallback.glob(pattern) : [];
      return [...new Set([...own, ...more])].sort(byteOrder);
    },
    isFile(path) {
      return path in files || (fallback?.isFile(path) ?? false);
    },
  };
}

/** glob(3) in the C locale sorts by bytes, not by locale collation. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The subset of glob(3) nginx patterns use: `*`, `?`, `[...]`; `*` never crosses `/` nor matches a leading dot. */
export function globToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    const atSegmentStart = i === 0 || pattern[i - 1] === "/";
    if (ch === "*") re += atSegmentStart ? "(?!\\.)[^/]*" : "[^/]*";
    else if (ch === "?") re += atSegmentStart ? "(?!\\.)[^/]" : "[^/]";
    else if (ch === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close < 0) re += "\\[";
      else {
        re += "[" + pattern.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\") + "]";
        i = close;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

export function hasGlobMagic(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}
