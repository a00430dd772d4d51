// Which files to lint so that each open document is seen in the context nginx reads it in.
import { basename, dirname, join } from "node:path";
import type { Host } from "../src/workspace/host.js";

/** How far up from an open snippet to look for the main config (sites-enabled/x, conf.d/x, snippets/x...). */
const LEVELS_UP = 3;

/**
 * The configured main config, any `nginx.conf` a few directories above an open file, then the open files.
 * The core drops a snippet's own tree when another entry includes it, so a site file opened from
 * /etc/nginx/sites-enabled is checked inside /etc/nginx/nginx.conf's http block, as nginx reads it.
 */
export function entryFiles(openPaths: Iterable<string>, configPath: string | undefined, host: Host): string[] {
  const entries = new Set<string>();
  if (configPath) entries.add(configPath);
  const open = [...openPaths];
  for (const path of open) {
    if (basename(path) === "nginx.conf") continue; // a main config already
    let dir = dirname(path);
    for (let i = 0; i < LEVELS_UP; i++) {
      const candidate = join(dir, "nginx.conf");
      if (host.isFile(candidate)) {
        entries.add(candidate);
        break;
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  for (const path of open) entries.add(path);
  return [...entries];
}
