// Replaces files so that each is either wholly old or wholly new, even if wslint is killed mid-write.
import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError } from "./usage-error.js";

export interface FileWrite {
  path: string;
  data: Uint8Array;
}

/**
 * Writes every file to a temporary file beside it (same directory, so the rename stays on one file system and is
 * atomic), flushed to disk with its mode and owner, and only when all are staged renames each over its target:
 * a failure while staging changes nothing at all. The target is the symlink's destination, so a link stays a link.
 */
export function writeFilesAtomically(files: FileWrite[]): void {
  const staged: { temp: string; target: string }[] = [];
  const discard = (): void => staged.forEach((s) => rmSync(s.temp, { force: true }));
  try {
    for (const file of files) {
      const target = realpathSync(file.path);
      const stat = statSync(target);
      // A leading dot keeps the temporary file out of a directory lint running at the same time.
      const temp = join(dirname(target), `.${basename(target)}.wslint-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
      const fd = openSync(temp, "wx", 0o600);
      staged.push({ temp, target });
      try {
        for (let done = 0; done < file.data.length; ) done += writeSync(fd, file.data, done);
        // The umask applies to open()'s mode, so the original mode is set explicitly.
        fchmodSync(fd, stat.mode & 0o7777);
        try {
          fchownSync(fd, stat.uid, stat.gid);
        } catch {
          // Only root may give a file to another owner; anyone else rewrites files they own, so nothing is lost.
        }
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  } catch (e) {
    discard();
    throw new UsageError(`--fix: cannot write ${describe(e)}; no file was changed`);
  }
  for (let i = 0; i < staged.length; i++) {
    try {
      renameSync(staged[i].temp, staged[i].target);
    } catch (e) {
      staged.slice(i).forEach((s) => rmSync(s.temp, { force: true }));
      throw new UsageError(`--fix: cannot replace ${staged[i].target}: ${describe(e)}`);
    }
  }
  for (const dir of new Set(staged.map((s) => dirname(s.target)))) syncDirectory(dir);
}

/** Flushes the directory entry too, so the rename itself survives a crash (best effort: not every FS allows it). */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a directory; the data itself is already on disk.
  }
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.path ? `${err.path}: ${err.code ?? err.message}` : (err.message ?? String(e));
}
