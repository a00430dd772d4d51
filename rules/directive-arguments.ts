// Checks what nginx checks of a directive's words: how many, on/off flags, time, size and offset values,
// and whether it takes a block.
import { defineRule } from "../src/engine/rule.js";
import { lookupDirective, type DirectiveSpec } from "../src/reference/directives.js";
import { parseOffset, parseSize, parseTime } from "../src/reference/values.js";
import type { Directive } from "../src/syntax/ast.js";
import { walk } from "../src/workspace/tree.js";

export default defineRule({
  meta: {
    id: "directive-arguments",
    type: "validation",
    severity: "error",
    docs: {
      summary: "A directive with the wrong number or kind of arguments, or a block where none belongs.",
      why: "nginx checks every directive's arguments when it reads the configuration: a wrong count, a flag other than on/off, or a malformed time or size value (`1M`, `30m1h`, `\"1 h\"`) makes `nginx -t` fail.",
      fix: "Write the arguments as the directive's syntax says: times as `90s`, `1h30m` (largest unit first, no spaces), sizes as `16k` or `1m`, flags as `on` or `off`.",
    },
    examples: {
      bad: [
        "events {}\nhttp {\n    server {\n        location /ws/ {\n            proxy_read_timeout 1M;\n        }\n    }\n}\n",
        "events {}\nhttp {\n    server {\n        location / {\n            proxy_buffering maybe;\n        }\n    }\n}\n",
      ],
      good: ["events {}\nhttp {\n    server {\n        location /ws/ {\n            proxy_read_timeout 1h;\n            proxy_buffering off;\n        }\n    }\n}\n"],
    },
  },
  check(ctx) {
    for (const tree of ctx.model.trees) {
      walk(tree.roots, (node) => {
        if (node.context === "opaque") return false;
        const d = node.directive;
        const spec = lookupDirective(d.name.value, node.context);
        if (!spec || d.recovered) return;
        const problem = checkShape(d, spec) ?? checkCount(d, spec) ?? checkValue(d, spec);
        if (problem) ctx.report({ node, range: problem.range ?? d.name.range, message: problem.message });
      });
    }
  },
});

type Issue = { message: string; range?: Directive["range"] } | undefined;

function checkShape(d: Directive, spec: DirectiveSpec): Issue {
  const name = d.name.value;
  if (spec.block && !d.block && !d.rawBody) return { message: `directive "${name}" has no opening "{"` };
  if (!spec.block && d.block) return { message: `directive "${name}" is not terminated by ";": it takes no block` };
  return undefined;
}

function checkCount(d: Directive, spec: DirectiveSpec): Issue {
  const { min, max } = spec.args;
  const n = d.args.length;
  if (n >= min && n <= max) return undefined;
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  return { message: `invalid number of arguments in "${d.name.value}" directive: it takes ${expected}, not ${n}` };
}

function checkValue(d: Directive, spec: DirectiveSpec): Issue {
  const arg = d.args[0];
  if (!spec.value || !arg || arg.value.includes("$")) return undefined;
  const v = arg.value;
  const name = d.name.value;
  const bad = (what: string): Issue => ({ message: `invalid value "${v}" in "${name}" directive: ${what}`, range: arg.range });
  switch (spec.value) {
    case "flag":
      return /^(on|off)$/i.test(v) ? undefined : bad('it must be "on" or "off"');
    case "time":
    case "time-ms":
      return parseTime(v, { ms: spec.value === "time-ms" }) === undefined
        ? bad(`not a time (write e.g. "90s" or "1h30m": units ${spec.value === "time-ms" ? "ms s m h d w" : "ms s m h d w M y"}, largest first, no spaces)`)
        : undefined;
    case "size":
      return parseSize(v) === undefined ? bad('not a size (write e.g. "16k" or "1m")') : undefined;
    case "offset":
      return parseOffset(v) === undefined ? bad('not a size (write e.g. "16k", "1m" or "1g")') : undefined;
  }
}
