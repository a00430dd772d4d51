// The outline: http, server, location, upstream, map and the other blocks that structure a config.
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from "vscode-languageserver";
import type { Directive } from "../src/syntax/ast.js";
import type { Session } from "./session.js";
import type { TextPositions } from "./text-positions.js";

// A Map, not an object: a block may be called `constructor` or `__proto__`.
const KINDS: ReadonlyMap<string, SymbolKind> = new Map([
  ["events", SymbolKind.Namespace],
  ["http", SymbolKind.Namespace],
  ["stream", SymbolKind.Namespace],
  ["mail", SymbolKind.Namespace],
  ["server", SymbolKind.Class],
  ["upstream", SymbolKind.Interface],
  ["location", SymbolKind.Method],
  ["if", SymbolKind.Boolean],
  ["limit_except", SymbolKind.Method],
  ["map", SymbolKind.Variable],
  ["geo", SymbolKind.Variable],
  ["split_clients", SymbolKind.Variable],
  ["types", SymbolKind.Struct],
]);

export function documentSymbols(session: Session, params: DocumentSymbolParams): DocumentSymbol[] {
  const path = session.uris.pathOf(params.textDocument.uri);
  const snapshot = session.current().for(path);
  const file = snapshot.result.workspace.files.get(path)?.file;
  const positions = snapshot.positions(path);
  if (!file || !positions) return [];
  return symbolsOf(file.directives, positions);
}

function symbolsOf(directives: Directive[], positions: TextPositions): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const d of directives) {
    const kind = KINDS.get(d.name.value);
    if (kind === undefined || !d.block) continue;
    out.push({
      name: labelOf(d),
      detail: d.args.map((a) => a.raw).join(" ") || undefined,
      kind,
      range: positions.range(d.startOffset, d.endOffset),
      selectionRange: positions.fromCore(d.name.range),
      children: d.name.value === "map" || d.name.value === "types" ? [] : symbolsOf(d.block.directives, positions),
    });
  }
  return out;
}

/** `server example.com`, `location /ws/`, `upstream backend`, `map $http_upgrade $connection_upgrade`. */
function labelOf(d: Directive): string {
  const name = d.name.value;
  if (name === "server" && d.block) {
    const names = d.block.directives.filter((c) => c.name.value === "server_name").flatMap((c) => c.args.map((a) => a.value));
    const listens = d.block.directives.filter((c) => c.name.value === "listen").map((c) => c.args[0]?.value ?? "");
    const label = names.length ? names.join(" ") : listens.filter(Boolean).join(" ");
    return label ? `server ${label}` : "server";
  }
  const args = d.args.map((a) => a.raw).join(" ");
  return args ? `${name} ${args}` : name;
}
