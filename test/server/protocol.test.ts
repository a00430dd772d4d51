// The built language server over stdio: diagnostics, code actions, hover, completion, symbols, navigation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover, InitializeResult, Location } from "vscode-languageserver-protocol";
import { applyEdits, onlyRule, positionOf, tempWorkspace, WS_CONFIG } from "./fixtures.js";
import { LspClient, uriOf } from "./lsp-client.js";

const hoverText = (h: Hover | null): string => (h && typeof h.contents === "object" && "value" in h.contents ? h.contents.value : "");

describe("language server: diagnostics and navigation", () => {
  const ws = tempWorkspace();
  let client: LspClient;
  let init: InitializeResult;
  let uri: string;
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    ({ client, init } = await LspClient.start({ rootPath: ws.dir }));
    uri = await client.open(ws.path("nginx.conf"), WS_CONFIG);
    diagnostics = await client.forVersion(uri, 1);
  });
  afterAll(async () => {
    await client.stop();
    ws.remove();
  });

  it("initializes with the features it serves", () => {
    const caps = init.capabilities;
    expect(init.serverInfo?.name).toBe("wslint-language-server");
    expect(caps.hoverProvider).toBe(true);
    expect(caps.definitionProvider).toBe(true);
    expect(caps.referencesProvider).toBe(true);
    expect(caps.documentSymbolProvider).toBe(true);
    expect(caps.completionProvider?.triggerCharacters).toContain("$");
    expect(caps.codeActionProvider).toMatchObject({ codeActionKinds: ["quickfix", "source.fixAll.wslint"] });
  });

  it("publishes diagnostics on open with the rule id, a link to its docs and the exact range", () => {
    const d = diagnostics.find((x) => x.code === "proxy-http-version");
    expect(d).toBeDefined();
    expect(d!.range).toEqual({ start: { line: 12, character: 8 }, end: { line: 12, character: 16 } });
    expect(d!.severity).toBe(1);
    expect(d!.source).toBe("wslint");
    expect(d!.codeDescription?.href).toBe("https://github.com/wslint/wslint/blob/main/docs/rules/proxy-http-version.md");
    expect(d!.message).toContain('"proxy_http_version 1.1;"');
  });

  it("points related information at the other line", async () => {
    const path = ws.path("dup/nginx.conf");
    const dupUri = await client.open(path, "events {}\nworker_processes 1;\nworker_processes 2;\n");
    const [d] = (await client.forVersion(dupUri, 1)).filter((x) => x.code === "duplicate-directive");
    expect(d.range.start.line).toBe(2);
    expect(d.relatedInformation?.[0].location).toEqual({ uri: dupUri, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 16 } } });
    await client.close(dupUri);
    expect(await client.diagnostics(dupUri, (p) => p.diagnostics.length === 0, client.published.length - 1)).toEqual([]);
  });

  it("hovers a directive with its reference docs and the value it overrides", async () => {
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionOf(WS_CONFIG, "proxy_read_timeout 2h", 3) });
    const text = hoverText(hover);
    expect(text).toContain("**proxy_read_timeout** *`time`*;");
    expect(text).toContain("Default: `proxy_read_timeout 60s;`");
    expect(text).toContain("Context: http, server, location");
    expect(text).toContain("Module: ngx_http_proxy_module");
    expect(text).toContain("it overrides `proxy_read_timeout 1h`, inherited from http, line 3");
    expect(hover.range).toEqual({ start: { line: 16, character: 12 }, end: { line: 16, character: 30 } });
  });

  it("hovers a block with the values in force inside it, inherited ones with their origin", async () => {
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionOf(WS_CONFIG, "server {", 2) });
    const text = hoverText(hover);
    expect(text).toContain("`proxy_read_timeout 1h`, inherited from http, line 3");
    expect(text).toContain("`proxy_http_version`: not set (default per nginx.org: `proxy_http_version 1.1;`)");
    expect(text).not.toContain("In force here: `server");
  });

  it("hovers a variable with where it is defined, and a built-in as built-in", async () => {
    const defined = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionOf(WS_CONFIG, "Connection $connection_upgrade", 14) });
    expect(hoverText(defined)).toContain("`map $http_upgrade $connection_upgrade` (line 7)");
    const builtin = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionOf(WS_CONFIG, "Upgrade $http_upgrade", 10) });
    expect(hoverText(builtin)).toContain("built-in");
  });

  it("outlines http, upstream, map, server and location", async () => {
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    const names = (list: DocumentSymbol[]): unknown[] => list.map((s) => (s.children?.length ? [s.name, names(s.children)] : s.name));
    expect(names(symbols)).toEqual(["events", ["http", ["upstream backend", "map $http_upgrade $connection_upgrade", ["server 80", ["location /ws/"]]]]]);
  });

  it("leaves blocks named like JavaScript object properties out of the outline, and still hovers them", async () => {
    const text = "events {}\nhttp {\n    constructor { }\n    __proto__ { }\n    toString { }\n}\n";
    const protoUri = await client.open(ws.path("proto/nginx.conf"), text);
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: protoUri } });
    expect(symbols.map((s) => [s.name, s.kind, s.children?.length])).toEqual([
      ["events", 3, 0],
      ["http", 3, 0],
    ]);
    const hover = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri: protoUri }, position: positionOf(text, "constructor", 2) });
    // A rejected request fails the test; an answer must not leak Object.prototype's members.
    expect(hoverText(hover)).not.toMatch(/function|native code|\[object/);
    await client.close(protoUri);
  });

  it("goes to the upstream, the variable's map, and an included file", async () => {
    const up = await client.request<Location[]>("textDocument/definition", { textDocument: { uri }, position: positionOf(WS_CONFIG, "http://backend", 9) });
    expect(up).toEqual([{ uri, range: { start: { line: 3, character: 13 }, end: { line: 3, character: 20 } } }]);
    const variable = await client.request<Location[]>("textDocument/definition", { textDocument: { uri }, position: positionOf(WS_CONFIG, "Connection $connection_upgrade", 15) });
    expect(variable).toEqual([{ uri, range: { start: { line: 6, character: 22 }, end: { line: 6, character: 41 } } }]);

    const snippet = ws.write("inc/snippets/proxy.conf", "proxy_set_header Host $host;\n");
    const text = "events {}\nhttp {\n    server {\n        location / {\n            include snippets/proxy.conf;\n        }\n    }\n}\n";
    const incUri = await client.open(ws.path("inc/nginx.conf"), text);
    const target = await client.request<Location[]>("textDocument/definition", { textDocument: { uri: incUri }, position: positionOf(text, "snippets/", 3) });
    expect(target).toEqual([{ uri: uriOf(snippet), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
    await client.close(incUri);
  });

  it("finds the references of an upstream and of a variable", async () => {
    const up = await client.request<Location[]>("textDocument/references", { textDocument: { uri }, position: positionOf(WS_CONFIG, "upstream backend", 10), context: { includeDeclaration: true } });
    expect(up.map((l) => l.range.start)).toEqual([{ line: 3, character: 13 }, { line: 13, character: 30 }]);
    const variable = await client.request<Location[]>("textDocument/references", { textDocument: { uri }, position: positionOf(WS_CONFIG, "$connection_upgrade {", 2), context: { includeDeclaration: false } });
    expect(variable).toEqual([{ uri, range: { start: { line: 15, character: 40 }, end: { line: 15, character: 59 } } }]);
  });

  it("completes directives allowed in the context, with the value in force", async () => {
    const text = WS_CONFIG.replace("            proxy_read_timeout 2h;\n", "            proxy_re\n");
    const version = await client.replace(uri, text);
    const list = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: positionOf(text, "proxy_re\n", 8) });
    const labels = list.items.map((i) => i.label);
    expect(labels).toContain("proxy_read_timeout");
    expect(labels).toContain("proxy_http_version");
    expect(labels).not.toContain("events");
    expect(labels).not.toContain("listen");
    const item = list.items.find((i) => i.label === "proxy_read_timeout")!;
    expect(item.textEdit).toEqual({ range: { start: { line: 16, character: 12 }, end: { line: 16, character: 20 } }, newText: "proxy_read_timeout" });
    expect(JSON.stringify(item.documentation)).toContain("`proxy_read_timeout 1h`, inherited from http, line 3");
    await client.forVersion(uri, version);
  });

  it("completes variables after $ and upstream names after proxy_pass http://", async () => {
    const text = WS_CONFIG.replace("            proxy_read_timeout 2h;\n", "            set $x $conn\n            proxy_pass http://\n");
    await client.replace(uri, text);
    const vars = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: positionOf(text, "$conn\n", 5) });
    const own = vars.items.find((i) => i.label === "connection_upgrade");
    expect(own?.textEdit).toMatchObject({ newText: "connection_upgrade", range: { start: { line: 16, character: 20 }, end: { line: 16, character: 24 } } });
    expect(vars.items.map((i) => i.label)).toEqual(expect.arrayContaining(["remote_addr", "http_"]));
    const ups = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: positionOf(text, "http://\n", 7) });
    expect(ups.items.map((i) => i.label)).toEqual(["backend"]);
    await client.forVersion(uri, await client.replace(uri, WS_CONFIG));
  });
});

describe("language server: includes and settings", () => {
  const site = `events {}
http {
    map $http_upgrade $connection_upgrade {
        default upgrade;
        ''      close;
    }
    include conf.d/*.conf;
}
`;
  const app = `server {
    listen 80;
    location /ws/ {
        proxy_pass http://127.0.0.1:3000;
        proxy_set_header Connection $connection_upgrade;
    }
}
`;
  const ws = tempWorkspace({ "site/nginx.conf": site, "site/conf.d/app.conf": app });
  let client: LspClient;

  beforeAll(async () => {
    ({ client } = await LspClient.start({ rootPath: ws.dir, settings: onlyRule("undefined-variable") }));
  });
  afterAll(async () => {
    await client.stop();
    ws.remove();
  });

  it("lints an open snippet inside the nginx.conf that includes it, and an unsaved includer wins over the disk", async () => {
    const appUri = await client.open(ws.path("site/conf.d/app.conf"), app);
    // Alone, $connection_upgrade would be undefined; read through ../nginx.conf, its map defines it.
    expect(await client.forVersion(appUri, 1)).toEqual([]);
    const siteUri = await client.open(ws.path("site/nginx.conf"), site);
    await client.forVersion(siteUri, 1);
    const from = client.published.length;
    await client.replace(siteUri, site.replace(/ {4}map[^}]*}\n/, ""));
    const [d] = await client.diagnostics(appUri, (p) => p.diagnostics.length > 0, from);
    expect(d).toMatchObject({ code: "undefined-variable", severity: 1, range: { start: { line: 4, character: 36 } } });
    const closing = client.published.length;
    await client.close(siteUri);
    // Closed, the includer is read from the disk again, where the map still is.
    expect(await client.diagnostics(appUri, () => true, closing)).toEqual([]);
    // A request's answer comes after every notification the server sent before it: nothing is still in flight.
    await client.request("textDocument/documentSymbol", { textDocument: { uri: appUri } });
    expect(client.published.filter((p) => p.uri === siteUri).at(-1)?.diagnostics).toEqual([]);
    await client.close(appUri);
    expect(await client.diagnostics(appUri, () => true, client.published.length - 1)).toEqual([]);
  });

  it("reads wslint.config.json, and again when the client reports it changed", async () => {
    const config = ws.write("cfg/wslint.config.json", JSON.stringify({ rules: { "undefined-variable": "off" } }));
    const text = "events {}\nhttp {\n    server {\n        return 200 $nope;\n    }\n}\n";
    const uri = await client.open(ws.path("cfg/nginx.conf"), text);
    expect(await client.forVersion(uri, 1)).toEqual([]);
    ws.write("cfg/wslint.config.json", "{}");
    const from = client.published.length;
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(config), type: 2 }] });
    expect((await client.diagnostics(uri, () => true, from)).map((d) => d.code)).toEqual(["undefined-variable"]);
    await client.close(uri);
  });

  it("lints two projects open side by side each under its own wslint.config.json", async () => {
    ws.write("quiet/wslint.config.json", JSON.stringify({ rules: { "undefined-variable": "off" } }));
    ws.write("strict/wslint.config.json", "{}");
    const text = "events {}\nhttp {\n    server {\n        return 200 $nope;\n    }\n}\n";
    // A snippet of the quiet project is read through its nginx.conf, and so under that project's config.
    ws.write("quiet/nginx.conf", "events {}\nhttp {\n    include conf.d/*.conf;\n}\n");
    const snippet = "server {\n    return 200 $nope;\n}\n";
    ws.write("quiet/conf.d/site.conf", snippet);
    const quietUri = await client.open(ws.path("quiet/conf.d/site.conf"), snippet);
    const strictUri = await client.open(ws.path("strict/nginx.conf"), text);
    expect((await client.forVersion(strictUri, 1)).map((d) => d.code)).toEqual(["undefined-variable"]);
    expect(await client.forVersion(quietUri, 1)).toEqual([]);
    // Requests are answered from the lint that read the file.
    const hover = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri: strictUri }, position: positionOf(text, "return", 1) });
    expect(hoverText(hover)).toContain("**return**");
    await client.close(quietUri);
    await client.close(strictUri);
  });

  it("reports a snippet two projects include once, though each project's lint finds it", async () => {
    const shared = ws.write("shared/site.conf", "server {\n    listen 8080;\n    return 200 $nope;\n}\n");
    const main = `events {}\nhttp {\n    include ${shared};\n}\n`;
    ws.write("p1/wslint.config.json", "{}");
    ws.write("p2/wslint.config.json", JSON.stringify({ nginxVersion: "1.22.1" }));
    const one = await client.open(ws.path("p1/nginx.conf"), main);
    await client.forVersion(one, 1);
    const from = client.published.length;
    const two = await client.open(ws.path("p2/nginx.conf"), main);
    await client.forVersion(two, 1);
    const [last] = client.published.slice(from).filter((p) => p.uri === uriOf(shared)).slice(-1);
    expect(last.diagnostics.map((d) => d.code)).toEqual(["undefined-variable"]);
    await client.close(one);
    await client.close(two);
  });

  it("answers for a shared snippet from the project that includes it, not from a lint of the snippet alone", async () => {
    const snippet = "server {\n    listen 8080;\n    location /ws/ {\n        proxy_set_header Connection $connection_upgrade;\n    }\n}\n";
    const shared = ws.write("outside/deep/er/ws.conf", snippet);
    ws.write("projA/wslint.config.json", "{}");
    const main = `events {}\nhttp {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      close;\n    }\n    include ${shared};\n}\n`;
    const mainUri = await client.open(ws.path("projA/nginx.conf"), main);
    await client.forVersion(mainUri, 1);
    const snippetUri = await client.open(shared, snippet);
    expect(await client.forVersion(snippetUri, 1)).toEqual([]);
    const hover = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri: snippetUri }, position: positionOf(snippet, "$connection_upgrade", 2) });
    expect(hoverText(hover)).toContain("is defined by");
    await client.close(snippetUri);
    await client.close(mainUri);
  });

  it("lints a snippet under its own config when the nginx.conf above it does not include it", async () => {
    ws.write("outer/wslint.config.json", JSON.stringify({ rules: { "undefined-variable": "off" } }));
    const outer = await client.open(ws.path("outer/nginx.conf"), "events {}\nhttp {\n}\n");
    await client.forVersion(outer, 1);
    ws.write("outer/inner/wslint.config.json", "{}");
    const text = "server {\n    listen 8080;\n    return 200 $nope;\n}\n";
    const uri = await client.open(ws.path("outer/inner/conf.d/site.conf"), text);
    expect((await client.forVersion(uri, 1)).map((d) => d.code)).toEqual(["undefined-variable"]);
    await client.close(uri);
    await client.close(outer);
  });

  it("gives a diagnostic two projects disagree on the more severe of their severities, whatever the open order", async () => {
    const shared = ws.write("sev/shared.conf", "server {\n    listen 8080;\n    return 200 $nope;\n}\n");
    ws.write("sevA/wslint.config.json", JSON.stringify({ rules: { "undefined-variable": "info" } }));
    ws.write("sevB/wslint.config.json", JSON.stringify({ rules: { "undefined-variable": "error" } }));
    const main = `events {}\nhttp {\n    include ${shared};\n}\n`;
    const a = await client.open(ws.path("sevA/nginx.conf"), main);
    await client.forVersion(a, 1);
    const from = client.published.length;
    const b = await client.open(ws.path("sevB/nginx.conf"), main);
    await client.forVersion(b, 1);
    const [last] = client.published.slice(from).filter((p) => p.uri === uriOf(shared)).slice(-1);
    expect(last.diagnostics.map((d) => [d.code, d.severity])).toEqual([["undefined-variable", 1]]);
    await client.close(a);
    await client.close(b);
  });

  it("shows each broken config file once while it stays broken, however other configs change", async () => {
    ws.write("bad1/wslint.config.json", '{ "rules": { "origin-check": "loud" } }');
    ws.write("bad2/wslint.config.json", '{ "nginxVersion": "banana" }');
    const one = await client.open(ws.path("bad1/nginx.conf"), "events {}\nhttp {\n}\n");
    const two = await client.open(ws.path("bad2/nginx.conf"), "events {}\nhttp {\n}\n");
    await client.forVersion(two, 1);
    await client.request("textDocument/documentSymbol", { textDocument: { uri: one } });
    const shown = (): string[] => client.shown.filter((m) => m.includes("bad1") || m.includes("bad2"));
    expect(shown()).toHaveLength(2);
    expect(shown().every((m) => m.startsWith("wslint: "))).toBe(true);
    ws.write("bad2/wslint.config.json", "{}");
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(ws.path("bad2/wslint.config.json")), type: 2 }] });
    await client.request("textDocument/documentSymbol", { textDocument: { uri: one } });
    expect(shown()).toHaveLength(2);
    await client.close(one);
    await client.close(two);
  });

  it("applies settings changed while running", async () => {
    const text = "events {}\nhttp {\n    server {\n        return 200 $nope;\n    }\n}\n";
    const uri = await client.open(ws.path("settings/nginx.conf"), text);
    expect((await client.forVersion(uri, 1)).map((d) => d.code)).toEqual(["undefined-variable"]);
    const from = client.published.length;
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: { wslint: { rules: { "undefined-variable": "off" } } } });
    expect(await client.diagnostics(uri, () => true, from)).toEqual([]);
    await client.close(uri);
  });
});

describe("language server: one configured main config", () => {
  const ws = tempWorkspace({
    "etc/nginx.conf": "events {}\nhttp {\n}\n",
    "etc/wslint.config.json": "{}",
    "etc/extra/wslint.config.json": JSON.stringify({ rules: { "undefined-variable": "off" } }),
  });
  let client: LspClient;

  beforeAll(async () => {
    ({ client } = await LspClient.start({ rootPath: ws.dir, settings: { ...onlyRule("undefined-variable"), configPath: ws.path("etc/nginx.conf") } }));
  });
  afterAll(async () => {
    await client.stop();
    ws.remove();
  });

  it("lints every open document under the configured main config's settings, included or not", async () => {
    const text = "server {\n    listen 8080;\n    return 200 $nope;\n}\n";
    const uri = await client.open(ws.path("etc/extra/conf.d/site.conf"), text);
    expect((await client.forVersion(uri, 1)).map((d) => d.code)).toEqual(["undefined-variable"]);
    await client.close(uri);
  });
});

describe("language server: code actions", () => {
  const ws = tempWorkspace();
  let client: LspClient;

  beforeAll(async () => {
    ({ client } = await LspClient.start({ rootPath: ws.dir, settings: onlyRule("proxy-http-version") }));
  });
  afterAll(async () => {
    await client.stop();
    ws.remove();
  });

  async function actionsFor(uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only } });
  }

  it("honours rule settings, applies the quick fix and re-diagnoses the file clean", async () => {
    const uri = await client.open(ws.path("fix/nginx.conf"), WS_CONFIG);
    const [d, ...rest] = await client.forVersion(uri, 1);
    expect(rest).toEqual([]);
    expect(d.code).toBe("proxy-http-version");
    const actions = await actionsFor(uri, d);
    expect(actions.map((a) => a.title)).toEqual(['Add "proxy_http_version 1.1;"', "Disable proxy-http-version for this line", "Fix all wslint problems"]);
    const fix = actions[0];
    expect(fix).toMatchObject({ kind: "quickfix", isPreferred: true });
    const fixed = applyEdits(WS_CONFIG, fix.edit!.changes![uri]);
    expect(fixed).toContain("proxy_http_version 1.1;");
    expect(await client.forVersion(uri, await client.replace(uri, fixed))).toEqual([]);
  });

  it("fixes everything at once on source.fixAll", async () => {
    const text = `${WS_CONFIG}`.replace("    server {", "    server {\n        location /socket.io/ {\n            proxy_pass http://backend;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection $connection_upgrade;\n        }");
    const uri = await client.open(ws.path("all/nginx.conf"), text);
    const found = await client.forVersion(uri, 1);
    expect(found.map((d) => d.code)).toEqual(["proxy-http-version", "proxy-http-version"]);
    const [all] = await actionsFor(uri, found[0], ["source.fixAll"]);
    expect(all).toMatchObject({ title: "Fix all wslint problems", kind: "source.fixAll.wslint" });
    const fixed = applyEdits(text, all.edit!.changes![uri]);
    expect(fixed.match(/proxy_http_version 1\.1;/g)).toHaveLength(2);
    expect(await client.forVersion(uri, await client.replace(uri, fixed))).toEqual([]);
  });

  it("disables a rule for one line with a comment indented like the line, which the engine honours", async () => {
    const uri = await client.open(ws.path("disable/nginx.conf"), WS_CONFIG);
    const [d] = await client.forVersion(uri, 1);
    const disable = (await actionsFor(uri, d)).find((a) => a.title === "Disable proxy-http-version for this line")!;
    const text = applyEdits(WS_CONFIG, disable.edit!.changes![uri]);
    expect(text).toContain("        listen 80;\n        # wslint-disable-next-line proxy-http-version\n        location /ws/ {\n");
    expect(await client.forVersion(uri, await client.replace(uri, text))).toEqual([]);
  });
});
