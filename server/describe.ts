// Shared words for hover and completion: where a node is, how a directive reads, what value is in force.
import { basename } from "node:path";
import { directivesNamed, lookupDirective, type DirectiveSpec } from "../src/reference/directives.js";
import type { ContextName } from "../src/reference/contexts.js";
import type { NodeContext } from "../src/workspace/block-contexts.js";
import type { ConfigNode, ConfigTree } from "../src/workspace/tree.js";
import { effective } from "../src/model/effective.js";

/** "line 12", or "snippets.conf, line 12" when the node is in another file than the one being read. */
export function where(node: ConfigNode, fromPath: string): string {
  const line = `line ${node.directive.range.start.line}`;
  return node.file === fromPath ? line : `${basename(node.file)}, ${line}`;
}

/** The directive as written, e.g. `proxy_read_timeout 1h` (block bodies left out). */
export function written(node: ConfigNode): string {
  const d = node.directive;
  return [d.name.raw, ...d.args.map((a) => a.raw)].join(" ");
}

/** A block's name for messages: `http`, `server`, `location /ws/`. */
export function blockLabel(node: ConfigNode): string {
  const d = node.directive;
  return d.name.value === "location" || d.name.value === "upstream" ? written(node) : d.name.value;
}

export function specFor(name: string, context: NodeContext): DirectiveSpec | undefined {
  if (context !== "opaque") return lookupDirective(name, context);
  return directivesNamed(name)[0];
}

/**
 * Whether outer blocks' values reach inner ones. The reference does not say; a directive allowed at two or
 * more nesting levels (http/server/location) is one nginx merges downwards, one allowed at a single level
 * (`proxy_pass`, `listen`) is not.
 */
export function inherits(spec: DirectiveSpec | undefined): boolean {
  if (!spec) return false;
  const levels: ContextName[][] = [["http", "server", "location"], ["stream", "stream-server"], ["mail", "mail-server"]];
  return levels.some((family) => family.filter((c) => spec.contexts.includes(c)).length >= 2);
}

export interface InForce {
  /** The directives in force (several for proxy_set_header and the other list directives). */
  nodes: ConfigNode[];
  /** The block that sets them; undefined for the top level of the tree. */
  block: ConfigNode | undefined;
}

/** What nginx uses for `name` inside `block`, merged by the model as nginx merges it; undefined: the default. */
export function valueInForce(block: ConfigNode | undefined, tree: ConfigTree | undefined, name: string): InForce | undefined {
  if (!tree) return undefined;
  const { nodes, level } = effective(block, tree, name);
  return nodes.length > 0 && level ? { nodes, block: level.node } : undefined;
}

/** "`proxy_read_timeout 1h`, inherited from http, line 12" / "..., set in this block, line 20". */
export function describeInForce(found: InForce, here: ConfigNode | undefined, fromPath: string): string {
  const first = found.nodes[0];
  const origin = found.block === here ? "set in this block" : found.block ? `inherited from ${blockLabel(found.block)}` : "inherited from the top level";
  const more = found.nodes.length > 1 ? ` (and ${found.nodes.length - 1} more)` : "";
  return `\`${written(first)}\`${more}, ${origin}, ${where(first, fromPath)}`;
}

/** A directive's documented default, on one line: "`proxy_read_timeout 60s;`". */
export function describeDefault(spec: DirectiveSpec): string | undefined {
  const dflt = spec.default.trim();
  if (!dflt) return undefined;
  // The reference's default is Markdown; plain values read best as the directive written out.
  return dflt.includes("`") ? dflt.replace(/\s*\n\s*/g, " ") : dflt.split(/\s*\n\s*/).map((v) => `\`${spec.name} ${v};\``).join(" ");
}

/** nginx.org's page for a module's directive, when the module's family says where it lives. */
export function docsUrl(spec: DirectiveSpec): string | undefined {
  const m = /^ngx_(http|stream|mail)_/.exec(spec.module);
  if (m) return `https://nginx.org/en/docs/${m[1]}/${spec.module}.html#${spec.name}`;
  if (spec.module === "ngx_core_module") return `https://nginx.org/en/docs/ngx_core_module.html#${spec.name}`;
  return undefined;
}

/** Syntax, default, contexts and module, as Markdown. */
export function specMarkdown(spec: DirectiveSpec): string {
  const syntax = spec.syntax.map((s) => `**${spec.name}** ${s.trim()}${spec.block ? "" : ";"}`).join("  \n");
  const lines = [syntax, ""];
  lines.push(`Default: ${describeDefault(spec) ?? "none"}  `);
  lines.push(`Context: ${spec.contexts.join(", ")}  `);
  lines.push(`Module: ${spec.module}`);
  return lines.join("\n");
}
