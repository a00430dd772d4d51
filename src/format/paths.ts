// Shows absolute paths relative to the working directory (or repository root) when they are inside it.
import { isAbsolute, relative, sep } from "node:path";

export function displayPath(file: string, cwd: string): string {
  return insidePath(file, cwd) ?? file;
}

/** `file` relative to `root` with forward slashes, or undefined when it is not inside `root`. */
export function insidePath(file: string, root: string): string | undefined {
  if (!isAbsolute(file)) return file.split(sep).join("/");
  const rel = relative(root, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : undefined;
}
