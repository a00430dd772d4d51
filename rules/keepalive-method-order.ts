// Flags an upstream whose balancing method comes after `keepalive`, which silently turns keepalive off (< 1.29.7).
import { defineRule } from "../src/engine/rule.js";
import { methodAfterKeepalive } from "../src/model/symbols.js";
import { atLeast } from "../src/model/version.js";
import { lineOf } from "../src/workspace/tree.js";

/** From this version keepalive is built into the upstream and the order of the two no longer matters. */
const ORDER_FREE_SINCE = "1.29.7";

const upstream = (lines: string[]): string =>
  `events {}\nhttp {\n    upstream chat {\n${lines.map((l) => `        ${l}\n`).join("")}    }\n}\n`;

export default defineRule({
  meta: {
    id: "keepalive-method-order",
    type: "problem",
    severity: "warning",
    docs: {
      summary: "An upstream whose balancing method (`ip_hash`, `hash`, `least_conn`, `random`) comes after `keepalive`.",
      why: 'Before nginx 1.29.7, `keepalive` wraps the balancing method that is set when it is read; a method written after it replaces that wrapper, so the upstream keeps no connections at all (nginx -t only warns "load balancing method redefined"). Every request, WebSocket handshakes included, then opens a new upstream connection.',
      fix: "Write the balancing method before `keepalive` in the upstream block.",
    },
    examples: {
      bad: [upstream(["keepalive 16;", "ip_hash;", "server 127.0.0.1:8081;", "server 127.0.0.1:8082;"])],
      good: [upstream(["ip_hash;", "keepalive 16;", "server 127.0.0.1:8081;", "server 127.0.0.1:8082;"])],
    },
  },
  check(ctx) {
    if (atLeast(ctx.model.nginxVersion, ORDER_FREE_SINCE)) return;
    for (const tree of ctx.model.trees) {
      const { upstreams, streamUpstreams } = ctx.model.symbolsOf(tree);
      for (const up of [...upstreams.values(), ...streamUpstreams.values()]) {
        const method = methodAfterKeepalive(up);
        if (!method) continue;
        ctx.report({
          node: method,
          message: `"${method.name}" comes after "keepalive" (line ${lineOf(up.keepalive!)}) in upstream "${up.name}": it replaces keepalive's connection cache, so nginx keeps no upstream connections (nginx -t only warns "load balancing method redefined"); write "${method.name}" before "keepalive"`,
        });
      }
    }
  },
});
