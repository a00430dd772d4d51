// The configuration as nginx sees it: every file's directives with `include` expanded in place, each node
// knowing its file and its context.
import type { Directive } from "../syntax/ast.js";
import type { NodeContext } from "./block-contexts.js";

export interface IncludeResolution {
  /** The argument as written. */
  pattern: string;
  /** The absolute pattern after resolving against the prefix directory. */
  resolved: string;
  /** Files it brought in, in nginx's order. */
  targets: string[];
  /** Set when a literal path could not be read, with the reason. */
  error?: string;
  /** Set when a target is already being included further up: the chain of files. */
  cycle?: string[];
  /** Set when wslint stopped following includes here (nginx would go on), with the reason. */
  notFollowed?: string;
}

export interface ConfigNode {
  directive: Directive;
  /**
   * The directive's name as nginx reads it (`directive.name.value`), kept as a plain string: every rule reads
   * it for every node, and a field costs less than the word's lazy getter.
   */
  name: string;
  /** Absolute path of the file the directive is written in. */
  file: string;
  /** The context the directive is written in. */
  context: NodeContext;
  parent: ConfigNode | undefined;
  /** The block's directives with includes expanded (the `include` node itself stays, followed by what it brought). */
  children: ConfigNode[];
  /** For `include` directives: what it resolved to. */
  include?: IncludeResolution;
  /** The `include` node that brought this node's file in, when it is not the entry file. */
  includedBy?: ConfigNode;
}

export interface ConfigTree {
  /** Absolute path of the entry file. */
  entry: string;
  /** The context of the entry file's top level: "main" for a whole config, else the snippet's context. */
  context: NodeContext;
  /** How the context was decided, for messages ("main config", "--context", "comment", "guessed"). */
  contextSource: "main" | "option" | "comment" | "includer" | "guessed";
  roots: ConfigNode[];
}

/** Visits every node depth-first in document order; return false from `enter` to skip a node's children. */
export function walk(nodes: ConfigNode[], enter: (node: ConfigNode) => boolean | void): void {
  // Indexed, not for-of, on this and the other per-node loops: until V8 optimises a loop, for-of allocates an
  // iterator result per element, and a CLI run is over before most loops are optimised (26 MB of garbage on
  // the benchmark's 58k-line config).
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (enter(node) === false) continue;
    if (node.children.length > 0) walk(node.children, enter);
  }
}

/** `line 12`, or `/etc/nginx/conf.d/app.conf:12` when `node` is in another file than `from`: for messages. */
export function lineReference(node: ConfigNode, from: ConfigNode): string {
  return node.file === from.file ? `line ${lineOf(node)}` : `${node.file}:${lineOf(node)}`;
}

/** The line a node's directive starts on, for messages ("set at line 12"). */
export function lineOf(node: ConfigNode): number {
  return node.directive.name.range.start.line;
}
