// Reads all of standard input as a config (for `wslint -`), refusing more than a config file may hold.
import { readSync } from "node:fs";
import { decodeConfig } from "../syntax/parse.js";
import { MAX_FILE_BYTES } from "./disk-host.js";
import { UsageError } from "./usage-error.js";

export function readStdin(): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue; // a non-blocking pipe with nothing yet
      if ((e as NodeJS.ErrnoException).code === "EOF") break;
      throw new UsageError("cannot read standard input");
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_FILE_BYTES) throw new UsageError(`standard input is too large (over ${MAX_FILE_BYTES / 1048576} MB; wslint reads configs up to that size)`);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return decodeConfig(Buffer.concat(chunks));
}
