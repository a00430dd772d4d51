// Flags directive names no nginx module defines, with the closest known name as a hint.
import { defineRule } from "../src/engine/rule.js";
import { thirdPartyModuleOf } from "../src/reference/third-party-modules.js";
import { closestName } from "../src/reference/closest-name.js";
import { unavailableReason } from "../src/reference/availability.js";
import { isKnownDirective } from "../src/reference/directives.js";

export default defineRule({
  meta: {
    id: "unknown-directive",
    type: "validation",
    severity: "error",
    docs: {
      summary: "A directive that no nginx module defines.",
      why: 'nginx fails with `unknown directive "..."` when a name is misspelled, when its module is not loaded, when it is newer than the target nginx (`http2 on;` before 1.25.1) or when only NGINX Plus has it (`sticky`); the whole configuration is rejected.',
      fix: 'Correct the spelling, load the module that defines it (`load_module`), or declare third-party directives as known with the `modules` setting or `--known-directive`.',
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        location / {\n            proxy_passs http://127.0.0.1:8080;\n        }\n    }\n}\n"],
      good: ["events {}\nhttp {\n    server {\n        location / {\n            proxy_pass http://127.0.0.1:8080;\n        }\n    }\n}\n"],
    },
  },
  visit(node, ctx, tree) {
    // Children of an unknown block are opaque: only the block itself is reported.
    if (node.context === "opaque") return;
    const name = node.name;
    if (ctx.model.isDeclaredDirective(name, tree)) return;
    if (isKnownDirective(name)) {
      const reason = unavailableReason(name, ctx.model.nginxVersion);
      if (reason) ctx.report({ node, message: `unknown directive "${name}" (${reason})` });
      return;
    }
    const bom = name.startsWith("\uFEFF") ? " (the file starts with a UTF-8 byte order mark, which nginx reads as part of the first word)" : "";
    const module = thirdPartyModuleOf(name);
    const hint = module
      ? `; it belongs to the third-party module "${module}": if your nginx has it, declare "modules": ["${module}"] in wslint.config.json`
      : closestName(name) && `; did you mean "${closestName(name)}"?`;
    ctx.report({ node, message: `unknown directive "${name}"${bom}${hint || ""}` });
  },
});
