// The host over the real file system, used by the CLI (the only core-adjacent file that imports node:fs).
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { decodeConfig } from "../syntax/parse.js";
import { byteOrder, globToRegExp, hasGlobMagic, type Host } from "../workspace/host.js";

/**
 * Files over this size are refused rather than read: real configs are kilobytes (the 2,000-server benchmark
 * is 1.8 MB), and tokens of a far larger file would exhaust memory before anything useful came of it.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export function diskHost(): Host {
  return {
    readFile(path) {
      try {
        const stat = statSync(path);
        if (stat.isDirectory()) return { ok: false, error: "Is a directory" };
        // A FIFO (or socket) would block until someone writes: nginx would hang there, wslint must not.
        if (stat.isFIFO() || stat.isSocket()) return { ok: false, error: "not a regular file (a FIFO or socket would block)" };
        if (stat.size > MAX_FILE_BYTES) return { ok: false, error: tooLarge(stat.size) };
        // Devices report size 0: read them with a cap, so /dev/null is empty and /dev/zero is too large.
        const bytes = stat.isFile() ? readFileSync(path) : readCapped(path);
        if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: tooLarge(bytes.length) };
        return { ok: true, text: decodeConfig(bytes) };
      } catch (e) {
        return { ok: false, error: describeFsError(e) };
      }
    },
    glob(pattern) {
      return expandGlob(pattern).sort(byteOrder);
    },
    isFile(path) {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
  };
}

/**
 * glob(3) as nginx calls it (ngx_open_glob, no flags): a segment with magic characters is matched against the
 * entries of each directory found so far, and the last segment's matches come back as they are, whatever they
 * name. A directory or a dangling link then fails to read, as `nginx -t` fails on it ("pread() ... (21: Is a
 * directory)", "open() ... (2: No such file or directory)"); a glob library that returns only files hides that.
 */
function expandGlob(pattern: string): string[] {
  const segments = pattern.split("/").filter((segment) => segment !== "");
  let paths = ["/"];
  for (const segment of segments) {
    if (!hasGlobMagic(segment)) paths = paths.map((dir) => join(dir, segment));
    else {
      const matches = globToRegExp(segment);
      paths = paths.flatMap((dir) => entryNames(dir).filter((name) => matches.test(name)).map((name) => join(dir, name)));
    }
  }
  // A literal last segment is not read from a directory, so glob(3) checks it exists (lstat: a link counts).
  return hasGlobMagic(segments.at(-1) ?? "") ? paths : paths.filter(exists);
}

/** A directory's entries; none when it cannot be read or is no directory, as glob(3) skips those. */
function entryNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function tooLarge(bytes: number): string {
  return `file too large (${bytes > MAX_FILE_BYTES * 2 ? "over " : ""}${(bytes / 1048576).toFixed(1)} MB; wslint reads configs up to ${MAX_FILE_BYTES / 1048576} MB)`;
}

/** Reads at most one byte past the limit, so an endless device cannot exhaust memory. */
function readCapped(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let total = 0;
    for (let n = 1; n > 0 && total < buffer.length; total += n) n = readSync(fd, buffer, total, buffer.length - total, null);
    return buffer.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "No such file or directory";
  if (code === "EACCES" || code === "EPERM") return "Permission denied";
  if (code === "EISDIR") return "Is a directory";
  if (code === "ELOOP") return "Too many levels of symbolic links";
  if (code === "ENOTDIR") return "Not a directory";
  return (e as Error).message ?? String(e);
}
