// One lint of the open documents and what requests need from it: nodes by file, positions, the include graph.
import type { LintResult } from "../src/engine/lint.js";
import type { Problem } from "../src/engine/problem.js";
import { emptySymbols, type Symbols } from "../src/model/symbols.js";
import type { Directive } from "../src/syntax/ast.js";
import { walk, type ConfigNode, type ConfigTree } from "../src/workspace/tree.js";
import { TextPositions } from "./text-positions.js";

export class Snapshot {
  private nodesByFile: Map<string, ConfigNode[]> | undefined;
  private readonly positionsByFile = new Map<string, TextPositions>();

  constructor(
    readonly result: LintResult,
    /** Open documents (paths) → the version that was linted. */
    readonly open: ReadonlyMap<string, number>,
  ) {}

  text(path: string): string | undefined {
    return this.result.workspace.files.get(path)?.file.text;
  }

  positions(path: string): TextPositions | undefined {
    let p = this.positionsByFile.get(path);
    if (!p) {
      const text = this.text(path);
      if (text === undefined) return undefined;
      p = new TextPositions(text);
      this.positionsByFile.set(path, p);
    }
    return p;
  }

  /**
   * The nodes written in `path`, in document order. A file included twice appears twice in the trees with
   * different parents; the first expansion stands for it, as the first is what an editor user reads first.
   */
  nodesIn(path: string): ConfigNode[] {
    if (!this.nodesByFile) {
      const byFile = new Map<string, ConfigNode[]>();
      for (const node of this.uniqueNodes()) {
        const list = byFile.get(node.file);
        if (list) list.push(node);
        else byFile.set(node.file, [node]);
      }
      this.nodesByFile = byFile;
    }
    return this.nodesByFile.get(path) ?? [];
  }

  /** Every node once per directive written: what find-references searches, so a shared snippet counts once. */
  uniqueNodes(): ConfigNode[] {
    const seen = new Set<Directive>();
    return this.allNodes().filter((n) => !seen.has(n.directive) && seen.add(n.directive));
  }

  allNodes(): ConfigNode[] {
    const out: ConfigNode[] = [];
    for (const tree of this.result.model.trees) walk(tree.roots, (n) => void out.push(n));
    return out;
  }

  /** The tree `node` belongs to; without a node, the one holding `path`'s top level. */
  treeOf(path: string, node?: ConfigNode): ConfigTree | undefined {
    let root = node ?? this.nodesIn(path)[0];
    while (root?.parent) root = root.parent;
    const trees = this.result.model.trees;
    return (root && trees.find((t) => t.roots.includes(root!))) ?? trees.find((t) => t.entry === path);
  }

  /** What the tree holding `path` defines (variables, upstreams): a file sees only its own tree's names. */
  symbolsAt(path: string): Symbols {
    const tree = this.treeOf(path);
    return tree ? this.result.model.symbolsOf(tree) : emptySymbols();
  }

  problemsIn(path: string): Problem[] {
    return this.result.problems.filter((p) => p.file === path);
  }

  /**
   * The files whose diagnostics belong on screen: the open documents, every file they include (transitively)
   * and every file that includes them. Unrelated files a discovered main config pulls in stay quiet.
   */
  relatedFiles(): Set<string> {
    // One file read, no includes followed: nothing to walk for (the common case, and the benchmark's).
    if (this.result.workspace.files.size <= 1) return new Set(this.open.keys());
    const forward = new Map<string, Set<string>>();
    const backward = new Map<string, Set<string>>();
    const link = (map: Map<string, Set<string>>, a: string, b: string): void => {
      const set = map.get(a);
      if (set) set.add(b);
      else map.set(a, new Set([b]));
    };
    for (const node of this.allNodes()) {
      for (const target of node.include?.targets ?? []) {
        link(forward, node.file, target);
        link(backward, target, node.file);
      }
    }
    // One visited set per direction: a file reached by including may still lead up to other includers.
    const reach = (edges: Map<string, Set<string>>): Set<string> => {
      const seen = new Set(this.open.keys());
      const pending = [...seen];
      while (pending.length > 0) {
        for (const next of edges.get(pending.pop()!) ?? []) {
          if (!seen.has(next)) {
            seen.add(next);
            pending.push(next);
          }
        }
      }
      return seen;
    };
    return new Set([...reach(forward), ...reach(backward)]);
  }
}
