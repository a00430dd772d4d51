// Flags an `upstream` block with no `server` in it.
import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "upstream-empty",
    type: "validation",
    severity: "error",
    docs: {
      summary: "An `upstream` block without any `server`.",
      why: "nginx needs at least one server to balance over and fails with `no servers are inside upstream` (it names the line of the block's closing brace).",
      fix: "Add the backend's `server host:port;` lines, or delete the unused upstream.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    upstream chat {\n        keepalive 8;\n    }\n}\n"],
      good: ["events {}\nhttp {\n    upstream chat {\n        server 127.0.0.1:8081;\n        keepalive 8;\n    }\n}\n"],
    },
  },
  check(ctx) {
    // An upstream in a file two trees include is checked in each; the runner reports it once.
    for (const tree of ctx.model.trees) {
      const { upstreams, streamUpstreams } = ctx.model.symbolsOf(tree);
      for (const upstream of [...upstreams.values(), ...streamUpstreams.values()]) {
        if (upstream.servers.length > 0) continue;
        ctx.report({
          node: upstream.node,
          range: upstream.node.directive.range,
          message: `no servers are inside upstream "${upstream.name}"; nginx -t fails`,
        });
      }
    }
  },
});
