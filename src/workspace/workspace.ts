// Loads entry files and everything they include, once each, and builds the include-expanded trees.
import { dirname, isAbsolute, join, resolve } from "node:path";
import type { ContextName } from "../reference/contexts.js";
import { parseConfig } from "../syntax/parse.js";
import type { ConfigFile, Directive } from "../syntax/ast.js";
import type { SyntaxIssue } from "../syntax/parser.js";
import { childContext, ENTRY_BLOCKS, type NodeContext } from "./block-contexts.js";
import { hasGlobMagic, type Host } from "./host.js";
import { snippetContext } from "./snippet-context.js";
import type { ConfigNode, ConfigTree, IncludeResolution } from "./tree.js";

/** Includes nested deeper than this are not followed (a generated chain must not exhaust the stack). */
export const MAX_INCLUDE_DEPTH = 64;

export interface WorkspaceOptions {
  /** Context of files that are snippets rather than whole configs (`--context`). */
  context?: ContextName;
  /** Directory relative include paths resolve against (nginx's conf prefix); default: the entry's directory. */
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
}

export function loadWorkspace(entries: string[], host: Host, options: WorkspaceOptions = {}): Workspace {
  const files = new Map<string, LoadedFile>();
  const unreadable: Workspace["unreadable"] = [];
  const load = (path: string): LoadedFile | string => {
    const cached = files.get(path);
    if (cached) return cached;
    const read = host.readFile(path);
    if (!read.ok) return read.error;
    const parsed = parseConfig(read.text, path);
    const loaded = { path, file: parsed.file, issues: parsed.issues };
    files.set(path, loaded);
    return loaded;
  };

  const trees: ConfigTree[] = [];
  for (const entry of entries.map((e) => resolve(e))) {
    const loaded = load(entry);
    if (typeof loaded === "string") {
      unreadable.push({ path: entry, error: loaded });
      continue;
    }
    const { context, source } = snippetContext(loaded.file, options.context);
    const prefix = options.prefix ? resolve(options.prefix) : dirname(entry);
    const builder = new TreeBuilder(load, host, prefix);
    const roots = builder.expand(loaded.file.directives, entry, context, undefined, undefined, [entry]);
    trees.push({ entry, context, contextSource: source, roots });
  }
  return { files, trees: withoutIncludedEntries(trees), unreadable };
}

/** When a directory is linted, a file another entry includes is checked in that entry's context, not alone. */
function withoutIncludedEntries(trees: ConfigTree[]): ConfigTree[] {
  const included = new Set<string>();
  for (const tree of trees) {
    const visit = (nodes: ConfigNode[]): void => {
      for (const n of nodes) {
        n.include?.targets.forEach((t) => t !== tree.entry && included.add(t));
        visit(n.children);
      }
    };
    visit(tree.roots);
  }
  return trees.filter((t) => t.contextSource === "main" || !included.has(t.entry));
}

class TreeBuilder {
  constructor(
    private readonly load: (path: string) => LoadedFile | string,
    private readonly host: Host,
    private readonly prefix: string,
  ) {}

  expand(
    directives: Directive[],
    file: string,
    context: NodeContext,
    parent: ConfigNode | undefined,
    includedBy: ConfigNode | undefined,
    stack: string[],
  ): ConfigNode[] {
    const out: ConfigNode[] = [];
    for (const directive of directives) {
      const node: ConfigNode = { directive, file, context, parent, children: [], includedBy };
      out.push(node);
      const name = directive.name.value;
      if (name === "include" && context !== "opaque" && directive.args.length === 1 && !directive.block) {
        node.include = this.resolveInclude(directive.args[0].value, stack);
        if (stack.length >= MAX_INCLUDE_DEPTH && node.include.targets.length > 0) {
          node.include.error = `includes are nested more than ${MAX_INCLUDE_DEPTH} files deep; not followed further`;
          node.include.targets = [];
        }
        for (const target of node.include.targets) {
          const loaded = this.load(target);
          if (typeof loaded === "string") {
            node.include.error ??= `${target}: ${loaded}`;
            continue;
          }
          out.push(...this.expand(loaded.file.directives, target, context, parent, node, [...stack, target]));
        }
      }
      if (directive.block) {
        const inner = ENTRY_BLOCKS.has(name) ? "opaque" : childContext(context, name);
        node.children = this.expand(directive.block.directives, file, inner, node, includedBy, stack);
      }
    }
    return out;
  }

  private resolveInclude(pattern: string, stack: string[]): IncludeResolution {
    const resolved = isAbsolute(pattern) ? pattern : join(this.prefix, pattern);
    const result: IncludeResolution = { pattern, resolved, targets: [] };
    const candidates = hasGlobMagic(pattern) ? this.host.glob(resolved) : [resolved];
    if (!hasGlobMagic(pattern) && !this.host.isFile(resolved)) {
      const read = this.host.readFile(resolved);
      if (!read.ok) {
        result.error = read.error;
        return result;
      }
    }
    for (const target of candidates) {
      if (stack.includes(target)) result.cycle = [...stack.slice(stack.indexOf(target)), target];
      else result.targets.push(target);
    }
    return result;
  }
}
