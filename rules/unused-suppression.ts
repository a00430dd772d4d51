// Documents the engine's report of a suppression comment that suppresses nothing (src/engine/suppressions.ts
// reports it, after the rules ran: this rule has no check of its own).
import { defineRule } from "../src/engine/rule.js";

const example = (comment: string, timeout: string): string =>
  `events {}\nhttp {\n    server {\n        location / {\n            ${comment}\n            proxy_read_timeout ${timeout};\n            proxy_pass http://127.0.0.1:8080;\n        }\n    }\n}\n`;

export default defineRule({
  meta: {
    id: "unused-suppression",
    type: "suggestion",
    severity: "warning",
    docs: {
      summary: "A suppression comment suppresses no problem.",
      why: "A suppression that no longer matches a problem hides the next real one on that line or in that range; removing it keeps suppressions honest.",
      fix: "Remove the comment, or the ids in it that suppress nothing.",
    },
    examples: {
      bad: [example("# wslint-disable-next-line directive-arguments", "60s")],
      good: [example("# wslint-disable-next-line directive-arguments", "60 s")],
    },
  },
});
