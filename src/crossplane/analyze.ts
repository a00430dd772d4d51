// crossplane's per-statement checks (strict, context, terminator, arguments, on/off) answered from wslint's reference.
import type { ContextName } from "../reference/contexts.js";
import { directivesNamed, isKnownDirective } from "../reference/directives.js";
import type { NodeContext } from "../workspace/block-contexts.js";

/** What ended the statement: a block, a semicolon, or nothing (a `}` or the end of the file came first). */
export type Terminator = "{" | ";" | "none";

export interface AnalyzeInput {
  directive: string;
  args: string[];
  terminator: Terminator;
  context: NodeContext;
  strict: boolean;
}

/** The error message (without crossplane's " in FILE:LINE"), or undefined when the statement passes. */
export function analyzeStatement({ directive, args, terminator, context, strict }: AnalyzeInput): string | undefined {
  const known = isKnownDirective(directive);
  if (strict && !known) return `unknown directive "${directive}"`;
  // Like crossplane, say nothing about directives it cannot place: unknown ones, and those inside blocks whose
  // bodies are not directives (map, types, geo, ...) or that no module we know opens.
  if (!known || context === "opaque") return terminator === "none" ? notTerminated(directive) : undefined;

  const specs = directivesNamed(directive).filter((s) => s.contexts.includes(context as ContextName));
  if (specs.length === 0) return `"${directive}" directive is not allowed here`;

  // A directive with several forms (upstream's `server` vs http's `server`) passes when any form fits; when none
  // does, the message is the one the first form gives, as crossplane reports it.
  let reason = "";
  for (const spec of [...specs].reverse()) {
    if (spec.block && terminator !== "{") {
      reason = `directive "${directive}" has no opening "{"`;
      continue;
    }
    if (!spec.block && terminator !== ";") {
      reason = notTerminated(directive);
      continue;
    }
    const countFits = args.length >= spec.args.min && args.length <= spec.args.max;
    if (spec.value === "flag" && args.length === 1 && !/^(on|off)$/i.test(args[0])) {
      reason = `invalid value "${args[0]}" in "${directive}" directive, it must be "on" or "off"`;
      continue;
    }
    if (countFits) return undefined;
    reason = `invalid number of arguments in "${directive}" directive`;
  }
  return reason;
}

/**
 * nginx rejects a statement that nothing terminates, whatever its name; crossplane only notices for directives in
 * its table (and otherwise swallows the `}` as the terminator).
 */
function notTerminated(directive: string): string {
  return `directive "${directive}" is not terminated by ";"`;
}
