#!/usr/bin/env node
// `npm run bench`: wall time and peak RSS of the wslint CLI against `nginx -t` on a generated 58k-line config.
//
// A benchmark, not a test (DESIGN.md: figures in the output, never a timed test): it prints a table and a
// verdict against the targets, and fails only when it could not measure what it promises. nginx -t is the
// yardstick because every user already runs it; wslint has to be cheap enough to run right next to it.
// Usage: npm run bench [-- --runs N] [--servers N] [--rss auto|gnu-time|python|none]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { delimiter, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { timeBreakdown } from "./bench/breakdown.mjs";
import { generateConfig } from "./bench/generate-config.mjs";
import { lspChangeToDiagnostics } from "./bench/lsp.mjs";
import { probeRss, runOnce, summarize } from "./bench/measure.mjs";

const TARGET_WALL_RATIO = 1.5;
const TARGET_RSS_MB = 200;
// Published by others, not reproducible here: gixy and crossplane are Python packages this machine cannot
// install. Kept so each run puts the measured figures next to what the project compares itself with.
const PUBLISHED = [
  ["gixy", "3–19 s", "on a 58k-line config"],
  ["crossplane", "0.9 s", "on a 58k-line config"],
  ["nginx -t", "0.19 s", "from the product brief"],
];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const benchDir = join(root, ".tmp", "bench");
const configPath = join(benchDir, "nginx.conf");
const scratch = join(benchDir, "rusage.out");

function parseOptions() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "5" },
      servers: { type: "string", default: "2000" },
      rss: { type: "string", default: "auto" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log("usage: npm run bench [-- --runs N] [--servers N] [--rss auto|gnu-time|python|none]");
    process.exit(0);
  }
  const runs = Number(values.runs);
  const servers = Number(values.servers);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive integer, got "${values.runs}"`);
  if (!Number.isInteger(servers) || servers < 1) fail(`--servers must be a positive integer, got "${values.servers}"`);
  if (!["auto", "gnu-time", "python", "none"].includes(values.rss)) fail(`--rss must be auto, gnu-time, python or none`);
  return { runs, servers, rss: values.rss };
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

/** Debian's path first (what the ground-truth tests use), then PATH, so a local build can stand in. */
function findNginx() {
  const candidates = ["/usr/sbin/nginx", ...(process.env.PATH ?? "").split(delimiter).map((d) => join(d, "nginx"))];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** The -p/-c/-g form from DESIGN.md: everything nginx -t opens stays under the prefix, nothing needs root. */
function nginxTestArgv(nginx) {
  return [nginx, "-t", "-p", benchDir, "-c", configPath, "-g", `pid ${benchDir}/nginx.pid; error_log ${benchDir}/error.log;`];
}

/** A run that did not lint: linters exit 1 for findings, but so does Node on an uncaught exception. */
function cliFailure(sample) {
  if (sample.spawnError) return sample.spawnError;
  if (sample.signal) return `killed by ${sample.signal}`;
  if (/\n\s+at .+/.test(sample.stderr)) return `exit code ${sample.code} with a stack trace on stderr`;
  if (sample.code === 0 || (sample.code === 1 && sample.stdoutBytes > 0)) return null;
  if (sample.code === 1) return "exit code 1 but nothing on stdout: no findings reported, so not a lint result";
  return `exit code ${sample.code}`;
}

function writeConfig(servers) {
  const generated = generateConfig({ servers });
  // nginx -t opens the log files and creates the temp directories, but creates no parent directory.
  for (const dir of ["logs", "temp"]) mkdirSync(join(benchDir, dir), { recursive: true });
  writeFileSync(configPath, generated.text);
  const sha = createHash("sha256").update(generated.text).digest("hex").slice(0, 12);
  return { ...generated, bytes: Buffer.byteLength(generated.text), sha };
}

/** Runs nginx -t once, outside the timing, to prove the input is a config nginx accepts. */
function checkWithNginx(nginx) {
  const version = spawnSync(nginx, ["-v"], { encoding: "utf8" });
  const versionText = (version.stderr || version.stdout || "").trim().replace(/^nginx version:\s*/, "") || "unknown";
  const [bin, ...args] = nginxTestArgv(nginx);
  const result = spawnSync(bin, args, { encoding: "utf8" });
  const output = `${result.stderr ?? ""}${result.stdout ?? ""}`.trim();
  const ok = result.status === 0 && /test is successful/.test(output);
  const warnings = output.split("\n").filter((line) => /\[(warn|alert|emerg|crit)\]/.test(line));
  return { version: versionText, ok, output, warnings };
}

const ms = (value) => (value == null ? "–" : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const mb = (kb) => (kb == null ? "n/a" : (kb / 1024).toFixed(1));
const thousands = (n) => n.toLocaleString("en-US");

/** A plain-text table; `right` lists the columns holding figures, which read best right-aligned. */
function table(header, rows, right) {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => String(row[i]).length)));
  const cell = (value, i) => (right.includes(i) ? String(value).padStart(widths[i]) : String(value).padEnd(widths[i]));
  const line = (row) => row.map(cell).join("   ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("   "), ...rows.map(line)].join("\n");
}

/** Generates the config and proves with nginx -t that it is one nginx accepts; prints the header. */
function prepare(options) {
  mkdirSync(benchDir, { recursive: true });
  const config = writeConfig(options.servers);
  const cpus = os.cpus();
  console.log("wslint benchmark");
  console.log(`  machine   ${cpus[0]?.model?.trim() ?? "unknown CPU"}, ${cpus.length} CPUs, ${os.type()} ${os.release()}, node ${process.version}`);
  console.log(
    `  config    ${relative(root, configPath)}: ${thousands(config.lines)} lines, ${thousands(config.servers)} servers, ` +
      `${config.upstreams} upstreams, ${(config.bytes / 1024 / 1024).toFixed(1)} MB, sha256 ${config.sha}`,
  );
  console.log(`            ${config.seededFlaws} WebSocket locations seeded without proxy_http_version 1.1 (findings to report)`);

  const nginx = findNginx();
  if (!nginx) {
    console.log("  nginx     NOT FOUND (apt-get install nginx): config not validated, no baseline to compare with");
    return { nginx };
  }
  const check = checkWithNginx(nginx);
  console.log(`  nginx     ${check.version} (${nginx})`);
  if (!check.ok) {
    // Timing nginx on a config it rejects would measure how fast it fails; the generator is wrong, stop.
    console.log(`  nginx -t  FAILED on the generated config:\n${check.output.replace(/^/gm, "            ")}`);
    process.exit(1);
  }
  const warned = check.warnings.length ? `, ${check.warnings.length} warning(s): ${check.warnings[0]}` : ", no warnings";
  console.log(`  nginx -t  configuration accepted ("syntax is ok", "test is successful")${warned}`);
  return { nginx };
}

/** One warm-up, then N interleaved timed runs of each tool; a tool that fails once is marked unavailable. */
async function measure(tools, probe, runs) {
  const where = { cwd: root, scratch };
  // Warm-up: fills the page cache and Node's compile cache, and finds a CLI that cannot run at all.
  for (const tool of tools.filter((t) => !t.unavailable)) {
    const sample = await runOnce(probe, tool.argv, where);
    tool.unavailable = tool.failure(sample) ?? undefined;
    if (tool.unavailable && sample.stderr.trim()) tool.stderr = sample.stderr.trim().split("\n").slice(0, 8).join("\n");
    tool.warmup = sample;
    tool.samples = [];
  }
  // Interleaved, so a slow spell of the machine hits both tools instead of skewing one of them.
  for (let run = 0; run < runs; run++) {
    for (const tool of tools.filter((t) => !t.unavailable)) {
      const sample = await runOnce(probe, tool.argv, where);
      const failure = tool.failure(sample);
      if (failure) tool.unavailable = `run ${run + 1} failed: ${failure}`;
      else tool.samples.push(sample);
    }
  }
  for (const tool of tools) tool.stats = tool.unavailable ? null : summarize(tool.samples);
}

function printResults(tools, base) {
  const rows = tools.map(({ name, stats: s }) => {
    const ratio = s && base ? `${(s.medianMs / base.medianMs).toFixed(2)}×` : "–";
    return [name, ms(s?.medianMs), ms(s?.minMs), s ? mb(s.peakRssKb) : "–", ratio];
  });
  console.log("");
  for (const tool of tools) console.log(`  ${tool.name.padEnd(8)}  $ ${tool.argv.map((a) => (/[\s;']/.test(a) ? `'${a}'` : a)).join(" ")}`);
  console.log("");
  console.log(table(["tool", "median wall ms", "min wall ms", "peak RSS MB", "ratio to nginx -t"], rows, [1, 2, 3, 4]));
  for (const tool of tools.filter((t) => t.unavailable)) {
    console.log(`\n${tool.name} NOT MEASURED: ${tool.unavailable}`);
    if (tool.stderr) console.log(tool.stderr.replace(/^/gm, "  | "));
  }
}

function printVerdict(wslint, base, probe) {
  console.log(`\nVerdict (targets: wslint ≤ ${TARGET_WALL_RATIO}× nginx -t wall time; peak RSS < ${TARGET_RSS_MB} MB)`);
  const w = wslint.stats;
  if (!w) {
    console.log("  wall time  NOT MEASURED (wslint did not run)");
    console.log("  peak RSS   NOT MEASURED (wslint did not run)");
    return;
  }
  if (!base) console.log("  wall time  NOT MEASURED (no nginx -t baseline)");
  else {
    const ratio = w.medianMs / base.medianMs;
    const verdict = ratio <= TARGET_WALL_RATIO ? "PASS" : "FAIL";
    console.log(`  wall time  ${ratio.toFixed(2)}× nginx -t (median ${ms(w.medianMs)} ms vs ${ms(base.medianMs)} ms)  ${verdict}`);
  }
  if (w.peakRssKb == null) console.log(`  peak RSS   NOT MEASURED (${probe.hint ?? probe.label})`);
  else console.log(`  peak RSS   ${mb(w.peakRssKb)} MB  ${w.peakRssKb / 1024 < TARGET_RSS_MB ? "PASS" : "FAIL"}`);
}

/** Section "LSP: change → diagnostics p50/p95 on a 5,000-line file"; the measuring lives in bench/lsp.mjs. */
async function lspSection(options) {
  console.log("\nLSP: change → diagnostics p50/p95 on a 5,000-line file");
  const lines = await lspChangeToDiagnostics({ root, benchDir, runs: options.runs, generateConfig });
  console.log(lines ? lines.map((line) => `  ${line}`).join("\n") : "  not measured yet (scripts/bench/lsp.mjs)");
}

function printPublished() {
  console.log("\nPublished figures, NOT measured on this machine (gixy and crossplane cannot be installed here):");
  console.log(table(["tool", "wall time", "source"], PUBLISHED, [1]).replace(/^/gm, "  "));
}

async function main() {
  const options = parseOptions();
  const { nginx } = prepare(options);
  const probe = await probeRss(options.rss, { cwd: root, scratch });
  const floor = probe.floorKb != null ? `; the helper alone reports ${mb(probe.floorKb)} MB (floor)` : "";
  console.log(`  peak RSS  ${probe.label}${floor}${probe.hint ? ` — ${probe.hint}` : ""}`);
  console.log(`  runs      ${options.runs} of each, interleaved, after one untimed warm-up of each`);

  const tools = [];
  if (nginx) tools.push({ name: "nginx -t", argv: nginxTestArgv(nginx), failure: (s) => (s.code === 0 ? null : `exit code ${s.code}`) });
  const wslint = { name: "wslint", argv: [process.execPath, "bin/wslint.js", relative(root, configPath)], failure: cliFailure };
  // bin/wslint.js only imports the bundle; say which step is missing rather than show Node's module error.
  if (!existsSync(join(root, "dist", "wslint.js"))) wslint.unavailable = "dist/wslint.js is missing: run `npm run build` first";
  tools.push(wslint);

  await measure(tools, probe, options.runs);
  const base = tools.find((t) => t.name === "nginx -t")?.stats ?? null;
  printResults(tools, base);
  if (wslint.stats) console.log(`\nwslint exit code ${wslint.warmup.code}, ${thousands(wslint.warmup.stdoutBytes)} bytes on stdout (discarded)`);
  printVerdict(wslint, base, probe);
  if (wslint.stats) {
    console.log("\nWhere wslint's time goes (medians; the lint phases are timed inside the process)");
    const lines = await timeBreakdown({ root, benchDir, configPath, runs: options.runs, scratch, probe, nginxMs: base?.medianMs ?? null, targetRatio: TARGET_WALL_RATIO });
    console.log(lines.join("\n"));
  }
  await lspSection(options);
  printPublished();

  // The verdict is information, not a gate; only a benchmark that could not measure something fails.
  process.exitCode = !nginx || tools.some((t) => t.unavailable) ? 1 : 0;
}

await main();
