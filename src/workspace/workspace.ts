// Loads entry files and everything they include, once each, and builds the include-expanded trees.
import { dirname, join, resolve } from "node:path";
import type { ContextName } from "../reference/contexts.js";
import type { ConfigFile, Directive } from "../syntax/ast.js";
import { parseConfig } from "../syntax/parse.js";
import type { SyntaxIssue } from "../syntax/parser.js";
import type { Host } from "./host.js";
import { resolveIncludeTargets, type IncludeTargets } from "./include-paths.js";
import { snippetContext } from "./snippet-context.js";
import type { ConfigNode, ConfigTree } from "./tree.js";
import { TreeBuilder, type DepthIssue } from "./tree-builder.js";

export { MAX_INCLUDE_DEPTH } from "./tree-builder.js";

export interface WorkspaceOptions {
  /** Context of files that are snippets rather than whole configs (`--context`). */
  context?: ContextName;
  /** Directory relative include paths resolve against (nginx's conf prefix); default: see snippetPrefix. */
  prefix?: string;
}

export interface LoadedFile {
  path: string;
  file: ConfigFile;
  issues: SyntaxIssue[];
}

export interface Workspace {
  files: Map<string, LoadedFile>;
  trees: ConfigTree[];
  /** Entry files that could not be read, with the reason. */
  unreadable: { path: string; error: string }[];
  /** Problems found while expanding the trees (nesting too deep across included files). */
  issues: DepthIssue[];
}

export function loadWorkspace(entries: string[], host: Host, options: WorkspaceOptions = {}): Workspace {
  const files = new Map<string, LoadedFile>();
  const failed = new Map<string, string>();
  const load = (path: string): LoadedFile | string => {
    const known = files.get(path) ?? failed.get(path);
    if (known !== undefined) return known;
    const read = host.readFile(path);
    if (!read.ok) {
      failed.set(path, read.error);
      return read.error;
    }
    const parsed = parseConfig(read.text, path);
    const loaded = { path, file: parsed.file, issues: parsed.issues };
    files.set(path, loaded);
    return loaded;
  };

  const trees: ConfigTree[] = [];
  const unreadable: Workspace["unreadable"] = [];
  const issues: DepthIssue[] = [];
  for (const entry of entries.map((e) => resolve(e))) {
    const loaded = load(entry);
    if (typeof loaded === "string") {
      unreadable.push({ path: entry, error: loaded });
      continue;
    }
    const { context, source } = snippetContext(loaded.file, options.context);
    const prefix = options.prefix ? resolve(options.prefix) : source === "main" ? dirname(entry) : snippetPrefix(entry, host);
    // Each pattern is resolved (stat, glob) once: the preload and the tree builder share the answers.
    const resolutions = new Map<string, IncludeTargets>();
    const targets = (pattern: string): IncludeTargets => {
      let found = resolutions.get(pattern);
      if (!found) resolutions.set(pattern, (found = resolveIncludeTargets(pattern, prefix, host)));
      return found;
    };
    preloadIncludes(loaded, load, targets);
    const parsed = (path: string): ConfigFile | string => {
      const file = load(path);
      return typeof file === "string" ? file : file.file;
    };
    const builder = new TreeBuilder(parsed, targets);
    const roots = builder.expand(loaded.file.directives, entry, context, undefined, undefined, [entry]);
    issues.push(...builder.depthIssues);
    trees.push({ entry, context, contextSource: source, roots });
  }
  return { files, trees: withoutIncludedEntries(trees), unreadable, issues };
}

/**
 * nginx resolves relative includes against the main config's directory. A snippet linted alone belongs to the
 * nearest nginx.conf above it (conf.d/, sites-enabled/, snippets/ sit beside it), else to its own directory.
 */
function snippetPrefix(entry: string, host: Host): string {
  for (let dir = dirname(entry); ; dir = dirname(dir)) {
    if (host.isFile(join(dir, "nginx.conf"))) return dir;
    if (dirname(dir) === dir) return dirname(entry);
  }
}

/**
 * Parses every file the entry reaches through includes, breadth first, before any tree is built: parsing
 * then always starts from a shallow stack, however long the include chain.
 */
function preloadIncludes(entry: LoadedFile, load: (path: string) => LoadedFile | string, targets: (pattern: string) => IncludeTargets): void {
  const seen = new Set([entry.path]);
  const queue = [entry];
  for (let i = 0; i < queue.length; i++) {
    for (const pattern of includePatterns(queue[i].file.directives)) {
      for (const target of targets(pattern).files) {
        if (seen.has(target)) continue;
        seen.add(target);
        const loaded = load(target);
        if (typeof loaded !== "string") queue.push(loaded);
      }
    }
  }
}

function includePatterns(directives: Directive[], out: string[] = []): string[] {
  // Indexed: see walk() in tree.ts.
  for (let i = 0; i < directives.length; i++) {
    const d = directives[i];
    if (d.name.value === "include" && d.args.length === 1 && !d.block) out.push(d.args[0].value);
    if (d.block) includePatterns(d.block.directives, out);
  }
  return out;
}

/**
 * When a directory is linted, a file another entry includes is checked in that entry's context, not alone.
 * Main configs always stay; so does the first file of a group of snippets that only include each other.
 */
function withoutIncludedEntries(trees: ConfigTree[]): ConfigTree[] {
  const reach = new Map(trees.map((t) => [t.entry, filesOf(t)]));
  const includedByOther = (t: ConfigTree): boolean => trees.some((o) => o !== t && reach.get(o.entry)!.has(t.entry));
  const kept = trees.filter((t) => t.contextSource === "main" || !includedByOther(t));
  const covered = new Set(kept.flatMap((t) => [...reach.get(t.entry)!]));
  for (const t of trees) {
    if (kept.includes(t) || covered.has(t.entry)) continue;
    kept.push(t);
    reach.get(t.entry)!.forEach((f) => covered.add(f));
  }
  return trees.filter((t) => kept.includes(t));
}

/** Every file a tree reads: its entry and what it includes, however deep. */
function filesOf(tree: ConfigTree): Set<string> {
  const files = new Set([tree.entry]);
  const visit = (nodes: ConfigNode[]): void => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      n.include?.targets.forEach((t) => files.add(t));
      n.include?.cycle?.forEach((t) => files.add(t));
      visit(n.children);
    }
  };
  visit(tree.roots);
  return files;
}
