// A real editor: headless Neovim 0.7 (Debian's, installed by scripts/install-test-deps.sh) runs the built server.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { tempWorkspace, WS_CONFIG } from "./fixtures.js";
import { SERVER, uriOf } from "./lsp-client.js";

const INIT = fileURLToPath(new URL("./neovim-init.lua", import.meta.url));

interface NeovimReport {
  nvim: { major: number; minor: number };
  received: { uri: string; diagnostics: { code: string; message: string; range: { start: { line: number; character: number } } }[] };
  held: { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string; source: string }[];
}

describe("language server in headless Neovim", () => {
  const ws = tempWorkspace();
  afterAll(() => ws.remove());

  it("starts the server on a broken config and shows its diagnostics", () => {
    const file = ws.write("site/nginx.conf", WS_CONFIG.replace("        listen 80;\n", "        listen 80;\n        proxy_buffering maybe;\n"));
    const out = ws.path("nvim-report.json");
    const run = spawnSync("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", `luafile ${INIT}`], {
      cwd: ws.dir,
      env: { ...process.env, WSLINT_NODE: process.execPath, WSLINT_SERVER: SERVER, WSLINT_FILE: file, WSLINT_OUT: out },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.error, "nvim must be installed (scripts/install-test-deps.sh does it)").toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8")) as NeovimReport;
    expect(report.nvim.major * 100 + report.nvim.minor).toBeGreaterThanOrEqual(7);
    expect(report.received.uri).toBe(uriOf(file));
    const codes = report.received.diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(["directive-arguments", "proxy-http-version"]));
    // What the editor holds, in its own 0-based terms: the bad flag on line 13, the location on line 14.
    const held = report.held.map((d) => `${d.lnum}:${d.col}-${d.end_lnum}:${d.end_col} ${d.severity} ${d.source}`);
    expect(held).toEqual(expect.arrayContaining(["12:24-12:29 1 wslint", "13:8-13:16 1 wslint"]));
    expect(report.held.find((d) => d.lnum === 12)?.message).toBe('invalid value "maybe" in "proxy_buffering" directive: it must be "on" or "off"');
  });
});
