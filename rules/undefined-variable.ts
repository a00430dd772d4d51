// Flags variables that no module, map, geo, set or other directive defines.
import { goodWebSocketConfig } from "../src/engine/example-configs.js";
import { defineRule } from "../src/engine/rule.js";
import { variableUses } from "../src/model/variable-uses.js";
import { isKnownDirective } from "../src/reference/directives.js";
import { isBuiltinVariable } from "../src/reference/variables.js";

/** The classic WebSocket map, suggested when `$connection_upgrade` is used without it. */
const CONNECTION_UPGRADE_MAP = "map $http_upgrade $connection_upgrade { default upgrade; '' close; }";

export default defineRule({
  meta: {
    id: "undefined-variable",
    type: "validation",
    severity: "error",
    verifiedOn: "1.22.1",
    docs: {
      summary: "A variable that nothing defines.",
      why: 'nginx resolves every variable name when it loads the configuration; an unknown one fails `nginx -t` with `unknown "name" variable` (with no line number, so it is hard to find). The usual case is `$connection_upgrade` copied from a WebSocket tutorial without its `map`.',
      fix: "Define the variable (for `$connection_upgrade`: `map $http_upgrade $connection_upgrade { default upgrade; '' close; }` in http) or correct its name.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        location /ws/ {\n            proxy_pass http://127.0.0.1:8080;\n            proxy_set_header Connection $connection_upgrade;\n        }\n    }\n}\n"],
      good: [goodWebSocketConfig()],
    },
  },
  visit(node, ctx, tree) {
    // nginx never reads the arguments of a directive it does not know (and a third-party one may define them).
    if (node.context !== "opaque" && !isKnownDirective(node.name)) return;
    const defined = ctx.model.symbolsOf(tree).variables;
    const uses = variableUses(node);
    // Indexed: see walk() in src/workspace/tree.ts.
    for (let i = 0; i < uses.length; i++) {
      const use = uses[i];
      if (use.malformed) {
        // nginx has no escape for "$"; a geo value is taken as written, the usual way to get one.
        const escape = use.name === "" && use.malformed === "invalid variable name" ? ': a "$" must start a variable name; for a literal "$", define geo $dollar { default "$"; } and write ${dollar}' : "";
        ctx.report({ node, range: use.word.range, message: `${use.malformed}${escape}; nginx -t fails` });
        continue;
      }
      // Captures ($1..$9) never get here; a name starting with a digit (`${1}`, `$0`) is one nginx does not know.
      const first = use.name.charCodeAt(0);
      const digit = first >= 48 && first <= 57; // no built-in variable starts with a digit
      if ((!digit && isBuiltinVariable(use.name)) || defined.has(use.name)) continue;
      const hint = use.name === "connection_upgrade" ? `; define it in http: ${CONNECTION_UPGRADE_MAP}` : "; no map, geo, set or module defines it";
      const range = use.word.range;
      // A snippet linted alone may use a variable its including config defines: say so, softly.
      if (tree.contextSource === "main") ctx.report({ node, range, message: `unknown "${use.name}" variable${hint}` });
      else ctx.report({ node, range, severity: "warning", message: `"${use.name}" variable is not defined in the linted files${hint}` });
    }
  },
});
