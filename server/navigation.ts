// Go to definition (upstreams, map/set variables, include paths) and find references (upstreams, variables).
import type { DefinitionParams, Location, ReferenceParams } from "vscode-languageserver";
import type { Symbols } from "../src/model/symbols.js";
import { variableUses } from "../src/model/variable-uses.js";
import type { Word } from "../src/syntax/ast.js";
import type { ConfigNode } from "../src/workspace/tree.js";
import { locate, upstreamNamed, upstreamRef, variableAt, variablesIn, type UpstreamRef } from "./locate.js";
import type { Session } from "./session.js";
import type { Snapshot } from "./snapshot.js";
import { lspRangeOf } from "./text-positions.js";

type Target = { kind: "variable"; name: string } | { kind: "upstream"; ref: Pick<UpstreamRef, "name" | "stream"> } | { kind: "include"; node: ConfigNode };

function targetAt(session: Session, uri: string, position: { line: number; character: number }): { snapshot: Snapshot; target?: Target } {
  const path = session.uris.pathOf(uri);
  const snapshot = session.current().for(path);
  const positions = snapshot.positions(path);
  if (!positions) return { snapshot };
  const offset = positions.offset(position);
  const spot = locate(snapshot, path, offset);
  if (spot.kind !== "arg" || !spot.word) return { snapshot };
  const variable = variableAt(spot.word, offset);
  if (variable) return { snapshot, target: { kind: "variable", name: variable.name } };
  const node = spot.node;
  if (node.include) return { snapshot, target: { kind: "include", node } };
  const ref = spot.index === 0 ? upstreamRef(node) : undefined;
  if (ref && ref.start <= offset && offset <= ref.end) return { snapshot, target: { kind: "upstream", ref } };
  if (node.name === "upstream" && spot.index === 0) {
    return { snapshot, target: { kind: "upstream", ref: { name: spot.word.value, stream: node.context === "stream" } } };
  }
  return { snapshot };
}

export function definition(session: Session, params: DefinitionParams): Location[] {
  const { snapshot, target } = targetAt(session, params.textDocument.uri, params.position);
  if (!target) return [];
  const symbols = snapshot.symbolsAt(session.uris.pathOf(params.textDocument.uri));
  if (target.kind === "include") {
    const zero = { line: 0, character: 0 };
    return target.node.include!.targets.map((t) => ({ uri: session.uris.uriOf(t), range: { start: zero, end: zero } }));
  }
  if (target.kind === "upstream") {
    const upstream = upstreamNamed(symbols, target.ref);
    return upstream ? [wordLocation(session, snapshot, upstream.node, upstream.node.directive.args[0])] : [];
  }
  return variableDefinitions(symbols, target.name).map(({ node, word }) => wordLocation(session, snapshot, node, word));
}

export function references(session: Session, params: ReferenceParams): Location[] {
  const { snapshot, target } = targetAt(session, params.textDocument.uri, params.position);
  if (!target || target.kind === "include") return [];
  const withDeclaration = params.context?.includeDeclaration !== false;
  const out: Location[] = [];
  const add = (file: string, start: number, end: number): void => {
    const positions = snapshot.positions(file);
    if (positions) out.push({ uri: session.uris.uriOf(file), range: positions.range(start, end) });
  };
  const nodes = snapshot.uniqueNodes();
  const symbols = snapshot.symbolsAt(session.uris.pathOf(params.textDocument.uri));
  if (target.kind === "upstream") {
    const upstream = upstreamNamed(symbols, target.ref);
    if (!upstream) return [];
    const decl = upstream.node.directive.args[0];
    if (withDeclaration && decl) add(upstream.node.file, decl.range.start.offset, decl.range.end.offset);
    for (const node of nodes) {
      const ref = upstreamRef(node);
      if (ref && ref.name === upstream.name && ref.stream === target.ref.stream) add(node.file, ref.start, ref.end);
    }
    return out;
  }
  const name = target.name.toLowerCase();
  const definitions = variableDefinitions(symbols, target.name);
  if (withDeclaration) for (const { node, word } of definitions) add(node.file, word.range.start.offset, word.range.end.offset);
  // `map $a $name` reads as a use of both words; the defining one is the declaration, not a reference.
  const defining = new Set(definitions.map((d) => d.word));
  for (const node of nodes) {
    const words = new Set(variableUses(node).filter((u) => u.name.toLowerCase() === name && !defining.has(u.word)).map((u) => u.word));
    for (const word of words) for (const v of variablesIn(word)) if (v.name.toLowerCase() === name) add(node.file, v.start, v.end);
  }
  return out;
}

/** The nodes defining `$name` and the word in each that names it (`map $a $name`: the second argument). */
function variableDefinitions(symbols: Symbols, name: string): { node: ConfigNode; word: Word }[] {
  const nodes = symbols.variables.get(name) ?? symbols.variables.get(name.toLowerCase()) ?? [];
  return nodes.map((node) => {
    const d = node.directive;
    const word = d.args.find((a) => a.value === `$${name}`) ?? d.args.find((a) => a.raw.includes(`<${name}>`)) ?? d.name;
    return { node, word };
  });
}

function wordLocation(session: Session, snapshot: Snapshot, node: ConfigNode, word: Word | undefined): Location {
  const w = word ?? node.directive.name;
  return { uri: session.uris.uriOf(node.file), range: snapshot.positions(node.file)?.fromCore(w.range) ?? lspRangeOf(w.range) };
}
