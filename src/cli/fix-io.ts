// Reads files for --fix as exact bytes, so a fix can write back everything it did not edit unchanged.
import { readFileSync } from "node:fs";
import { decodeConfig } from "../syntax/parse.js";
import type { FileWrite } from "./write-atomic.js";

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface FixableFile {
  /** The text as the linter saw it (offsets of fixes refer to it). */
  text: string;
  /** The decoder drops a UTF-8 byte order mark; it is written back in front of the fixed text. */
  bom: boolean;
}

/**
 * The file's text, or why it cannot be fixed. A file whose bytes do not survive decoding and encoding is never
 * rewritten: invalid UTF-8 decodes to U+FFFD (nginx reads bytes), so writing it back would change bytes no fix touched.
 */
export function readFixable(path: string): FixableFile | { error: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { error: `cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const text = decodeConfig(bytes);
  const bom = bytes.subarray(0, 3).equals(BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  return Buffer.from(text, "utf8").equals(body) ? { text, bom } : { error: "it is not valid UTF-8, and rewriting it would change bytes no fix touches" };
}

export function encodeFixed(path: string, text: string, bom: boolean): FileWrite {
  const data = Buffer.from(text, "utf8");
  return { path, data: bom ? Buffer.concat([BOM, data]) : data };
}
