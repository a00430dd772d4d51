// The corpus entries: the files crossplane 0.5.7 was run on to make the references in ../shared/corpus
// (README.txt and each LICENSES.txt), found the way test/corpus/crossplane.test.ts finds them.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

/** Suffixes of reference variants (the same entry parsed with other crossplane options). */
const VARIANTS = new Set(["comments", "combine", "single", "ignore", "strict"]);

/**
 * Every entry, relative to the corpus, sorted: `crossplane[.<name>][.<variant>].json` was made from `nginx.conf`
 * (no name), `<name>.conf`, the wrapper `_wrap.<name>.conf` (snippet-style entries) or the file `<name>` itself.
 */
export function corpusEntries(corpus: string): string[] {
  const found = new Set<string>();
  const visit = (dir: string): void => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) visit(path);
      else if (/^crossplane(\..+)?\.json$/.test(item.name) && !item.name.endsWith(".lex.json")) {
        const parts = item.name.slice("crossplane".length, -".json".length).split(".").filter(Boolean);
        // "default" is a name, not a variant: crossplane.default.json is h5bp's _wrap.default.conf.
        if (VARIANTS.has(parts[parts.length - 1] ?? "")) parts.pop();
        const name = parts.join(".");
        const candidates = name ? [`${name}.conf`, `_wrap.${name}.conf`, name] : ["nginx.conf"];
        const entry = candidates.find((c) => existsSync(join(dir, c))) ?? candidates[0];
        found.add(relative(corpus, join(dir, entry)));
      }
    }
  };
  visit(corpus);
  return [...found].sort();
}
