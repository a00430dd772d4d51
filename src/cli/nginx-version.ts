// `--nginx-version auto`: asks the nginx on PATH which version it is.
import { spawnSync } from "node:child_process";
import { UsageError } from "./usage-error.js";

export function detectNginxVersion(): string {
  const run = spawnSync("nginx", ["-v"], { encoding: "utf8", timeout: 5000 });
  const m = /nginx\/(\d+\.\d+\.\d+)/.exec(`${run.stderr ?? ""}${run.stdout ?? ""}`);
  if (!m) throw new UsageError("--nginx-version auto: cannot run `nginx -v` (is nginx on PATH?)");
  return m[1];
}
