// Which files a directory argument lints: a site enabled by a link is one config, not two.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { collectFiles } from "../../src/cli/collect-files.js";

const dir = mkdtempSync(join(tmpdir(), "wslint-collect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("collectFiles", () => {
  it("keeps the sites-enabled link and drops its sites-available target, but keeps a site nothing enables", () => {
    mkdirSync(join(dir, "sites-available"));
    mkdirSync(join(dir, "sites-enabled"));
    writeFileSync(join(dir, "nginx.conf"), "events {}\nhttp {\n    include sites-enabled/*;\n}\n");
    writeFileSync(join(dir, "sites-available", "chat"), "server {\n    listen 8080;\n}\n");
    writeFileSync(join(dir, "sites-available", "old"), "server {\n    listen 8081;\n}\n");
    symlinkSync(join(dir, "sites-available", "chat"), join(dir, "sites-enabled", "chat"));
    expect(collectFiles([dir]).map((p) => p.slice(dir.length + 1))).toEqual(["nginx.conf", "sites-available/old", "sites-enabled/chat"]);
  });
});
