// proxy-buffers against the judge: each case runs through the real nginx -t, and wslint must report exactly
// when nginx fails, on the directive in force (nginx itself names the last line of the http block).
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makePrefix, nginxTestAsync, prefixHttpPaths } from "../support/nginx.js";
import { lintText } from "../support/lint-text.js";

const prefix = makePrefix();
afterAll(() => rmSync(prefix, { recursive: true, force: true }));

function config(location: string[], http: string[] = []): string {
  const lines = [...prefixHttpPaths.split("\n"), ...http];
  return `events {}\nhttp {\n${lines.map((l) => `    ${l}\n`).join("")}    server {\n        listen 127.0.0.1:18089;\n        location /ws/ {\n            proxy_pass http://127.0.0.1:3000;\n${location.map((l) => `            ${l}\n`).join("")}        }\n    }\n}\n`;
}

/** [what, location lines, http lines, the directive wslint reports (its text), or undefined when nginx accepts it] */
const CASES: [string, string[], string[], string | undefined][] = [
  ["a raised proxy_buffer_size alone", ["proxy_buffer_size 16k;"], [], "proxy_buffer_size 16k;"],
  ["proxy_buffers raised with it", ["proxy_buffer_size 16k;", "proxy_buffers 8 16k;"], [], undefined],
  ["busy buffers under one buffer", ["proxy_busy_buffers_size 2k;"], [], "proxy_busy_buffers_size 2k;"],
  ["one proxy_buffers", ["proxy_buffers 1 16k;"], [], "proxy_buffers 1 16k;"],
  ["fewer, same-size buffers", ["proxy_buffers 4 4k;"], [], undefined],
  ["busy size set to fit", ["proxy_busy_buffers_size 12k;", "proxy_buffers 4 4k;"], [], undefined],
  ["a small temp file write size", ["proxy_temp_file_write_size 2k;"], [], "proxy_temp_file_write_size 2k;"],
  ["a small max temp file size", ["proxy_max_temp_file_size 2k;"], [], "proxy_max_temp_file_size 2k;"],
  ["temp files off", ["proxy_max_temp_file_size 0;", "proxy_buffer_size 8k;"], [], undefined],
  ["fastcgi too", ["fastcgi_buffer_size 32k;"], [], "fastcgi_buffer_size 32k;"],
  ["inherited from http", [], ["proxy_buffer_size 16k;"], "proxy_buffer_size 16k;"],
  // The server inherits the raised size with the default buffers: nginx fails there, before any location.
  ["inherited, fixed only in the location", ["proxy_buffers 8 16k;"], ["proxy_buffer_size 16k;"], "proxy_buffer_size 16k;"],
];

describe("proxy-buffers agrees with nginx -t", () => {
  CASES.forEach(([what, location, http, reported], i) => {
    it(`${what}: ${reported ? "rejected" : "accepted"}`, async () => {
      const text = config(location, http);
      const conf = join(prefix, `case-${i}.conf`);
      writeFileSync(conf, text);
      const nginx = await nginxTestAsync(prefix, conf);
      expect(nginx.ok, nginx.output).toBe(reported === undefined);
      const found = lintText(text, { nginxVersion: "1.22.1" }).filter((p) => p.ruleId === "proxy-buffers");
      const lines = text.split("\n");
      expect(found.map((p) => lines[p.range.start.line - 1].trim())).toEqual(reported ? [reported] : []);
    });
  });
});
