// ssl-certificate-missing against the judge, with real certificates (the agreement cases cannot carry them): which
// server of a TLS address needs one, and when another may borrow the default server's (nginx -t passes, a warning).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePrefix, nginxTestAsync, prefixHttpPaths } from "../support/nginx.js";
import { lintText } from "../support/lint-text.js";
import { makeSelfSigned, type SelfSigned } from "../support/tls-cert.js";

const prefix = makePrefix();
const certDir = mkdtempSync(join(tmpdir(), "wslint-certs-"));
let cert: SelfSigned;
beforeAll(async () => {
  cert = await makeSelfSigned(certDir, "chat.example.com");
});
afterAll(() => {
  rmSync(prefix, { recursive: true, force: true });
  rmSync(certDir, { recursive: true, force: true });
});

const withCert = (): string[] => [`ssl_certificate ${cert.certPath};`, `ssl_certificate_key ${cert.keyPath};`];

function config(servers: string[][]): string {
  const http = prefixHttpPaths.split("\n").map((l) => `    ${l}`);
  const blocks = servers.map((lines) => ["    server {", ...lines.map((l) => `        ${l}`), "    }"]);
  return ["events {}", "http {", ...http, ...blocks.flat(), "}", ""].join("\n");
}

async function judge(text: string, name: string): Promise<{ nginxLine: number | undefined; ok: boolean; found: string[] }> {
  const conf = join(prefix, `${name}.conf`);
  writeFileSync(conf, text);
  const nginx = await nginxTestAsync(prefix, conf);
  const found = lintText(text, { nginxVersion: "1.22.1" })
    .filter((p) => p.ruleId === "ssl-certificate-missing")
    .map((p) => `${p.severity} ${p.range.start.line}`);
  return { nginxLine: nginx.line, ok: nginx.ok, found };
}

describe("ssl-certificate-missing agrees with nginx -t", () => {
  it("lets a server borrow the default server's certificate, with a warning", async () => {
    const text = config([["listen 127.0.0.1:18443 ssl;", ...withCert()], ["listen 127.0.0.1:18443 ssl;", "server_name b.example.com;"]]);
    const { ok, found } = await judge(text, "borrow");
    expect(ok).toBe(true);
    expect(found).toEqual(["warning 14"]);
  });

  it("needs a certificate in the default server even when only another server's listen says ssl", async () => {
    const text = config([["listen 127.0.0.1:18443;", "return 444;"], ["listen 127.0.0.1:18443 ssl;", ...withCert()]]);
    const { ok, nginxLine, found } = await judge(text, "plain-default");
    expect(ok).toBe(false);
    expect(found).toEqual([`error ${nginxLine}`]);
  });

  it("follows default_server rather than the order of the servers", async () => {
    const text = config([["listen 127.0.0.1:18443 ssl;", ...withCert()], ["listen 127.0.0.1:18443 ssl default_server;"]]);
    const { ok, nginxLine, found } = await judge(text, "explicit-default");
    expect(ok).toBe(false);
    expect(found).toEqual([`error ${nginxLine}`]);
  });

  it("judges no address on a port a listen by host name uses (localhost is 127.0.0.1 to nginx)", async () => {
    const text = config([["listen localhost:18443 ssl;", "server_name a.example.com;"], ["listen 127.0.0.1:18443 ssl default_server;", ...withCert()]]);
    const { ok, found } = await judge(text, "hostname");
    expect(ok).toBe(true);
    expect(found.filter((f) => f.startsWith("error"))).toEqual([]);
  });

  it("lets a server's ssl_reject_handshake off override http's on", async () => {
    const http = config([["listen 127.0.0.1:18443 ssl;", "ssl_reject_handshake off;"]]).replace("http {\n", "http {\n    ssl_reject_handshake on;\n");
    const { ok, nginxLine, found } = await judge(http, "reject-off");
    expect(ok).toBe(false);
    expect(found).toEqual([`error ${nginxLine}`]);
  });
});

describe("ssl-certificate-missing, cases nginx -t was run on by hand", () => {
  it("names the last certificate of several without enough keys, even one chosen by a variable", () => {
    const text = "events {}\nhttp {\n    server {\n        listen 443 ssl;\n        ssl_certificate /c/a.pem;\n        ssl_certificate /c/$ssl_server_name.pem;\n        ssl_certificate_key /c/a.key;\n    }\n}\n";
    const found = lintText(text).filter((p) => p.ruleId === "ssl-certificate-missing");
    expect(found.map((p) => [p.range.start.line, p.message.split(";")[0]])).toEqual([[6, 'no "ssl_certificate_key" is defined for certificate "/c/$ssl_server_name.pem"']]);
  });

  it("counts a server without listen on *:80 behind a default that rejects handshakes", () => {
    const text = "events {}\nhttp {\n    server {\n        listen 80 ssl default_server;\n        ssl_reject_handshake on;\n    }\n    server {\n        server_name b.example.com;\n    }\n}\n";
    const found = lintText(text).filter((p) => p.ruleId === "ssl-certificate-missing");
    expect(found.map((p) => [p.severity, p.range.start.line])).toEqual([["error", 7]]);
  });

  it("takes the port of a listen by host name without one to be 80", () => {
    const text = "events {}\nhttp {\n    server {\n        listen localhost default_server;\n        ssl_certificate /c/a.pem;\n        ssl_certificate_key /c/a.key;\n    }\n    server {\n        listen 127.0.0.1 ssl;\n    }\n}\n";
    expect(lintText(text).filter((p) => p.ruleId === "ssl-certificate-missing" && p.severity === "error")).toEqual([]);
  });
});
