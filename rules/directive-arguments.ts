// Checks what nginx checks of a directive's words: how many, on/off flags, time, size and offset values,
// whether it takes a block, and a proxy_pass URI part where nginx refuses one.
import { defineRule } from "../src/engine/rule.js";
import { argsFor, lookupDirective, type ArgCount, type DirectiveSpec, type ValueKind } from "../src/reference/directives.js";
import { ARGUMENT_KINDS } from "../src/reference/value-kinds.js";
import { parseOffset, parseSize, parseTime } from "../src/reference/values.js";
import type { Directive, Range, Word } from "../src/syntax/ast.js";
import type { Symbols } from "../src/model/symbols.js";
import type { ConfigNode } from "../src/workspace/tree.js";
import { unavailableReason } from "../src/reference/availability.js";
import { listenParameterProblem } from "./directive-arguments/listen-parameters.js";
import { upstreamPortProblem } from "./directive-arguments/upstream-port.js";
import { proxyPassUriProblem } from "./directive-arguments/proxy-pass-uri.js";

export default defineRule({
  meta: {
    id: "directive-arguments",
    type: "validation",
    severity: "error",
    docs: {
      summary: "A directive with the wrong number or kind of arguments.",
      why: "nginx checks every directive's arguments when it reads the configuration: a wrong count, a flag other than on/off, or a malformed time or size value (`1M`, `30m1h`, `\"1 h\"`) makes `nginx -t` fail. So does a `proxy_pass` URL with a URI part (even `/`) in a location given by a regular expression, a named location, or an `if` or `limit_except` block: there nginx cannot replace the matched part of the request URI, and says `\"proxy_pass\" cannot have URI part`. And so does a `proxy_pass` (or `fastcgi_pass`, `grpc_pass`, `uwsgi_pass`, ...) naming an `upstream` block with a port (`http://backend:3000`): `upstream \"backend\" may not have port 3000`, since the block's server lines carry the ports; and a stream `proxy_pass` naming neither an upstream block nor a port (often a typo in the upstream's name): `no port in upstream`.",
      fix: "Write the arguments as the directive's syntax says: times as `90s`, `1h30m` (largest unit first, no spaces), sizes as `16k` or `1m`, flags as `on` or `off`. Drop the URI part of such a `proxy_pass` (the request URI goes to the backend as it is; change it with `rewrite ... break;`), or use a prefix location.",
    },
    examples: {
      bad: [
        "events {}\nhttp {\n    server {\n        location /ws/ {\n            proxy_read_timeout 1M;\n        }\n    }\n}\n",
        "events {}\nhttp {\n    server {\n        location / {\n            proxy_buffering maybe;\n        }\n    }\n}\n",
        "events {}\nhttp {\n    server {\n        location ~ \\.php$ {\n            proxy_pass http://127.0.0.1:9000/;\n        }\n    }\n}\n",
      ],
      good: [
        "events {}\nhttp {\n    server {\n        location /ws/ {\n            proxy_read_timeout 1h;\n            proxy_buffering off;\n        }\n    }\n}\n",
        "events {}\nhttp {\n    server {\n        location ~ \\.php$ {\n            proxy_pass http://127.0.0.1:9000;\n        }\n    }\n}\n",
      ],
    },
  },
  visit(node, ctx, tree) {
    if (node.context === "opaque") return;
    const d = node.directive;
    const spec = lookupDirective(d.name.value, node.context);
    if (!spec || d.recovered || unavailableReason(d.name.value, ctx.model.nginxVersion)) return;
    // A block where none belongs is a syntax error; its words are not worth counting.
    if (spec.block !== (d.block !== undefined || d.rawBody !== undefined)) return;
    const problem = checkCount(d, argsFor(spec, ctx.model.nginxVersion.text)) ?? checkValues(d, spec) ?? checkUrl(node, ctx.model.symbolsOf(tree), tree.contextSource === "main") ?? listenParameterProblem(node, ctx.model.nginxVersion);
    if (problem) ctx.report({ node, range: problem.range ?? statementHead(d), message: problem.message });
  },
});

type Issue = { message: string; range?: Directive["range"] } | undefined;

/** From the name to the `;` (or to the `{`): nginx reports count errors on the line the statement ends. */
function statementHead(d: Directive): Range {
  return d.block ? { start: d.range.start, end: d.block.range.start } : d.range;
}

function checkCount(d: Directive, { min, max }: ArgCount): Issue {
  const n = d.args.length;
  if (n >= min && n <= max) return undefined;
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  return { message: `invalid number of arguments in "${d.name.value}" directive: it takes ${expected}, not ${n}` };
}

/** What nginx checks of a URL argument as it reads it. */
function checkUrl(node: ConfigNode, symbols: Symbols, wholeConfig: boolean): Issue {
  const message = (node.name === "proxy_pass" ? proxyPassUriProblem(node) : undefined) ?? upstreamPortProblem(node, symbols, wholeConfig);
  return message ? { message } : undefined;
}

/** Values are checked where nginx parses them at load time; variables are evaluated later, so skipped. */
function checkValues(d: Directive, spec: DirectiveSpec): Issue {
  const kinds: readonly (ValueKind | undefined)[] = ARGUMENT_KINDS.get(spec.name) ?? [spec.value];
  for (let i = 0; i < kinds.length && i < d.args.length; i++) {
    const kind = kinds[i];
    const arg = d.args[i];
    const issue = kind && !arg.value.includes("$") ? checkValue(d.name.value, arg, kind) : undefined;
    if (issue) return issue;
  }
  return undefined;
}

function checkValue(name: string, arg: Word, kind: ValueKind): Issue {
  const v = arg.value;
  const bad = (what: string): Issue => ({ message: `invalid value "${v}" in "${name}" directive: ${what}`, range: arg.range });
  switch (kind) {
    case "flag":
      return /^(on|off)$/i.test(v) ? undefined : bad('it must be "on" or "off"');
    case "time":
    case "time-ms":
      return parseTime(v, { ms: kind === "time-ms" }) === undefined
        ? bad(`not a time (write e.g. "90s" or "1h30m": units ${kind === "time-ms" ? "ms s m h d w" : "s m h d w M y"}, largest first)`)
        : undefined;
    case "size":
      return parseSize(v) === undefined ? bad('not a size (write e.g. "16k" or "1m")') : undefined;
    case "offset":
      return parseOffset(v) === undefined ? bad('not a size (write e.g. "16k", "1m" or "1g")') : undefined;
  }
}
