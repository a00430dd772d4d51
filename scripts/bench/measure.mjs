// Runs a child process once and measures its wall time and peak RSS, with whatever this machine offers.
//
// Node can time a child but cannot read its rusage, so peak RSS comes from a helper that waits for the
// child itself: GNU time if present (tiny, exact, what most people would reach for), else a few lines of
// Python (resource.getrusage), else nothing. Nothing is installed here; the caller prints a hint instead.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const RUSAGE_PY = fileURLToPath(new URL("./rusage.py", import.meta.url));
const GNU_TIME = "/usr/bin/time";

/**
 * @typedef {{ code: number | null, signal: string | null, wallMs: number, maxRssKb: number | null,
 *             stdoutBytes: number, stderr: string, spawnError?: string }} Sample
 * @typedef {{ method: "gnu-time" | "python" | "none", label: string, floorKb: number | null, hint?: string }} RssProbe
 */

/** Spawns argv[0] with the rest as arguments; keeps only the size of stdout (findings can be large). */
function spawnTimed(argv, cwd) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    let exitedAt = start;
    let stdoutBytes = 0;
    let stderr = "";
    const child = spawn(argv[0], argv.slice(1), { cwd, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk) => (stdoutBytes += chunk.length));
    // Only the tail matters when explaining a failure; a stack trace ends with the useful part anyway.
    child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-8192)));
    child.on("exit", () => (exitedAt = process.hrtime.bigint()));
    child.on("error", (error) =>
      resolve({ code: null, signal: null, wallMs: 0, maxRssKb: null, stdoutBytes, stderr, spawnError: error.message }),
    );
    child.on("close", (code, signal) =>
      resolve({ code, signal, wallMs: Number(exitedAt - start) / 1e6, maxRssKb: null, stdoutBytes, stderr }),
    );
  });
}

/**
 * Runs one command and returns its sample. With GNU time, the wall time is still taken by Node (GNU time
 * rounds to 10 ms), which adds only time's own exec, well under a millisecond; with Python, the wrapper
 * times the child itself so the interpreter's start-up stays out of the figure.
 * @param {RssProbe} probe
 * @param {string[]} argv
 * @param {{ cwd: string, scratch: string }} where  scratch: a file path the helper may write its result to
 * @returns {Promise<Sample>}
 */
export async function runOnce(probe, argv, { cwd, scratch }) {
  rmSync(scratch, { force: true });
  if (probe.method === "gnu-time") {
    // -o keeps time's report out of the child's stderr; the report is the last line, because GNU time puts
    // "Command exited with non-zero status N" before it when the child fails.
    const sample = await spawnTimed([GNU_TIME, "-f", "%e %M", "-o", scratch, ...argv], cwd);
    const last = existsSync(scratch) ? readFileSync(scratch, "utf8").trim().split("\n").pop() : "";
    const match = /^\d+(?:\.\d+)?\s+(\d+)$/.exec(last ?? "");
    // GNU time answers 127 when it cannot exec the command; say so like a direct spawn would.
    if (sample.code === 127 && !match) sample.spawnError = sample.stderr.trim() || `cannot run ${argv[0]}`;
    return { ...sample, maxRssKb: match ? Number(match[1]) : null };
  }
  if (probe.method === "python") {
    const sample = await spawnTimed(["python3", RUSAGE_PY, scratch, ...argv], cwd);
    if (!existsSync(scratch)) return sample;
    const report = JSON.parse(readFileSync(scratch, "utf8"));
    // Negative codes are signals (subprocess convention); report them as a failed run, like Node would.
    const code = report.code < 0 ? null : report.code;
    const signal = report.code < 0 ? `signal ${-report.code}` : null;
    const spawnError = report.code === 127 ? sample.stderr.trim() : undefined;
    return { ...sample, code, signal, wallMs: report.wall_s * 1000, maxRssKb: report.maxrss_kb, spawnError };
  }
  return spawnTimed(argv, cwd);
}

/**
 * Finds how peak RSS can be measured here, and the floor each helper adds (the RSS it reports for /bin/true,
 * a process that uses almost nothing): figures near the floor are the helper, not the tool.
 * @param {"auto" | "gnu-time" | "python" | "none"} wanted
 * @param {{ cwd: string, scratch: string }} where
 * @returns {Promise<RssProbe>}
 */
export async function probeRss(wanted, where) {
  const hint = "install GNU time (Debian: apt-get install time) or python3 to measure peak RSS";
  const attempts = wanted === "auto" ? ["gnu-time", "python"] : wanted === "none" ? [] : [wanted];
  for (const method of attempts) {
    if (method === "gnu-time" && !existsSync(GNU_TIME)) continue;
    const probe = {
      method,
      label: method === "gnu-time" ? `GNU time (${GNU_TIME} -f '%e %M')` : "python3 resource.getrusage(RUSAGE_CHILDREN)",
      floorKb: null,
    };
    // A BusyBox time lacks -f/-o, and python3 may be missing: only a sample with a number counts as working.
    const sample = await runOnce(probe, ["true"], where);
    if (sample.code === 0 && sample.maxRssKb > 0) return { ...probe, floorKb: sample.maxRssKb };
  }
  if (wanted === "none") return { method: "none", label: "not measured (--rss none)", floorKb: null };
  return { method: "none", label: "unavailable", floorKb: null, hint };
}

/** Median (mean of the middle two for an even count) and minimum wall time, and the highest peak RSS. */
export function summarize(samples) {
  const walls = samples.map((s) => s.wallMs).sort((a, b) => a - b);
  const mid = walls.length >> 1;
  const medianMs = walls.length % 2 ? walls[mid] : (walls[mid - 1] + walls[mid]) / 2;
  const rss = samples.map((s) => s.maxRssKb).filter((kb) => kb != null);
  return { medianMs, minMs: walls[0], peakRssKb: rss.length ? Math.max(...rss) : null, runs: samples.length };
}
