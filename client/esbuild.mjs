// Builds the extension: bundles src/extension.ts (CommonJS, as VS Code loads extensions) and copies in the
// language server bundle the repository root builds (`npm run build` there makes dist/wslint-language-server.js).
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const server = join(here, "..", "dist", "wslint-language-server.js");

if (!existsSync(server)) {
  console.error(`client: ${server} is missing; run \`npm run build\` in the repository root first`);
  process.exit(1);
}

await build({
  entryPoints: [join(here, "src", "extension.ts")],
  outfile: join(here, "dist", "extension.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // Provided by VS Code at run time, never bundled.
  external: ["vscode"],
  sourcemap: false,
  minify: true,
  logLevel: "warning",
});

// .mjs: the server bundle is ESM, and the extension folder has no package.json "type" that would say so.
mkdirSync(join(here, "server"), { recursive: true });
copyFileSync(server, join(here, "server", "wslint-language-server.mjs"));
