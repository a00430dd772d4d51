// Reads all of standard input as a config (for `wslint -`).
import { readFileSync } from "node:fs";
import { decodeConfig } from "../syntax/parse.js";
import { UsageError } from "./usage-error.js";

export function readStdin(): string {
  try {
    return decodeConfig(readFileSync(0));
  } catch {
    throw new UsageError("cannot read standard input");
  }
}
