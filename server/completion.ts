// Completion: directives the cursor's context allows, variables after `$`, upstream names after `proxy_pass http://`.
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from "vscode-languageserver";
import { allDirectives } from "../src/reference/directives.js";
import { builtinVariableNames } from "../src/reference/variables.js";
import type { NodeContext } from "../src/workspace/block-contexts.js";
import type { ConfigNode, ConfigTree } from "../src/workspace/tree.js";
import { describeInForce, inherits, specMarkdown, valueInForce, where, written } from "./describe.js";
import { contextOfBody, locate } from "./locate.js";
import type { Session } from "./session.js";
import type { Snapshot } from "./snapshot.js";
import type { TextPositions } from "./text-positions.js";

const VARIABLE_PREFIX = /\$(\{?)([A-Za-z0-9_]*)$/;
/** `proxy_pass http://na`, `grpc_pass grpcs://na`: the scheme says an upstream name may follow. */
const SCHEME_PASS = /\b(?:proxy_pass|grpc_pass)\s+["']?[a-z]+:\/\/([A-Za-z0-9_.-]*)$/;
/** Directives that take a bare upstream name, and the stream module's `proxy_pass name`. */
const BARE_PASS = /\b(fastcgi_pass|uwsgi_pass|scgi_pass|memcached_pass|proxy_pass)\s+["']?([A-Za-z0-9_.-]*)$/;
const STATEMENT_START = /(?:^|[;{}])\s*([A-Za-z0-9_]*)$/;

export function completion(session: Session, params: CompletionParams): CompletionList | null {
  const path = session.uris.pathOf(params.textDocument.uri);
  const snapshot = session.current().for(path);
  const positions = snapshot.positions(path);
  if (!positions) return null;
  const offset = positions.offset(params.position);
  const prefix = positions.linePrefix(offset);
  const list = (items: CompletionItem[]): CompletionList => ({ isIncomplete: false, items });

  const variable = VARIABLE_PREFIX.exec(prefix);
  if (variable) {
    const braced = variable[1] === "{" && positions.text[offset] !== "}";
    return list(variableItems(snapshot, path, positions, offset - variable[2].length, offset, braced));
  }
  const spot = locate(snapshot, path, offset);
  const scheme = SCHEME_PASS.exec(prefix);
  const bare = BARE_PASS.exec(prefix);
  if (scheme || bare) {
    const context = spot.kind === "body" ? contextOfBody(snapshot, path, spot.node) : spot.node.context;
    const stream = context.startsWith("stream");
    // Without a scheme, http's proxy_pass takes a URL, so only stream's bare `proxy_pass name` is an upstream.
    if (scheme || (bare && (bare[1] !== "proxy_pass" || stream))) {
      const typed = (scheme?.[1] ?? bare?.[2]) as string;
      return list(upstreamItems(snapshot, path, positions, offset - typed.length, offset, stream));
    }
  }
  const start = STATEMENT_START.exec(prefix);
  if (!start || spot.kind === "arg") return list([]);
  const block = spot.kind === "body" ? spot.node : spot.node.parent;
  const context = spot.kind === "body" ? contextOfBody(snapshot, path, spot.node) : spot.node.context;
  const tree = snapshot.treeOf(path, block);
  return list(directiveItems(context, block, tree, path, positions, offset - start[1].length, offset));
}

function directiveItems(context: NodeContext, block: ConfigNode | undefined, tree: ConfigTree | undefined, path: string, positions: TextPositions, from: number, to: number): CompletionItem[] {
  // Map entries, types and unknown blocks hold data, not directives.
  if (context === "opaque") return [];
  const range = positions.range(from, to);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const spec of allDirectives()) {
    if (!spec.contexts.includes(context) || seen.has(spec.name)) continue;
    seen.add(spec.name);
    const docs = [specMarkdown(spec)];
    if (inherits(spec) && !spec.block) {
      const found = valueInForce(block, tree, spec.name);
      if (found) docs.push(`In force here: ${describeInForce(found, block, path)}`);
    }
    items.push({
      label: spec.name,
      kind: CompletionItemKind.Keyword,
      detail: spec.module,
      documentation: { kind: MarkupKind.Markdown, value: docs.join("\n\n") },
      textEdit: { range, newText: spec.name },
    });
  }
  return items;
}

function variableItems(snapshot: Snapshot, path: string, positions: TextPositions, from: number, to: number, braced: boolean): CompletionItem[] {
  const range = positions.range(from, to);
  const close = braced ? "}" : "";
  const items: CompletionItem[] = [];
  const own = snapshot.symbolsAt(path).variables;
  for (const [name, nodes] of own) {
    items.push({
      label: name,
      kind: CompletionItemKind.Variable,
      detail: `defined by ${written(nodes[0])} (${where(nodes[0], path)})`,
      sortText: `0${name}`,
      textEdit: { range, newText: name + close },
    });
  }
  for (const name of builtinVariableNames()) {
    if (own.has(name)) continue;
    // Families such as `http_` are completed as their prefix; the user types the header name after it.
    const family = name.endsWith("_");
    items.push({
      label: name,
      kind: CompletionItemKind.Variable,
      detail: family ? `built-in family: $${name}NAME` : "built-in",
      sortText: `1${name}`,
      textEdit: { range, newText: family ? name : name + close },
    });
  }
  return items;
}

function upstreamItems(snapshot: Snapshot, path: string, positions: TextPositions, from: number, to: number, stream: boolean): CompletionItem[] {
  const range = positions.range(from, to);
  const symbols = snapshot.symbolsAt(path);
  const table = stream ? symbols.streamUpstreams : symbols.upstreams;
  return [...table.values()].map((u) => ({
    label: u.name,
    kind: CompletionItemKind.Module,
    detail: `upstream, ${u.servers.length} server${u.servers.length === 1 ? "" : "s"} (${where(u.node, path)})`,
    textEdit: { range, newText: u.name },
  }));
}
