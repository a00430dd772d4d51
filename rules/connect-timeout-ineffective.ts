// Flags proxy_connect_timeout over 75s: it bounds only the TCP connect, which the kernel abandons sooner.
import { defineRule } from "../src/engine/rule.js";
import { parseTime } from "../src/reference/values.js";
import { describeWebSocket } from "../src/model/websocket.js";

const LIMIT_MS = 75_000;

export default defineRule({
  meta: {
    id: "connect-timeout-ineffective",
    type: "problem",
    severity: "warning",
    docs: {
      summary: "A `proxy_connect_timeout` over 75 seconds, often set in the hope of keeping WebSockets open.",
      why: "`proxy_connect_timeout` bounds only the TCP connect to the backend; nginx's docs say it \"cannot usually exceed 75 seconds\". On Linux the kernel gives up after about 2 minutes of SYN retries (seen: `proxy_connect_timeout 3600s` ended at about 134s with a 502), so a larger value does nothing. It has no effect on an open WebSocket: the tunnel's idle lifetime is `proxy_read_timeout`.",
      fix: "Set `proxy_connect_timeout` to 75s or less (a few seconds lets nginx try the next server sooner), and raise `proxy_read_timeout` in the WebSocket location instead.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        listen 8080;\n        location /api/ {\n            proxy_pass http://127.0.0.1:3000;\n            proxy_connect_timeout 1h;\n        }\n    }\n}\n"],
      good: ["events {}\nhttp {\n    server {\n        listen 8080;\n        location /api/ {\n            proxy_pass http://127.0.0.1:3000;\n            proxy_connect_timeout 5s;\n        }\n    }\n}\n"],
    },
  },
  visit(node, ctx) {
    if (node.context === "opaque" || node.directive.name.value !== "proxy_connect_timeout") return;
    const word = node.directive.args[0];
    const ms = word && parseTime(word.value, { ms: true });
    if (ms === undefined || ms <= LIMIT_MS) return; // an invalid value is directive-arguments' to report
    const stream = node.context.startsWith("stream");
    const ws = stream ? undefined : ctx.model.websocketLocations().find((w) => w.block === node.parent);
    const lifetime = stream ? "proxy_timeout" : "proxy_read_timeout";
    ctx.report({
      node,
      range: word.range,
      message: `${ws ? `${describeWebSocket(ws)}: ` : ""}"proxy_connect_timeout ${word.value}" cannot usually exceed 75 seconds: it bounds only the TCP connect to the backend, which Linux abandons after about 2 minutes of SYN retries (502), and it does not keep sockets open; set it to 75s or less and use ${lifetime} for the idle lifetime`,
    });
  },
});
