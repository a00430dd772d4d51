// The LSP section of `npm run bench`: change → diagnostics p50/p95 on a 5,000-line file. Not written yet.
//
// Kept in its own file so it can be filled in without touching the CLI benchmark. The intended shape:
// start the built server over stdio, open a generated file of about 5,000 lines
// (`ctx.generateConfig({ servers: 170 })` gives 5,088), send N small `didChange` edits and time each one
// until its `publishDiagnostics` arrives; report p50 and p95 in ms, and the server's peak RSS if known.

/**
 * @typedef {object} BenchContext
 * @property {string} root        repository root
 * @property {string} benchDir    scratch directory (.tmp/bench), git-ignored
 * @property {number} runs        the --runs value
 * @property {typeof import("./generate-config.mjs").generateConfig} generateConfig
 */

/**
 * @param {BenchContext} _ctx
 * @returns {Promise<string[] | null>} lines to print under the section title; null: not measured
 */
export async function lspChangeToDiagnostics(_ctx) {
  return null;
}
