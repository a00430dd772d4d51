// Flags known directives written in a block where nginx does not allow them.
import { defineRule } from "../src/engine/rule.js";
import { contextLabel } from "../src/reference/context-names.js";
import { directivesNamed, type DirectiveSpec } from "../src/reference/directives.js";
import type { ContextName } from "../src/reference/contexts.js";
import { unavailableReason } from "../src/reference/availability.js";
import { atLeast, type NginxVersion } from "../src/model/version.js";
import { nestedLocationProblem } from "./directive-context/nested-locations.js";

/**
 * Contexts a directive was allowed in only from a later open-source nginx (changes.xml): the reference lists the
 * newest contexts, and before the version given here nginx -t fails with "directive is not allowed here".
 */
const CONTEXT_ADDED_IN: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  // 1.27.3: "the resolver and resolver_timeout directives in the upstream block" (NGINX Plus only from 1.17.5).
  ["resolver", new Map([["upstream", "1.27.3"], ["stream-upstream", "1.27.3"]])],
  ["resolver_timeout", new Map([["upstream", "1.27.3"], ["stream-upstream", "1.27.3"]])],
]);

export default defineRule({
  meta: {
    id: "directive-context",
    type: "validation",
    severity: "error",
    docs: {
      summary: "A directive written in a block where nginx does not allow it.",
      why: 'Each directive is valid only in certain contexts (http, server, location, upstream, ...); elsewhere nginx fails with `"..." directive is not allowed here`. Nested locations have rules of their own: one inside a prefix or regex location must start with its parent\'s path (`location "/ws/" is outside location "/api/"`), exact and named locations hold none, and named ones live at server level only.',
      fix: "Move the directive into one of the contexts the message lists.",
    },
    examples: {
      bad: [
        "events {}\nhttp {\n    proxy_pass http://127.0.0.1:8080;\n}\n",
        "events {}\nhttp {\n    server {\n        location /api/ {\n            location /ws/ {\n            }\n        }\n    }\n}\n",
      ],
      good: ["events {}\nhttp {\n    server {\n        location / {\n            proxy_pass http://127.0.0.1:8080;\n        }\n    }\n}\n"],
    },
  },
  visit(node, ctx, tree) {
    // A misplaced block's children are opaque (their context is unknowable), so only the block is reported.
    const context = node.context;
    if (context === "opaque") return;
    // A guessed snippet context fits its top level by construction, or nothing fits and we cannot know.
    if (tree.contextSource === "guessed" && !node.parent) return;
    const name = node.name;
    const nested = name === "location" ? nestedLocationProblem(node) : undefined;
    if (nested) {
      ctx.report({ node, message: `${nested}; nginx -t fails` });
      return;
    }
    const specs = directivesNamed(name);
    const version = ctx.model.nginxVersion;
    const addedIn = CONTEXT_ADDED_IN.get(name);
    if (specs.length === 0 || allowedIn(specs, context, addedIn, version)) return;
    if (unavailableReason(name, version)) return;
    const allowed = [...new Set(specs.flatMap((s) => s.contexts))].filter((c) => !addedAfter(addedIn, c, version)).map(contextLabel);
    const added = addedAfter(addedIn, context, version);
    const when = added ? ` before nginx ${added} (the target is ${version.text})` : "";
    ctx.report({ node, message: `"${name}" directive is not allowed in ${contextLabel(context)}${when}; it belongs in ${allowed.join(", ")}` });
  },
});

/** The version that allowed the directive in this context, when it is newer than the target; else undefined. */
function addedAfter(addedIn: ReadonlyMap<string, string> | undefined, context: string, version: NginxVersion): string | undefined {
  const added = addedIn?.get(context);
  return added && !atLeast(version, added) ? added : undefined;
}

/** Whether a spec allows the context on the target version: a loop without closures, as it runs for every directive. */
function allowedIn(specs: readonly DirectiveSpec[], context: ContextName, addedIn: ReadonlyMap<string, string> | undefined, version: NginxVersion): boolean {
  for (let i = 0; i < specs.length; i++) {
    if (specs[i].contexts.includes(context) && !addedAfter(addedIn, context, version)) return true;
  }
  return false;
}
