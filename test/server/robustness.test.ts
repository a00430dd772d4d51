// The server under abuse: malformed messages, unknown methods, a file deleted while open, 1,000 random edits.
import { unlinkSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hover } from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import { cliKeys, diagnosticKey, positionOf, tempWorkspace, WS_CONFIG } from "./fixtures.js";
import { prng } from "../../scripts/bench/mulberry32.mjs";
import { LspClient, uriOf } from "./lsp-client.js";

const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe("language server robustness", () => {
  const ws = tempWorkspace();
  let client: LspClient;

  beforeAll(async () => {
    ({ client } = await LspClient.start({ rootPath: ws.dir, debounceMs: 20 }));
  });
  afterAll(async () => {
    await client.stop();
    ws.remove();
  });

  /** The server still lints and answers: the proof after each kind of abuse. */
  async function stillServes(): Promise<void> {
    const uri = await client.open(ws.path(`alive-${client.published.length}/nginx.conf`), WS_CONFIG);
    const diagnostics = await client.forVersion(uri, 1);
    expect(diagnostics.map((d) => d.code)).toContain("proxy-http-version");
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionOf(WS_CONFIG, "proxy_pass", 2) });
    expect(JSON.stringify(hover.contents)).toContain("proxy_pass");
    await client.close(uri);
    expect(client.alive).toBe(true);
  }

  it("survives malformed frames and bodies", async () => {
    const raw = (text: string): void => void client.child.stdin.write(text);
    raw(frame("{ this is not json"));
    raw("X-Nonsense: 1\r\n\r\n");
    raw("Content-Length: twelve\r\n\r\n");
    raw("no colon in this header\r\n\r\n");
    raw("junk with no blank line after it ");
    raw(frame('{"jsonrpc":"2.0"}'));
    raw(frame("[1,2,3]"));
    raw(frame('{"jsonrpc":"2.0","id":"x","method":"textDocument/hover","params":null}'));
    raw(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":42}}}'));
    raw(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nowhere.conf"},"contentChanges":[{"text":1}]}}'));
    await stillServes();
  });

  it("reads a message split across many writes", async () => {
    const body = JSON.stringify({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri: uriOf(ws.path("split/nginx.conf")), languageId: "nginx", version: 1, text: "events {}\nhttp {\n    proxy_buffering maybe;\n}\n" } } });
    const bytes = Buffer.from(frame(body));
    for (let i = 0; i < bytes.length; i += 7) {
      client.child.stdin.write(bytes.subarray(i, i + 7));
      if (i % 70 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    expect((await client.forVersion(uriOf(ws.path("split/nginx.conf")), 1)).map((d) => d.code)).toEqual(["directive-arguments"]);
  });

  it("answers unknown methods with MethodNotFound and ignores unknown notifications", async () => {
    await expect(client.request("wslint/nonsense", { a: 1 })).rejects.toMatchObject({ code: -32601 });
    await client.connection.sendNotification("wslint/whatever", { b: 2 });
    await client.connection.sendNotification("$/setTrace", { value: "verbose" });
    // Requests with missing or wrong parameters get an answer, not a crash.
    expect(await client.request("textDocument/hover", {})).toBeNull();
    expect(await client.request("textDocument/completion", { textDocument: { uri: "file:///never/opened.conf" }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await client.request("textDocument/codeAction", { textDocument: { uri: 7 } })).toEqual([]);
    expect(await client.request("textDocument/definition", { textDocument: { uri: "file:///x" }, position: { line: -4, character: 1e9 } })).toEqual([]);
    await stillServes();
  });

  it("lints a buffer that was never saved (an untitled: URI)", async () => {
    const uri = "untitled:Untitled-1";
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "nginx", version: 1, text: "events {}\nhttp {\n    proxy_buffering maybe;\n}\n" } });
    expect((await client.forVersion(uri, 1)).map((d) => d.code)).toEqual(["directive-arguments"]);
    await client.close(uri);
  });

  it("keeps linting a file deleted while open, and an includer whose include was deleted", async () => {
    const main = ws.write("deleted/nginx.conf", "events {}\nhttp {\n    include extra.conf;\n}\n");
    const extra = ws.write("deleted/extra.conf", "server_tokens off;\n");
    const uri = await client.open(main, "events {}\nhttp {\n    include extra.conf;\n}\n");
    expect(await client.forVersion(uri, 1)).toEqual([]);
    unlinkSync(extra);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(extra), type: 3 }] });
    const after = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === "include-not-found"));
    expect(after.map((d) => d.code)).toEqual(["include-not-found"]);
    unlinkSync(main);
    // The buffer is what counts while the file is open, whether or not it is on disk.
    const version = await client.replace(uri, "events {}\nhttp {\n    proxy_buffering maybe;\n}\n");
    expect((await client.forVersion(uri, version)).map((d) => d.code)).toEqual(["directive-arguments"]);
    await client.close(uri);
    expect(await client.diagnostics(uri, (p) => p.diagnostics.length === 0, client.published.length - 1)).toEqual([]);
    await stillServes();
  });

  it("stays consistent through 1,000 random edits: the last diagnostics equal a fresh CLI run", async () => {
    const path = ws.path("random/nginx.conf");
    const uri = await client.open(path, WS_CONFIG);
    let doc = TextDocument.create(uri, "nginx", 1, WS_CONFIG);
    const random = prng(0x5eed);
    const pieces = ["{", "}", ";", " ", "\n", "    ", "#", '"', "'", "$", "location /ws/ ", "proxy_pass http://backend", "server {", "proxy_http_version 1.1;", "$connection_upgrade", "include nope.conf;", "é", "😀", "map $a $b {", "if ($x) ", "listen 443 ssl;", "proxy_set_header Host $host;"];
    let version = 1;
    for (let i = 0; i < 1000; i++) {
      const text = doc.getText();
      const a = Math.floor(random() * (text.length + 1));
      const b = Math.min(text.length, a + Math.floor(random() * 12));
      const start = random() < 0.5 ? a : Math.max(0, a - 3);
      const insert = random() < 0.3 ? "" : pieces[Math.floor(random() * pieces.length)];
      // Never split a surrogate pair: editors do not, and LSP positions count UTF-16 code units.
      const s = fixSurrogate(text, start);
      const e = Math.max(s, fixSurrogate(text, random() < 0.3 ? s : b));
      const change = { range: { start: doc.positionAt(s), end: doc.positionAt(e) }, text: insert };
      version = await client.change(uri, [change]);
      doc = TextDocument.update(doc, [change], version);
      // Now and then a request in between, so linting on demand and debounced linting interleave.
      if (i % 97 === 0) await client.request("textDocument/hover", { textDocument: { uri }, position: doc.positionAt(Math.floor(random() * doc.getText().length)) });
      if (i % 131 === 0) await client.request("textDocument/completion", { textDocument: { uri }, position: doc.positionAt(Math.floor(random() * doc.getText().length)) });
    }
    const last = await client.forVersion(uri, version);
    expect(client.alive).toBe(true);
    const expected = cliKeys(path, doc.getText());
    // The edits leave a config broken in many ways; an empty list would prove nothing.
    expect(expected.length).toBeGreaterThan(3);
    expect(last.map(diagnosticKey).sort()).toEqual(expected.sort());
    await client.close(uri);
    await stillServes();
  });
});

describe("language server lifetime", () => {
  it("exits when the editor goes away (stdin closed) without a shutdown", async () => {
    const { client } = await LspClient.start();
    const exited = new Promise<number | null>((resolve) => client.child.once("exit", (code) => resolve(code)));
    client.child.stdin.end();
    expect(await exited).toBe(1);
  });

  it("exits with 0 after shutdown and exit", async () => {
    const { client } = await LspClient.start();
    const exited = new Promise<number | null>((resolve) => client.child.once("exit", (code) => resolve(code)));
    await client.stop();
    expect(await exited).toBe(0);
  });
});

function fixSurrogate(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff ? offset - 1 : offset;
}
