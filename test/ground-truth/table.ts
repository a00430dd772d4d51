// The summary the suite prints: per rule, what the flagged config did and what the fixed one did, on which nginx.
export interface Row {
  rule: string;
  /** "proven", or "CONTRADICTED" when nginx did not do what the rule says (see the scenario's `contradicts`). */
  claim: string;
  flagged: string;
  fixed: string;
  nginx: string;
}

const COLUMNS = ["rule", "claim", "flagged", "fixed", "nginx"] as const;

/** A plain-text table with aligned columns (read in CI logs, so no colour and no wide characters). */
export function renderTable(rows: Row[]): string {
  const header: Row = { rule: "rule", claim: "claim", flagged: "flagged config", fixed: "fixed config", nginx: "nginx" };
  const all = [header, ...rows];
  const width = (k: (typeof COLUMNS)[number]): number => Math.max(...all.map((r) => r[k].length));
  const line = (r: Row): string => COLUMNS.map((k) => r[k].padEnd(width(k))).join(" | ").trimEnd();
  const rule = COLUMNS.map((k) => "-".repeat(width(k))).join("-|-");
  return [line(header), rule, ...rows.map(line)].join("\n");
}
