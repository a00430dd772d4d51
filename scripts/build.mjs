// Bundles the CLI and the language server with esbuild: one file loads faster than hundreds of modules.
import { build } from "esbuild";
import { slimReference } from "./build/slim-reference.mjs";

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  logLevel: "warning",
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __wslintRequire } from 'node:module'; const require = __wslintRequire(import.meta.url);" },
};

await Promise.all([
  // The CLI never shows directive descriptions: it gets the reference without them (see slim-reference.mjs).
  build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist/wslint.js", plugins: [slimReference] }),
  // The language server's hover shows them.
  build({ ...common, entryPoints: ["server/main.ts"], outfile: "dist/wslint-language-server.js" }),
]);
