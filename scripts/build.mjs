// Bundles the CLI and the language server with esbuild: one file loads faster than hundreds of modules.
import { build } from "esbuild";

const entries = [
  { in: "src/cli/main.ts", out: "wslint" },
  { in: "server/main.ts", out: "wslint-language-server" },
];

await build({
  entryPoints: entries,
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  logLevel: "warning",
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __wslintRequire } from 'node:module'; const require = __wslintRequire(import.meta.url);" },
});
