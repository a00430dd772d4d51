// CI builds the VS Code extension: client/'s own install and `npm run package`, then the packed server runs.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LspClient } from "./lsp-client.js";

const CLIENT = fileURLToPath(new URL("../../client/", import.meta.url));
const npm = (args: string[]): string =>
  execFileSync("npm", args, { cwd: CLIENT, encoding: "utf8", timeout: 300_000, env: { ...process.env, npm_config_loglevel: "warn" } });

describe("VS Code extension", () => {
  it("packages into a .vsix holding the extension and the language server", { timeout: 360_000 }, async () => {
    // client/ has its own package.json and lock file; a fresh clone has no client/node_modules yet.
    if (!existsSync(`${CLIENT}node_modules/.bin/vsce`)) npm(["ci", "--no-audit", "--no-fund"]);
    const output = npm(["run", "package"]);
    const vsix = `${CLIENT}wslint.vsix`;
    expect(readFileSync(vsix).subarray(0, 2).toString()).toBe("PK");
    expect(output).toMatch(/extension\.js/);
    expect(output).toMatch(/wslint-language-server\.mjs/);
    const manifest = JSON.parse(readFileSync(`${CLIENT}package.json`, "utf8")) as { contributes: { languages: { id: string; filenames: string[] }[] } };
    expect(manifest.contributes.languages[0]).toMatchObject({ id: "nginx", filenames: ["nginx.conf"] });

    // The server copy that went into the package starts and answers.
    const { client, init } = await LspClient.start({ server: `${CLIENT}server/wslint-language-server.mjs` });
    expect(init.serverInfo?.name).toBe("wslint-language-server");
    const uri = await client.open("/tmp/wslint-vsix-check/nginx.conf", "events {}\nhttp {\n    proxy_buffering maybe;\n}\n");
    expect((await client.forVersion(uri, 1)).map((d) => d.code)).toEqual(["directive-arguments"]);
    await client.stop();
  });
});
