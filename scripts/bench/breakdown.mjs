// The "where the time goes" section of `npm run bench`: what part of wslint's wall time is Node starting, what
// is wslint loading, and what is the lint itself, first with cold code (as every CLI run has it) and then
// with V8's optimised code (the floor no start-up trick can go below).
//
// With those figures beside nginx -t's, anyone can see how far the wall-time target is from what this
// design can reach, and which part would have to change to reach it.
import { spawnSync } from "node:child_process";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { runOnce, summarize } from "./measure.mjs";

const IN_PROCESS_RUNS = 12;
/** Runs counted as warm: the last ones, after V8 has had time to optimise the hot functions. */
const WARM_RUNS = 5;

/**
 * @param {{ root: string, benchDir: string, configPath: string, runs: number, scratch: string,
 *           probe: import("./measure.mjs").RssProbe, nginxMs: number | null, targetRatio: number }} ctx
 * @returns {Promise<string[]>} lines to print under the section title
 */
export async function timeBreakdown(ctx) {
  const where = { cwd: ctx.root, scratch: ctx.scratch };
  const config = relative(ctx.root, ctx.configPath);
  const startups = [
    { label: "Node.js alone", argv: [process.execPath, "-e", ""], note: "the floor of any tool written for Node" },
    { label: "wslint --version", argv: [process.execPath, "bin/wslint.js", "--version"], note: "Node + loading the bundle, building the parser" },
  ];
  for (const s of startups) {
    const samples = [];
    for (let run = 0; run <= ctx.runs; run++) samples.push(await runOnce(ctx.probe, s.argv, where));
    // The first run only warms the page cache, as in the main comparison.
    s.stats = summarize(samples.slice(1));
  }

  const runs = await lintInProcess(ctx, config);
  if (typeof runs === "string") return [...startups.map(startupLine), `  in-process lint NOT MEASURED: ${runs}`];
  const cold = runs[0];
  const warm = median(runs.slice(-WARM_RUNS), (r) => r.total);
  const warmRun = runs.slice(-WARM_RUNS).find((r) => r.total === warm) ?? runs[runs.length - 1];
  const lines = [
    ...startups.map(startupLine),
    lintLine("lint, first run", cold, "one process, code not yet optimised: what every CLI run does"),
    lintLine(`lint, warm (median of runs ${IN_PROCESS_RUNS - WARM_RUNS + 1}–${IN_PROCESS_RUNS})`, warmRun, "same process, after V8 optimised the hot code"),
  ];
  if (ctx.nginxMs != null) {
    const target = ctx.nginxMs * ctx.targetRatio;
    const floor = startups[1].stats.medianMs + warm;
    lines.push(
      "",
      `  target     ${ctx.targetRatio} × nginx -t = ${target.toFixed(0)} ms`,
      `  floor      wslint start-up + warm lint = ${floor.toFixed(0)} ms (${(floor / ctx.nginxMs).toFixed(2)}× nginx -t): ` +
        (floor <= target ? "the target is within reach of a faster cold run" : "above the target even with every hot function optimised"),
    );
  }
  return lines;
}

function startupLine(s) {
  return `  ${s.label.padEnd(40)} ${s.stats.medianMs.toFixed(0).padStart(5)} ms   ${s.note}`;
}

function lintLine(label, run, note) {
  const phases = `workspace ${run.workspace.toFixed(0)}, model ${run.model.toFixed(0)}, rules ${run.rules.toFixed(0)}, suppressions ${run.suppressions.toFixed(0)}`;
  return `  ${label.padEnd(40)} ${run.total.toFixed(0).padStart(5)} ms   ${phases}; ${note}`;
}

function median(items, key) {
  const values = items.map(key).sort((a, b) => a - b);
  return values[values.length >> 1];
}

/** Bundles lint-in-process.ts like the CLI is bundled, runs it, and returns its runs, or why it could not. */
async function lintInProcess(ctx, config) {
  const outfile = join(ctx.benchDir, "lint-in-process.mjs");
  await build({
    entryPoints: [join(ctx.root, "scripts", "bench", "lint-in-process.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    logLevel: "warning",
    banner: { js: "import { createRequire as __wslintRequire } from 'node:module'; const require = __wslintRequire(import.meta.url);" },
  });
  const result = spawnSync(process.execPath, [outfile, config, String(IN_PROCESS_RUNS)], { cwd: ctx.root, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) return `exit code ${result.status}: ${(result.stderr ?? "").trim().split("\n").slice(-3).join(" | ")}`;
  return result.stdout.trim().split("\n").map((line) => JSON.parse(line));
}
