// Shows absolute paths relative to the working directory when they are inside it.
import { isAbsolute, relative, sep } from "node:path";

export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : file;
}
