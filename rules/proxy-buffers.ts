// Flags proxy (and fastcgi, uwsgi, scgi) buffer sizes that nginx -t rejects when it merges them into a block.
import { defineRule } from "../src/engine/rule.js";
import { busyBuffersProblem, modulesWithBufferSettings } from "../src/model/buffers.js";

const config = (lines: string[]): string =>
  `events {}\nhttp {\n    server {\n        listen 8080;\n        location /api/ {\n            proxy_pass http://127.0.0.1:3000;\n${lines.map((l) => `            ${l}\n`).join("")}        }\n    }\n}\n`;

export default defineRule({
  meta: {
    id: "proxy-buffers",
    type: "validation",
    severity: "error",
    docs: {
      summary: "`proxy_buffer_size` or `proxy_busy_buffers_size` out of step with `proxy_buffers` (and the same for fastcgi, uwsgi, scgi).",
      why: 'nginx checks the buffer sizes in force in every server and location when it loads the configuration: the busy buffers (by default twice the larger of `proxy_buffer_size` and one of `proxy_buffers`) must fit in all `proxy_buffers` but one. Raising `proxy_buffer_size` alone, the usual answer to "upstream sent too big header", breaks that with the default `proxy_buffers 8 4k`, and nginx -t fails with `"proxy_busy_buffers_size" must be less than the size of all "proxy_buffers" minus one buffer` (on the last line of the http block, not on the directive). This rule assumes 4k memory pages, the usual size on x86-64 and arm64 Linux, for the defaults.',
      fix: "Raise `proxy_buffers` with it (e.g. `proxy_buffer_size 16k; proxy_buffers 8 16k;`), or set `proxy_busy_buffers_size` between the larger buffer and all the buffers but one.",
    },
    examples: {
      bad: [config(["proxy_buffer_size 16k;"])],
      good: [config(["proxy_buffer_size 16k;", "proxy_buffers 8 16k;"])],
    },
  },
  visits: ["server", "location", "if", "limit_except"],
  visit(node, ctx, tree) {
    const modules = modulesWithBufferSettings(ctx.model.symbolsOf(tree).directiveNames);
    if (modules.length === 0 || node.context === "opaque" || !node.directive.block || node.context.startsWith("stream")) return;
    if (node.name === "server" && node.context !== "http") return;
    for (const module of modules) {
      const problem = busyBuffersProblem(node, tree, module);
      if (!problem) continue;
      // The same directive in force in many blocks is one problem: the message names no block, so the runner
      // reports it once.
      ctx.report({ node: problem.at, message: `${problem.message}; nginx -t fails` });
    }
  },
});
