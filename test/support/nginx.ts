// Runs the real nginx (Debian package, see scripts/install-test-deps.sh) for ground-truth tests: `nginx -t` on a
// config inside a throwaway prefix, with nginx's verdict parsed into message, file and line.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface NginxTestResult {
  /** True when `nginx -t` exited 0 ("test is successful"). */
  ok: boolean;
  /** Everything nginx printed (it prints its verdict on stderr). */
  output: string;
  /** The first fatal message (`[emerg]`, `[alert]` or `[crit]`) without its " in FILE:LINE" tail. */
  message?: string;
  /** The file nginx named, when it named one: unknown variables and a missing events block have none. */
  file?: string;
  line?: number;
}

/**
 * http-level directives that keep `nginx -t` inside its prefix. Without them nginx -t mkdirs (and, as root, chowns
 * to the `user`) /var/lib/nginx/{body,proxy,fastcgi,uwsgi,scgi} and opens /var/log/nginx/access.log: it creates
 * paths and opens log files after the configuration is parsed and checked (core/ngx_cycle.c, ngx_init_cycle).
 * Relative paths here resolve against the prefix (`-p`); makePrefix() creates `tmp/` and `logs/`.
 */
export const prefixHttpPaths = [
  "client_body_temp_path tmp/client_body;",
  "proxy_temp_path tmp/proxy;",
  "fastcgi_temp_path tmp/fastcgi;",
  "uwsgi_temp_path tmp/uwsgi;",
  "scgi_temp_path tmp/scgi;",
  "access_log logs/access.log;",
].join("\n");

let binary: string | undefined;

/** Path of the nginx binary: $NGINX_BIN, else Debian's /usr/sbin/nginx, else `nginx` on PATH. Throws if none. */
export function nginxBinary(): string {
  if (binary) return binary;
  const candidates = [process.env.NGINX_BIN, "/usr/sbin/nginx"].filter((p): p is string => !!p);
  for (const path of candidates) if (existsSync(path)) return (binary = path);
  const which = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" });
  const found = which.status === 0 ? which.stdout.trim() : "";
  if (found) return (binary = found);
  throw new Error("nginx not found: run scripts/install-test-deps.sh (or set NGINX_BIN)");
}

/** The version of nginxBinary(), e.g. "1.22.1". */
export function nginxVersion(): string {
  // `nginx -v` prints "nginx version: nginx/1.22.1" on stderr and exits 0.
  const out = spawnSync(nginxBinary(), ["-v"], { encoding: "utf8" });
  const match = /nginx\/(\d+\.\d+\.\d+)/.exec(`${out.stderr}${out.stdout}`);
  if (!match) throw new Error(`cannot read the nginx version from: ${out.stderr}`);
  return match[1];
}

/** A fresh directory under os.tmpdir() with the `logs/` and `tmp/` that prefixHttpPaths use. The caller removes it. */
export function makePrefix(): string {
  const prefix = mkdtempSync(join(tmpdir(), "wslint-nginx-"));
  mkdirSync(join(prefix, "logs"));
  mkdirSync(join(prefix, "tmp"));
  return prefix;
}

function testArgs(prefix: string, confPath: string): string[] {
  // pid and error_log are main-context directives, so -g can move them into the prefix; -t still creates the
  // pid file (empty). http-level paths cannot go in -g ("block directives are not supported in -g option").
  const globals = `pid ${join(prefix, "nginx.pid")}; error_log ${join(prefix, "error.log")};`;
  return ["-t", "-p", prefix, "-c", confPath, "-g", globals];
}

/** Parses `nginx -t` output: the first fatal line, `[emerg] PID#TID: MESSAGE in FILE:LINE` (the tail is optional). */
export function parseNginxOutput(ok: boolean, output: string): NginxTestResult {
  const result: NginxTestResult = { ok, output };
  // After the level, nginx logs "PID#TID: " (and "*CONN " inside a connection) before the message.
  const fatal = /\[(?:emerg|alert|crit)\] (?:\d+#\d+: )?(?:\*\d+ )?(.*)$/m.exec(output);
  if (!fatal) return result;
  const text = fatal[1].trimEnd();
  // The last " in " starts the place: messages have their own ("invalid number of arguments in "map" directive"),
  // so a file path containing " in " would be split wrongly; test prefixes and cases have none.
  const where = /^(.*) in (.+):(\d+)$/.exec(text);
  if (where) {
    result.message = where[1];
    result.file = where[2];
    result.line = Number(where[3]);
  } else {
    result.message = text;
  }
  return result;
}

/** Runs `nginx -t` on confPath with everything nginx writes kept under prefix (see prefixHttpPaths). */
export function nginxTest(prefix: string, confPath: string): NginxTestResult {
  const run = spawnSync(nginxBinary(), testArgs(prefix, confPath), { encoding: "utf8", timeout: 20_000 });
  if (run.error) throw run.error;
  return parseNginxOutput(run.status === 0, `${run.stdout}${run.stderr}`);
}

/** nginxTest without blocking, so callers can run several at once. */
export function nginxTestAsync(prefix: string, confPath: string): Promise<NginxTestResult> {
  return new Promise((resolve, reject) => {
    const options = { encoding: "utf8" as const, timeout: 20_000 };
    execFile(nginxBinary(), testArgs(prefix, confPath), options, (error, stdout, stderr) => {
      // A non-zero exit is nginx's verdict, not a failure to run it.
      if (error && typeof error.code !== "number") return reject(error);
      resolve(parseNginxOutput(!error, `${stdout}${stderr}`));
    });
  });
}

/** Where Debian's libnginx-mod-stream puts the stream module, if it is installed (cases `load_module` it). */
export function streamModulePath(): string | undefined {
  const path = "/usr/lib/nginx/modules/ngx_stream_module.so";
  return existsSync(path) ? path : undefined;
}
