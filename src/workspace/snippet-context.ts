// Decides whether a file is a whole nginx config or a snippet, and a snippet's context: from a
// `# wslint: context NAME` comment, from `--context`, or from what its top-level directives allow.
import type { ContextName } from "../reference/contexts.js";
import { directivesNamed } from "../reference/directives.js";
import type { ConfigFile } from "../syntax/ast.js";
import { SNIPPET_CONTEXTS } from "./block-contexts.js";
import type { ConfigTree } from "./tree.js";

const CONTEXT_COMMENT = /^\s*wslint:\s*context\s+([a-z_-]+)\s*$/;

/** Top-level blocks that only a main config has. */
const MAIN_MARKERS = new Set(["http", "events", "stream", "mail"]);

/** Contexts tried, in order, when a snippet's context must be guessed: the most common first. */
const GUESS_ORDER: ContextName[] = ["http", "server", "location", "upstream", "main", "stream", "stream-server", "mail"];

export function snippetContext(
  file: ConfigFile,
  option: ContextName | undefined,
): { context: ContextName; source: ConfigTree["contextSource"] } {
  const declared = declaredContext(file);
  if (declared) return { context: declared, source: "comment" };
  if (file.directives.some((d) => MAIN_MARKERS.has(d.name.value))) return { context: "main", source: "main" };
  if (option) return { context: option, source: "option" };
  // An empty file is a snippet, unless it is named as nginx's main config (then nginx -t would fail on it).
  if (file.directives.length === 0 && /(^|\/)nginx\.conf$/.test(file.path)) return { context: "main", source: "main" };
  const names = [...new Set(file.directives.map((d) => d.name.value))];
  const fits = GUESS_ORDER.find((ctx) => names.every((n) => directivesNamed(n).some((s) => s.contexts.includes(ctx))));
  return { context: fits ?? "http", source: "guessed" };
}

/** `# wslint: context server` anywhere at the top level of the file. */
export function declaredContext(file: ConfigFile): ContextName | undefined {
  for (const comment of file.comments) {
    const m = CONTEXT_COMMENT.exec(comment.text);
    if (m && (SNIPPET_CONTEXTS as readonly string[]).includes(m[1])) return m[1] as ContextName;
  }
  return undefined;
}
