// The shape of a ground-truth scenario: one rule, proven by running its flagged and its fixed config on real nginx.
import type { Lab } from "./lab.js";

/** What happened, in a few words each, for the table the suite prints. */
export interface Outcome {
  flagged: string;
  fixed: string;
}

export interface Scenario {
  rule: string;
  /**
   * Set when the real nginx contradicts part of the rule's claim: what it did instead. The scenario then asserts
   * what nginx does, and the rule is not counted as proven (no `verifiedOn`).
   */
  contradicts?: string;
  /** The vitest timeout: most scenarios take seconds, the connect timeout one waits for the kernel. */
  timeoutMs?: number;
  run(lab: Lab): Promise<Outcome>;
}
