// Documents the engine's report of a suppression comment that suppresses nothing (src/engine/suppressions.ts
// reports it, after the rules ran: this rule has no check of its own).
import { suppressionExample as example } from "../src/engine/example-configs.js";
import { defineRule } from "../src/engine/rule.js";


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
