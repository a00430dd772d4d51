// Flags proxy_connect_timeout over 75s: it bounds only the TCP connect (never a socket's life), values over 75s are
// not portable, and Linux ends an unanswered connect after about 130s whatever the value.
import { defineRule } from "../src/engine/rule.js";
import { parseTime } from "../src/reference/values.js";
import { describeWebSocket } from "../src/model/websocket.js";

const LIMIT_MS = 75_000;

export default defineRule({
  meta: {
    id: "connect-timeout-ineffective",
    type: "problem",
    severity: "warning",
    verifiedOn: "1.22.1",
    docs: {
      summary: "A `proxy_connect_timeout` over 75 seconds, often set in the hope of keeping WebSockets open.",
      why: "`proxy_connect_timeout` bounds only the TCP connect to the backend, not how long a socket stays open: an open WebSocket's idle lifetime is `proxy_read_timeout` (`proxy_timeout` in stream). Above 75 seconds the value is not portable: nginx's docs say it \"cannot usually exceed 75 seconds\". On Linux nginx honours values up to the kernel's own limit (seen: 100s ended at 100s with a 504), but the kernel ends an unanswered connect after about 130 seconds of SYN retries (`net.ipv4.tcp_syn_retries`, default 6) whatever the value (seen: `proxy_connect_timeout 3600s` ended at about 135s with a 502).",
      fix: "Set `proxy_connect_timeout` to 75s or less (a few seconds lets nginx try the next server sooner), and raise `proxy_read_timeout` in the WebSocket location instead.",
    },
    examples: {
      bad: ["events {}\nhttp {\n    server {\n        listen 8080;\n        location /api/ {\n            proxy_pass http://127.0.0.1:3000;\n            proxy_connect_timeout 1h;\n        }\n    }\n}\n"],
      good: ["events {}\nhttp {\n    server {\n        listen 8080;\n        location /api/ {\n            proxy_pass http://127.0.0.1:3000;\n            proxy_connect_timeout 5s;\n        }\n    }\n}\n"],
    },
  },
  visits: ["proxy_connect_timeout"],
  visit(node, ctx) {
    if (node.context === "opaque") return;
    const word = node.directive.args[0];
    const ms = word && parseTime(word.value, { ms: true });
    if (ms === undefined || ms <= LIMIT_MS) return; // an invalid value is directive-arguments' to report
    const stream = node.context.startsWith("stream");
    const ws = stream ? undefined : ctx.model.websocketLocations().find((w) => w.block === node.parent);
    const lifetime = stream ? "proxy_timeout" : "proxy_read_timeout";
    ctx.report({
      node,
      range: word.range,
      message: `${ws ? `${describeWebSocket(ws)}: ` : ""}"proxy_connect_timeout ${word.value}" bounds only the TCP connect to the backend, not how long a socket stays open; over 75s it is not portable (nginx's docs: it "cannot usually exceed 75 seconds"), and on Linux the kernel ends an unanswered connect after about 130s, whatever the value; set it to 75s or less and use ${lifetime} for the idle lifetime`,
    });
  },
});
