// Reads files for --fix as exact bytes, so a fix can write back everything it did not edit unchanged.
import { readFileSync } from "node:fs";
import { decodeConfig } from "../syntax/parse.js";
import type { FileWrite } from "./write-atomic.js";

/**
 * The file's text (the linter's offsets refer to it; a byte order mark is part of it, as in nginx), or why it
 * cannot be fixed. A file whose bytes do not survive decoding and encoding is never rewritten: invalid UTF-8
 * decodes to U+FFFD (nginx reads bytes), so writing it back would change bytes no fix touched.
 */
export function readFixable(path: string): { text: string } | { error: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { error: `cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const text = decodeConfig(bytes);
  return Buffer.from(text, "utf8").equals(bytes) ? { text } : { error: "it is not valid UTF-8, and rewriting it would change bytes no fix touches" };
}

export function encodeFixed(path: string, text: string): FileWrite {
  return { path, data: Buffer.from(text, "utf8") };
}
