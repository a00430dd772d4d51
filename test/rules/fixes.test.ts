// Every fix on every bad example: the rule is satisfied afterwards, fixing again changes nothing, comments and
// formatting survive, and the real nginx accepts what the fix wrote.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allRules } from "../../rules/index.js";
import { fixText } from "../support/fix-text.js";
import { makePrefix, nginxTest, prefixHttpPaths } from "../support/nginx.js";

const prefix = makePrefix();
afterAll(() => rmSync(prefix, { recursive: true, force: true }));

/** nginx -t on a config, with its temp paths kept inside the test prefix. */
function nginxAccepts(text: string, name: string) {
  const path = join(prefix, `${name}.conf`);
  writeFileSync(path, text.replace(/^http \{\n/m, `http {\n${prefixHttpPaths}\n`));
  return nginxTest(prefix, path);
}

const fixable = allRules.filter((r) => r.meta.fixable);

describe.each(fixable.map((r) => [r.meta.id, r] as const))("%s --fix", (id, rule) => {
  it.each(rule.meta.examples.bad.map((code, i) => [i, code]))("bad example %i: fixed, stable, accepted by nginx -t", (i, code) => {
    const fixed = fixText(code, { nginxVersion: "1.22.1" });
    expect(fixed.text).not.toBe(code);
    expect(fixed.problems.filter((p) => p.ruleId === id)).toEqual([]);
    expect(fixText(fixed.text, { nginxVersion: "1.22.1" }).text).toBe(fixed.text);
    const verdict = nginxAccepts(fixed.text, `${id}-${i}`);
    expect(verdict.ok, `${verdict.output}\n${fixed.text}`).toBe(true);
  });
});

describe("fixes keep the file as written", () => {
  const tutorial = [
    "events {}",
    "http {",
    "\tserver {",
    "\t\tlisten 8080;  # the app",
    "\t\tlocation /ws/ {",
    "\t\t\tproxy_pass http://127.0.0.1:3000;   # node",
    "\t\t}",
    "\t}",
    "}",
    "",
  ];

  it("inserts with the neighbours' indentation and keeps comments", () => {
    const fixed = fixText(tutorial.join("\n"), { nginxVersion: "1.22.1"}).text;
    expect(fixed).toContain("\t\t\tproxy_pass http://127.0.0.1:3000;   # node\n");
    expect(fixed).toContain("\t\t\tproxy_http_version 1.1;");
    expect(fixed).toContain("\t\t\tproxy_set_header Upgrade $http_upgrade;");
    expect(fixed).toContain("\t\t\tproxy_set_header Connection $connection_upgrade;");
    expect(fixed).toContain("\t\t\tproxy_read_timeout 1h;");
    expect(fixed).toMatch(/^http \{\n\tmap \$http_upgrade \$connection_upgrade \{\n\t    default upgrade;/m);
    expect(fixed).toContain("listen 8080;  # the app");
    expect(nginxAccepts(fixed, "tabs").ok).toBe(true);
  });

  it("keeps CRLF line endings", () => {
    const crlf = tutorial.join("\r\n");
    const fixed = fixText(crlf, { nginxVersion: "1.22.1"}).text;
    expect(fixed).not.toMatch(/[^\r]\n/);
    expect(fixed).toContain("proxy_http_version 1.1;\r\n");
  });

  it("copies inherited proxy_set_header lines down instead of dropping them", () => {
    const text = [
      "events {}",
      "http {",
      "    map $http_upgrade $connection_upgrade { default upgrade; '' close; }",
      "    server {",
      "        listen 8080;",
      "        proxy_set_header Host $host;",
      "        location /ws/ {",
      "            proxy_pass http://127.0.0.1:3000;",
      "            proxy_http_version 1.1;",
      "            proxy_read_timeout 1h;",
      "        }",
      "    }",
      "}",
      "",
    ].join("\n");
    const fixed = fixText(text, { nginxVersion: "1.22.1"});
    const location = fixed.text.slice(fixed.text.indexOf("location /ws/"));
    expect(location).toContain("proxy_set_header Host $host;");
    expect(location).toContain("proxy_set_header Upgrade $http_upgrade;");
    expect(location).toContain("proxy_set_header Connection $connection_upgrade;");
    expect(fixed.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});
