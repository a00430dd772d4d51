// Hover: a directive's reference docs and the value in force there; where a variable, upstream or include leads.
import type { Hover, HoverParams } from "vscode-languageserver";
import { isBuiltinVariable } from "../src/reference/variables.js";
import type { ContextName } from "../src/reference/contexts.js";
import { childContext } from "../src/workspace/block-contexts.js";
import type { ConfigNode, ConfigTree } from "../src/workspace/tree.js";
import { describeDefault, describeInForce, docsUrl, inherits, specFor, specMarkdown, valueInForce, where, written } from "./describe.js";
import { locate, upstreamNamed, upstreamRef, variableAt } from "./locate.js";
import type { Session } from "./session.js";
import type { Snapshot } from "./snapshot.js";

export function hover(session: Session, params: HoverParams): Hover | null {
  const path = session.uris.pathOf(params.textDocument.uri);
  const snapshot = session.current().for(path);
  const positions = snapshot.positions(path);
  if (!positions) return null;
  const offset = positions.offset(params.position);
  const spot = locate(snapshot, path, offset);
  if (spot.kind === "body") return null;
  let markdown: string | undefined;
  let range: { start: number; end: number } | undefined;
  if (spot.kind === "name") {
    markdown = directiveHover(snapshot, spot.node, path);
    range = { start: spot.word.range.start.offset, end: spot.word.range.end.offset };
  } else if (spot.word) {
    const variable = variableAt(spot.word, offset);
    const upstream = spot.index === 0 ? upstreamRef(spot.node) : undefined;
    if (variable) {
      markdown = variableHover(snapshot, variable.name, path);
      range = variable;
    } else if (upstream && upstream.start <= offset && offset <= upstream.end) {
      markdown = upstreamHover(snapshot, upstream, path);
      range = upstream;
    } else if (spot.node.include) {
      const targets = spot.node.include.targets;
      markdown = targets.length ? `Includes ${targets.map((t) => `\`${t}\``).join(", ")}` : `Includes nothing: ${spot.node.include.error ?? "no file matches"}`;
      range = { start: spot.word.range.start.offset, end: spot.word.range.end.offset };
    }
  }
  if (!markdown) return null;
  return { contents: { kind: "markdown", value: markdown }, range: range && positions.range(range.start, range.end) };
}

function directiveHover(snapshot: Snapshot, node: ConfigNode, path: string): string | undefined {
  const name = node.name;
  const spec = specFor(name, node.context);
  if (!spec) return node.context === "opaque" ? undefined : `**${name}**: not a directive of any nginx module wslint knows`;
  const parts = [specMarkdown(spec)];
  const tree = snapshot.treeOf(path, node);
  if (inherits(spec) && !spec.block) {
    const outer = node.parent ? valueInForce(node.parent.parent, tree, name) : undefined;
    const own = `In force here: \`${written(node)}\`, ${where(node, path)}`;
    parts.push(outer ? `${own}; it overrides ${describeInForce(outer, undefined, path)}` : own);
  }
  if (node.directive.block && node.context !== "opaque") {
    const inForce = blockValues(node, tree, path);
    if (inForce) parts.push(inForce);
  }
  const description = shortDescription(spec.description);
  if (description) parts.push(description);
  const url = docsUrl(spec);
  if (url) parts.push(`[nginx documentation](${url})`);
  return parts.join("\n\n---\n\n");
}

function variableHover(snapshot: Snapshot, name: string, path: string): string {
  const variables = snapshot.symbolsAt(path).variables;
  const defs = variables.get(name) ?? variables.get(name.toLowerCase());
  if (defs?.length) {
    const lines = defs.slice(0, 8).map((n) => `- \`${written(n)}\` (${where(n, path)})`);
    if (defs.length > 8) lines.push(`- and ${defs.length - 8} more`);
    return `**$${name}** is defined by:\n${lines.join("\n")}`;
  }
  if (isBuiltinVariable(name)) return `**$${name}**: an nginx built-in variable`;
  return `**$${name}**: nothing in this configuration defines it, and nginx has no built-in variable of that name`;
}

function upstreamHover(snapshot: Snapshot, ref: { name: string; stream: boolean }, path: string): string | undefined {
  const upstream = upstreamNamed(snapshot.symbolsAt(path), ref);
  if (!upstream) return undefined;
  const servers = upstream.servers.map((s) => `- \`${[s.address, ...s.params].join(" ")}\``);
  const extras = [upstream.method && written(upstream.method), upstream.keepalive && written(upstream.keepalive)].filter(Boolean);
  return [`**upstream ${upstream.name}** (${where(upstream.node, path)})`, ...servers, ...extras.map((e) => `- \`${e}\``)].join("\n");
}

/** What a WebSocket proxy depends on, as it stands inside this block: the values nginx will use there. */
const PROXY_DIRECTIVES = ["proxy_http_version", "proxy_read_timeout", "proxy_send_timeout", "proxy_connect_timeout", "proxy_buffering", "proxy_set_header"];

function blockValues(block: ConfigNode, tree: ConfigTree | undefined, path: string): string | undefined {
  const inner = childContext(block.context, block.name);
  if (inner === "opaque") return undefined;
  const lines: string[] = [];
  for (const name of PROXY_DIRECTIVES) {
    const spec = specFor(name, inner);
    if (!spec?.contexts.includes(inner as ContextName)) continue;
    const found = valueInForce(block, tree, name);
    // The documented default is the newest nginx's; the rules know the version-dependent ones.
    if (found) lines.push(`- ${describeInForce(found, block, path)}`);
    else lines.push(`- \`${name}\`: not set (default per nginx.org: ${describeDefault(spec) ?? "none"})`);
  }
  return lines.length ? `In force in this block:\n${lines.join("\n")}` : undefined;
}

/** The reference's first paragraphs: a hover is a reminder, the full text is one link away. */
function shortDescription(markdown: string): string {
  const out: string[] = [];
  for (const paragraph of markdown.trim().split(/\n\s*\n/)) {
    if (out.length > 0 && out.join("").length + paragraph.length > 800) break;
    out.push(paragraph);
  }
  return out.join("\n\n");
}
