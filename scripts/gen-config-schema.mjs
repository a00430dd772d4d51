// Writes schema/wslint.config.schema.json from the rules' metadata (`--check`: exit 1 when it is stale instead).
// The schema is built in TypeScript (src/config/schema.ts); tsx loads it so the rules need no build first.
import { readFileSync, writeFileSync } from "node:fs";
import { tsImport } from "tsx/esm/api";

const target = new URL("../schema/wslint.config.schema.json", import.meta.url);
const { configSchemaText } = await tsImport("../src/config/schema.ts", import.meta.url);
const text = configSchemaText();

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {}
  if (current !== text) {
    console.error("schema/wslint.config.schema.json is stale: run node scripts/gen-config-schema.mjs");
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log("wrote schema/wslint.config.schema.json");
}
