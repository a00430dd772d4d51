// Documents the engine's report of a suppression comment naming no rule (src/engine/suppressions.ts reports it,
// after the rules ran: this rule has no check of its own).
import { suppressionExample as example } from "../src/engine/example-configs.js";
import { defineRule } from "../src/engine/rule.js";


export default defineRule({
  meta: {
    id: "unknown-suppression",
    type: "problem",
    severity: "error",
    docs: {
      summary: "A suppression comment names a rule that does not exist.",
      why: "A misspelled id suppresses nothing, so the problem it was meant to silence is still reported, or the comment silently outlives a renamed rule.",
      fix: "Correct the id (`wslint rules` lists them) or remove it from the comment.",
    },
    examples: {
      bad: [example("# wslint-disable-next-line read-timeout-shrot", "60s")],
      good: [example("# wslint-disable-next-line directive-arguments", "60 s")],
    },
  },
});
