// A reader that closes standard output early (`wslint . | head`): wslint exits quietly with the lint's exit code.
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT, runCli } from "../support/run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "wslint-closed-output-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** When the reader closes the pipe: before wslint writes a byte, or after reading the first chunk of its output. */
type CloseAt = "before-output" | "after-first-chunk";

function runWithStdoutClosed(args: string[], closeAt: CloseAt): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  if (closeAt === "before-output") child.stdout.destroy();
  else child.stdout.once("data", () => child.stdout.destroy());
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

describe("standard output closed early", () => {
  it("exits with the lint's code and nothing on stderr when the reader is gone before any output", async () => {
    // A clean config: the lint's code is 0, where an unhandled EPIPE would make it 1.
    const args = ["--format", "json", "examples/chat-clean.conf"];
    expect(runCli(args).code).toBe(0);
    expect(await runWithStdoutClosed(args, "before-output")).toEqual({ code: 0, stderr: "" });
  });

  it("exits with the lint's code and nothing on stderr when the reader stops after the first chunk", async () => {
    // Far more output than a pipe holds (64 KiB on Linux), so writing goes on after the reader has left.
    for (let i = 0; i < 200; i++) copyFileSync(join(ROOT, "examples/chat-broken.conf"), join(tmp, `site-${i}.conf`));
    const args = ["--format", "sarif", tmp];
    const full = runCli(args);
    expect(full.stdout.length).toBeGreaterThan(1024 * 1024);
    expect(full.code).toBe(1);
    expect(await runWithStdoutClosed(args, "after-first-chunk")).toEqual({ code: 1, stderr: "" });
  });
});
