// The host over the real file system, used by the CLI (the only core-adjacent file that imports node:fs).
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { globSync } from "tinyglobby";
import { decodeConfig } from "../syntax/parse.js";
import { byteOrder, type Host } from "../workspace/host.js";

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
      try {
        // glob(3) as nginx calls it: no braces, no extglob, no `**`.
        const options = { absolute: true, dot: false, onlyFiles: true, expandDirectories: false, braceExpansion: false, extglob: false, globstar: false };
        return globSync(pattern, options).sort(byteOrder);
      } catch {
        return [];
      }
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
