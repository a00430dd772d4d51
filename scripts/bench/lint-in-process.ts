// Lints one config several times in one Node process and prints each run's phase timings as JSON lines.
//
// `npm run bench` bundles this with esbuild and runs it to show where the CLI's time goes: the first run pays
// for V8 compiling and optimising wslint's code as it goes (what every CLI invocation pays), the later runs
// show the same work with the code already optimised (the floor a faster start-up could reach).
// Usage: node lint-in-process.mjs <config> <runs>
import { performance } from "node:perf_hooks";
import { diskHost } from "../../src/cli/disk-host.js";
import { lint } from "../../src/engine/lint.js";

const [config, runsText] = process.argv.slice(2);
const host = diskHost();
for (let run = 0; run < Number(runsText); run++) {
  const start = performance.now();
  const result = lint([config], host);
  const total = performance.now() - start;
  console.log(JSON.stringify({ run, total, ...result.timings, problems: result.problems.length }));
}
