// Runs the real nginx in the foreground (daemon off) inside a throwaway prefix, on 127.0.0.1 only, for ground truth.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { makePrefix, nginxBinary, nginxTestAsync, prefixHttpPaths, type NginxTestResult } from "./nginx.js";
import { stopGroup, trackGroup } from "./process-group.js";

export interface RunningNginx {
  prefix: string;
  /** nginx's own error log (level info), for messages like "no resolver defined". */
  errorLog(): string;
  /** Fast shutdown of master and workers, then the prefix is removed. Safe to call twice. */
  stop(): Promise<void>;
}

/** The temp-path lines go first in http, so nothing is written outside the prefix (see prefixHttpPaths). */
export function withPrefixPaths(config: string): string {
  if (!/^\s*http\s*\{/m.test(config)) return config;
  return config.replace(/^(\s*http\s*\{[^\n]*\n)/m, `$1${prefixHttpPaths}\n`);
}

/**
 * Refuses configs that could reach past loopback: every server block needs its own `listen 127.0.0.1:PORT`
 * (without one nginx binds *:80), and proxy_pass, upstream servers and resolvers may only name 127.0.0.1,
 * an upstream of the config, or a host nginx resolves per request through a loopback resolver.
 */
export function assertLoopbackOnly(config: string): void {
  const listens = [...config.matchAll(/^\s*listen\s+(\S+)/gm)].map((m) => m[1]);
  const serverBlocks = (config.match(/^\s*server\s*\{/gm) ?? []).length;
  const bad = listens.filter((l) => !/^127\.0\.0\.1:\d+;?$/.test(l));
  if (bad.length || listens.length < serverBlocks) throw new Error(`listen only on 127.0.0.1:PORT, in every server: ${bad.join(" ")}`);
  const upstreams = new Set([...config.matchAll(/^\s*upstream\s+(\S+)\s*\{/gm)].map((m) => m[1]));
  for (const [, host, rest] of config.matchAll(/proxy_pass\s+https?:\/\/([^/:;\s]+)([^;]*)/g)) {
    // A URL with variables is resolved per request, only through `resolver` (checked below); a plain name would be
    // resolved by the system resolver when nginx loads the config.
    const perRequest = host.startsWith("$") || rest.includes("$");
    if (host !== "127.0.0.1" && !upstreams.has(host) && !perRequest) throw new Error(`proxy_pass to ${host}`);
  }
  for (const [, host] of config.matchAll(/^\s*(?:server|resolver)\s+([^\s;{]+)/gm)) {
    // localhost comes from /etc/hosts when nginx loads the config.
    if (!/^(127\.0\.0\.1|localhost)(:|$)/.test(host)) throw new Error(`upstream server or resolver ${host} is not loopback`);
  }
}

/** Writes the config (with the prefix paths) into a fresh prefix; returns the prefix and the config's path. */
function writeConfig(config: string): { prefix: string; conf: string } {
  assertLoopbackOnly(config);
  const prefix = makePrefix();
  // Workers run as nobody when the tests run as root; they must be able to enter the prefix (temp files).
  chmodSync(prefix, 0o755);
  const conf = join(prefix, "nginx.conf");
  writeFileSync(conf, withPrefixPaths(config));
  return { prefix, conf };
}

/** `nginx -t` on a config, in its own prefix that is removed afterwards. */
export async function nginxAccepts(config: string): Promise<NginxTestResult> {
  const { prefix, conf } = writeConfig(config);
  try {
    return await nginxTestAsync(prefix, conf);
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** Starts nginx on `config` and resolves once every port in `ports` accepts connections. */
export async function startNginx(config: string, ports: number[]): Promise<RunningNginx> {
  const { prefix, conf } = writeConfig(config);
  const errorLogPath = join(prefix, "error.log");
  const globals = `daemon off; pid ${join(prefix, "nginx.pid")}; error_log ${errorLogPath} info;`;
  // detached: nginx leads its own process group, so stopping it reaches the workers too.
  const child: ChildProcess = spawn(nginxBinary(), ["-p", prefix, "-c", conf, "-g", globals], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  trackGroup(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const errorLog = (): string => {
    try {
      return readFileSync(errorLogPath, "utf8");
    } catch {
      return "";
    }
  };
  let stopped = false;
  const running: RunningNginx = {
    prefix,
    errorLog,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopGroup(child);
      rmSync(prefix, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 10_000;
  for (const port of ports) {
    while (!(await portOpen(port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        const why = `${stderr}${errorLog()}`;
        await running.stop();
        throw new Error(`nginx did not start: ${why}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  return running;
}
