// The LSP section of `npm run bench`: change → diagnostics p50/p95 on a 5,000-line file, debounce excluded.
//
// Kept in its own file so it can be filled in without touching the CLI benchmark. It starts the built server
// over stdio with `--debounce 0` (the debounce is a deliberate wait, not work), opens a generated file of
// 5,088 lines (`generateConfig({ servers: 170 })`), and sends small `didChange` edits one at a time, timing
// each from the write of the notification to the `publishDiagnostics` for that document version. Warm-up
// edits first, so the figures are for a server that has been in use (V8 has compiled the hot paths), which
// is the state an editor session is in after its first seconds.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";

const TARGET_P95_MS = 50;
const WARMUP_EDITS = 40;
const TIMED_EDITS = 200;

/**
 * @typedef {object} BenchContext
 * @property {string} root        repository root
 * @property {string} benchDir    scratch directory (.tmp/bench), git-ignored
 * @property {number} runs        the --runs value
 * @property {typeof import("./generate-config.mjs").generateConfig} generateConfig
 */

/**
 * @param {BenchContext} ctx
 * @returns {Promise<string[] | null>} lines to print under the section title; null: not measured
 */
export async function lspChangeToDiagnostics(ctx) {
  const server = join(ctx.root, "dist", "wslint-language-server.js");
  if (!existsSync(server)) return ["NOT MEASURED: dist/wslint-language-server.js is missing; run `npm run build` first"];
  const generated = ctx.generateConfig({ servers: 170 });
  const child = spawn(process.execPath, [server, "--stdio", "--debounce", "0"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  /** version → resolve, for the edit waiting on it. */
  const waiting = new Map();
  const uri = pathToFileURL(join(ctx.benchDir, "lsp", "nginx.conf")).href;
  connection.onNotification("textDocument/publishDiagnostics", (p) => {
    if (p.uri === uri) waiting.get(p.version)?.(performance.now());
  });
  connection.listen();
  try {
    await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification("initialized", {});
    let version = 1;
    const published = (v) => new Promise((resolve) => waiting.set(v, resolve));
    const first = published(version);
    const openedAt = performance.now();
    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "nginx", version, text: generated.text } });
    const openMs = (await first) - openedAt;

    // The edit a user makes most: a few characters typed into a value in the middle of the file, then removed.
    const middle = Math.floor(generated.lines / 2);
    const edit = async (i) => {
      version++;
      const insert = i % 2 === 0;
      const range = { start: { line: middle, character: 0 }, end: { line: middle, character: insert ? 0 : 1 } };
      const done = published(version);
      const start = performance.now();
      await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? " " : "" }] });
      const end = await done;
      waiting.delete(version);
      return end - start;
    };
    for (let i = 0; i < WARMUP_EDITS; i++) await edit(i);
    const samples = [];
    for (let i = 0; i < TIMED_EDITS; i++) samples.push(await edit(i));
    const rssMb = peakRssMb(child.pid);
    samples.sort((a, b) => a - b);
    const pct = (p) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)];
    const [p50, p95, max] = [pct(50), pct(95), samples[samples.length - 1]];
    return [
      `server    node dist/wslint-language-server.js --stdio --debounce 0`,
      `file      ${generated.lines.toLocaleString("en-US")} lines (generateConfig({ servers: 170 })); first diagnostics after didOpen ${openMs.toFixed(0)} ms`,
      `edits     ${TIMED_EDITS} timed one at a time after ${WARMUP_EDITS} warm-up edits; each from didChange to its publishDiagnostics`,
      `latency   p50 ${p50.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   max ${max.toFixed(1)} ms   ` +
        `(target p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? "PASS" : "FAIL"})`,
      `server    peak RSS ${rssMb == null ? "n/a (no /proc)" : `${rssMb.toFixed(1)} MB`}`,
    ];
  } finally {
    // A clean shutdown, so the server exits on its own; killed only if it does not within two seconds.
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const timeout = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    await Promise.race([connection.sendRequest("shutdown").then(() => connection.sendNotification("exit")), timeout(2000)]).catch(() => {});
    await Promise.race([exited, timeout(2000)]);
    connection.dispose();
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

/** The kernel's high-water mark of the server's resident memory (Linux). */
function peakRssMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
