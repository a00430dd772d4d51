// Where an `include` argument points, resolved as nginx does: relative to the main config's directory (the
// prefix), expanded by glob(3) when it has magic characters, a literal path required to exist.
import { isAbsolute, join } from "node:path";
import { hasGlobMagic, type Host } from "./host.js";

export interface IncludeTargets {
  /** The absolute pattern after resolving against the prefix directory. */
  resolved: string;
  /** Matching paths, in nginx's order; a glob's may name directories, which fail to read as they do in nginx. */
  files: string[];
  /** Why a literal path cannot be included (an empty glob is no error). */
  error?: string;
}

export function resolveIncludeTargets(pattern: string, prefix: string, host: Host): IncludeTargets {
  const resolved = isAbsolute(pattern) ? pattern : join(prefix, pattern);
  if (hasGlobMagic(pattern)) return { resolved, files: host.glob(resolved) };
  if (host.isFile(resolved)) return { resolved, files: [resolved] };
  const read = host.readFile(resolved);
  return read.ok ? { resolved, files: [resolved] } : { resolved, files: [], error: read.error };
}
