// Checks the derived argument counts against real nginx: nginx -t must reject one argument too few or too many.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ContextName } from "../../src/reference/contexts.js";
import { type DirectiveSpec, allDirectives, argsFor } from "../../src/reference/directives.js";

const NGINX = "/usr/sbin/nginx";
const STREAM_MODULE = "/usr/lib/nginx/modules/ngx_stream_module.so";
const COUNT_ERROR = "invalid number of arguments";

// Debian's nginx has no mail module to load, so mail directives are not checked.
const PLACEABLE: ContextName[] = existsSync(STREAM_MODULE)
  ? ["http", "server", "location", "upstream", "main", "events", "stream", "stream-server", "stream-upstream"]
  : ["http", "server", "location", "upstream", "main", "events"];

function config(context: ContextName, line: string): string {
  const stream = `load_module ${STREAM_MODULE};\nevents {}\n`;
  switch (context) {
    case "main": return `${line}\nevents {}\n`;
    case "events": return `events {\n${line}\n}\n`;
    case "http": return `events {}\nhttp {\n${line}\n}\n`;
    case "server": return `events {}\nhttp {\nserver {\n${line}\n}\n}\n`;
    case "location": return `events {}\nhttp {\nserver {\nlocation / {\n${line}\n}\n}\n}\n`;
    case "upstream": return `events {}\nhttp {\nupstream u {\n${line}\n}\n}\n`;
    case "stream": return `${stream}stream {\n${line}\n}\n`;
    case "stream-server": return `${stream}stream {\nserver {\n${line}\n}\n}\n`;
    case "stream-upstream": return `${stream}stream {\nupstream u {\n${line}\n}\n}\n`;
    default: throw new Error(`no template for ${context}`);
  }
}

/** The first [emerg] message of nginx -t, or "" when the configuration passes. */
function nginxTest(text: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "wslint-ref-"));
  writeFileSync(join(dir, "nginx.conf"), text);
  const args = ["-t", "-p", dir, "-c", join(dir, "nginx.conf"), "-g", `pid ${dir}/nginx.pid; error_log ${dir}/error.log;`];
  return new Promise((resolve) => {
    execFile(NGINX, args, (_error, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      const emerg = `${stderr}${stdout}`.split("\n").find((l) => l.includes("[emerg]")) ?? "";
      resolve(emerg.replace(/^.*\[emerg\] \d+#\d+: /, "").replace(/ in \/\S+:\d+$/, ""));
    });
  });
}

/** Dummy words do: nginx counts arguments (ngx_conf_handler) before the directive's handler reads them. */
function line(spec: DirectiveSpec, count: number): string {
  const args = Array.from({ length: count }, (_, i) => ` a${i}`).join("");
  return `${spec.name}${args}${spec.block ? " {}" : ";"}`;
}

/**
 * The mismatches for one directive, or undefined when this nginx does not know it in that block: the
 * reference also covers newer releases and NGINX Plus.
 */
async function check(spec: DirectiveSpec, context: ContextName, version: string): Promise<string[] | undefined> {
  const { min, max } = argsFor(spec, version);
  const atMin = await nginxTest(config(context, line(spec, min)));
  if (/unknown directive|is not allowed here/.test(atMin)) return undefined;
  const rejects = new Map<number, boolean>([[min, false]]);
  if (min > 0) rejects.set(min - 1, true);
  if (max === Infinity) {
    rejects.set(min + 4, false); // unbounded must mean a few more than the minimum at least
  } else {
    rejects.set(max, false).set(max + 1, true);
  }
  const mismatches: string[] = [];
  for (const [count, rejected] of rejects) {
    const message = count === min ? atMin : await nginxTest(config(context, line(spec, count)));
    if (message.includes(COUNT_ERROR) !== rejected) {
      mismatches.push(`${spec.module} ${spec.name} (${min}..${max}) with ${count}: ${message || "accepted"}`);
    }
  }
  return mismatches;
}

/** "1.22.1" from "nginx version: nginx/1.22.1", so counts that changed since are taken as of that release. */
function nginxVersion(): string {
  const banner = spawnSync(NGINX, ["-v"], { encoding: "utf8" }).stderr;
  return /nginx\/(\d+(?:\.\d+)*)/.exec(banner)?.[1] ?? "0";
}

describe.skipIf(!existsSync(NGINX))("argument counts agree with nginx -t", () => {
  it("rejects one argument too few and one too many, and accepts the bounds", async () => {
    const version = nginxVersion();
    const work: [DirectiveSpec, ContextName][] = [];
    for (const spec of allDirectives()) {
      const context = PLACEABLE.find((c) => spec.contexts.includes(c));
      if (context) work.push([spec, context]);
    }
    const mismatches: string[] = [];
    let checked = 0;
    let next = 0;
    const worker = async () => {
      while (next < work.length) {
        const [spec, context] = work[next++];
        const found = await check(spec, context, version);
        if (found) {
          checked++;
          mismatches.push(...found);
        }
      }
    };
    await Promise.all(Array.from({ length: availableParallelism() * 4 }, worker));
    expect(mismatches.sort()).toEqual([]);
    // Guards against a broken harness that skips everything.
    expect(checked).toBeGreaterThan(500);
  });
});
