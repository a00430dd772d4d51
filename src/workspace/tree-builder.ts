// Expands a file's directives into ConfigNodes with `include` resolved in place. Files are parsed before
// (see workspace.ts): expansion only looks them up, so deep include chains never parse deep in the stack.
import type { Directive } from "../syntax/ast.js";
import type { SyntaxIssue } from "../syntax/parser.js";
import { childContext, ENTRY_BLOCKS, type NodeContext } from "./block-contexts.js";
import type { IncludeTargets } from "./include-paths.js";
import type { ConfigNode } from "./tree.js";

/** Includes nested deeper than this are not followed: nginx would, but only generated chains go that deep. */
export const MAX_INCLUDE_DEPTH = 64;

/** Blocks nested deeper than this, counting across included files, are not expanded further. */
export const MAX_TREE_DEPTH = 300;

/** Leaves share one empty list (most directives are leaves); blocks get their own below. */
const NO_CHILDREN: ConfigNode[] = Object.freeze([]) as unknown as ConfigNode[];

export interface ParsedFile {
  directives: Directive[];
}

export interface DepthIssue extends SyntaxIssue {
  file: string;
}

export class TreeBuilder {
  /** Blocks not expanded because of MAX_TREE_DEPTH, reported as syntax problems. */
  readonly depthIssues: DepthIssue[] = [];

  constructor(
    private readonly parsed: (path: string) => ParsedFile | string,
    private readonly targets: (pattern: string) => IncludeTargets,
  ) {}

  expand(directives: Directive[], file: string, context: NodeContext, parent: ConfigNode | undefined, includedBy: ConfigNode | undefined, stack: string[], depth = 0): ConfigNode[] {
    const out: ConfigNode[] = [];
    // Indexed: see walk() in tree.ts.
    for (let i = 0; i < directives.length; i++) {
      const directive = directives[i];
      const name = directive.name.value;
      const node: ConfigNode = { directive, name, file, context, parent, children: NO_CHILDREN, includedBy };
      out.push(node);
      // nginx includes in every context, map/geo/types entry lists too (their handlers call ngx_conf_include).
      if (name === "include" && directive.args.length === 1 && !directive.block) {
        out.push(...this.include(node, context, parent, stack, depth));
      }
      if (!directive.block) continue;
      if (depth >= MAX_TREE_DEPTH) {
        const message = `blocks are nested more than ${MAX_TREE_DEPTH} levels deep (across included files); wslint does not read deeper`;
        this.depthIssues.push({ file, message, range: directive.name.range });
        continue;
      }
      const inner = ENTRY_BLOCKS.has(name) ? "opaque" : childContext(context, name);
      node.children = this.expand(directive.block.directives, file, inner, node, includedBy, stack, depth + 1);
    }
    return out;
  }

  /** Resolves an include, records it on the node, and returns the included files' nodes. */
  private include(node: ConfigNode, context: NodeContext, parent: ConfigNode | undefined, stack: string[], depth: number): ConfigNode[] {
    const pattern = node.directive.args[0].value;
    const { resolved, files, error } = this.targets(pattern);
    const resolution: ConfigNode["include"] = { pattern, resolved, targets: [], error };
    node.include = resolution;
    const nodes: ConfigNode[] = [];
    for (const target of files) {
      if (stack.includes(target)) {
        resolution.cycle = [...stack.slice(stack.indexOf(target)), target];
        continue;
      }
      if (stack.length >= MAX_INCLUDE_DEPTH) {
        resolution.notFollowed = `includes nested more than ${MAX_INCLUDE_DEPTH} files deep are not followed by wslint (nginx would follow them)`;
        continue;
      }
      const parsed = this.parsed(target);
      if (typeof parsed === "string") {
        resolution.error ??= `${target}: ${parsed}`;
        continue;
      }
      resolution.targets.push(target);
      nodes.push(...this.expand(parsed.directives, target, context, parent, node, [...stack, target], depth));
    }
    return nodes;
  }
}
