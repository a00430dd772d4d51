// What is under the cursor: which directive, which of its words, which `$variable` or upstream name.
import type { Symbols, Upstream } from "../src/model/symbols.js";
import type { Word } from "../src/syntax/ast.js";
import { childContext, type NodeContext } from "../src/workspace/block-contexts.js";
import type { ConfigNode } from "../src/workspace/tree.js";
import type { Snapshot } from "./snapshot.js";

export type Spot =
  | { kind: "name"; node: ConfigNode; word: Word }
  /** Among the arguments; `word` is undefined between words. */
  | { kind: "arg"; node: ConfigNode; word: Word | undefined; index: number }
  /** Between statements, in `node`'s block, or at the file's top level when `node` is undefined. */
  | { kind: "body"; node: ConfigNode | undefined };

const within = (offset: number, w: Word): boolean => w.range.start.offset <= offset && offset <= w.range.end.offset;

export function locate(snapshot: Snapshot, path: string, offset: number): Spot {
  let inner: ConfigNode | undefined;
  for (const node of snapshot.nodesIn(path)) {
    const d = node.directive;
    // A directive error recovery cut short has no terminator: the cursor at its very end is still in it.
    const inside = d.startOffset <= offset && (offset < d.endOffset || (d.recovered && offset === d.endOffset));
    // Document order: a later node that contains the offset is nested in the earlier ones.
    if (inside && (!inner || d.startOffset >= inner.directive.startOffset)) inner = node;
  }
  if (!inner) return { kind: "body", node: undefined };
  const d = inner.directive;
  if (within(offset, d.name)) return { kind: "name", node: inner, word: d.name };
  const block = d.block;
  if (block && offset > block.startOffset && (offset < block.endOffset || !block.closed)) return { kind: "body", node: inner };
  const index = d.args.findIndex((a) => within(offset, a));
  if (index >= 0) return { kind: "arg", node: inner, word: d.args[index], index };
  return { kind: "arg", node: inner, word: undefined, index: d.args.filter((a) => a.range.end.offset < offset).length };
}

/** The context a new directive at this spot would be in. */
export function contextOfBody(snapshot: Snapshot, path: string, node: ConfigNode | undefined): NodeContext {
  if (node) return childContext(node.context, node.name);
  const first = snapshot.nodesIn(path)[0];
  if (first) return first.context;
  const tree = snapshot.result.model.trees.find((t) => t.entry === path);
  if (tree) return tree.context;
  // An empty file: the context of the include that brings it in.
  const includer = snapshot.allNodes().find((n) => n.include?.targets.includes(path));
  return includer?.context ?? "http";
}

export interface VariableRef {
  name: string;
  start: number;
  end: number;
}

const VARIABLE = /\$\{([A-Za-z0-9_]+)\}|\$([A-Za-z0-9_]+)/g;

/** Every `$name` / `${name}` written in a word, with offsets. */
export function variablesIn(word: Word): VariableRef[] {
  const base = word.range.start.offset;
  return [...word.raw.matchAll(VARIABLE)].map((m) => ({ name: m[1] ?? m[2], start: base + m.index, end: base + m.index + m[0].length }));
}

export function variableAt(word: Word, offset: number): VariableRef | undefined {
  return variablesIn(word).find((v) => v.start <= offset && offset <= v.end);
}

/** Directives whose first argument names a server or an upstream group. */
export const PASS_DIRECTIVES = new Set(["proxy_pass", "grpc_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass", "memcached_pass"]);

export interface UpstreamRef {
  name: string;
  start: number;
  end: number;
  stream: boolean;
}

/** The host part of `proxy_pass http://name/...` (or `fastcgi_pass name`, stream `proxy_pass name`). */
export function upstreamRef(node: ConfigNode): UpstreamRef | undefined {
  const word = node.directive.args[0];
  if (!PASS_DIRECTIVES.has(node.name) || !word) return undefined;
  const quote = word.quote === "none" ? 0 : 1;
  const m = /^((?:[a-z0-9+.-]+):\/\/)?([^/:$\s"';{}?]+)/i.exec(word.raw.slice(quote));
  if (!m) return undefined;
  const start = word.range.start.offset + quote + (m[1]?.length ?? 0);
  return { name: m[2], start, end: start + m[2].length, stream: node.context.startsWith("stream") };
}

export function upstreamNamed(symbols: Symbols, ref: { name: string; stream: boolean }): Upstream | undefined {
  return (ref.stream ? symbols.streamUpstreams : symbols.upstreams).get(ref.name);
}
