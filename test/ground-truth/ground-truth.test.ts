// Ground truth: each rule's claim, shown on Debian's nginx with a `ws` backend and client on 127.0.0.1 (DESIGN.md).
import { afterAll, describe, expect, it, vi } from "vitest";
import { Lab, openLabs } from "./lab.js";
import { fixedConfigs, targetVersion } from "./lint-checks.js";
import { scenarios } from "./scenarios/index.js";
import { renderTable, type Row } from "./table.js";

// Scenarios only wait on sockets and timers, so they run side by side; each has its own nginx, ports and backends.
vi.setConfig({ maxConcurrency: 32 });

const NGINX_VERSION = targetVersion();
const rows: Row[] = [];

afterAll(async () => {
  // A scenario that timed out never reached its own cleanup.
  await Promise.allSettled([...openLabs].map((lab) => lab.stop()));
  const order = new Map(scenarios.map((s, i) => [s.rule, i]));
  rows.sort((a, b) => (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0));
  const fixes = `${fixedConfigs.filter((f) => f.ok).length}/${fixedConfigs.length} configs written by --fix passed nginx -t`;
  const contradicted = scenarios.filter((s) => s.contradicts).map((s) => `- ${s.rule}: ${s.contradicts}`);
  const notes = contradicted.length ? `\nWhere nginx ${NGINX_VERSION} contradicts a rule:\n${contradicted.join("\n")}` : "";
  console.log(`\nGround truth on nginx ${NGINX_VERSION}\n${renderTable(rows)}\n${fixes}${notes}\n`);
});

describe.concurrent(`ground truth on nginx ${NGINX_VERSION}`, () => {
  for (const scenario of scenarios) {
    it(scenario.rule, { timeout: scenario.timeoutMs ?? 30_000 }, async () => {
      const lab = new Lab();
      const row = { rule: scenario.rule, claim: scenario.contradicts ? "CONTRADICTED" : "proven", nginx: NGINX_VERSION };
      try {
        rows.push({ ...row, ...(await scenario.run(lab)) });
      } catch (error) {
        rows.push({ ...row, claim: "FAILED", flagged: String(error).split("\n")[0].slice(0, 100), fixed: "" });
        throw error;
      } finally {
        await lab.stop();
      }
      expect(openLabs.has(lab)).toBe(false);
    });
  }
});
