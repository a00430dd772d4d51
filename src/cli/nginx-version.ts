// `--nginx-version auto`: asks the nginx on PATH which version it is.
import { spawnSync } from "node:child_process";
import { UsageError } from "./usage-error.js";

export function detectNginxVersion(): string {
  const run = spawnSync("nginx", ["-v"], { encoding: "utf8", timeout: 5000 });
  if (run.error) throw new UsageError(`--nginx-version auto: cannot run \`nginx -v\` (${run.error.message}); is nginx on PATH?`);
  const output = `${run.stderr ?? ""}${run.stdout ?? ""}`.trim();
  const version = nginxCoreVersion(output);
  if (!version) throw new UsageError(`--nginx-version auto: no nginx version in \`nginx -v\`'s answer "${output.split("\n")[0]}"; give one, e.g. --nginx-version 1.24.0`);
  return version;
}

/**
 * The nginx core version in `nginx -v`'s answer: `nginx/1.22.1`, Tengine's `(nginx/1.18.0)`, or OpenResty's
 * `openresty/1.21.4.1`, whose first three numbers are the nginx release it bundles.
 */
export function nginxCoreVersion(output: string): string | undefined {
  return (/nginx\/(\d+\.\d+\.\d+)/.exec(output) ?? /openresty\/(\d+\.\d+\.\d+)/i.exec(output))?.[1];
}
