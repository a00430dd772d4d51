// `wslint-language-server --stdio`: the LSP glue over the core's lint(); no rule or parsing logic lives here.
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  StreamMessageWriter,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver/node";
import pkg from "../package.json" with { type: "json" };
import { codeActions, FIX_ALL_KIND } from "./code-actions.js";
import { completion } from "./completion.js";
import { documentSymbols } from "./document-symbols.js";
import { hover } from "./hover.js";
import { definition, references } from "./navigation.js";
import { parseServerArgs } from "./server-args.js";
import { Session } from "./session.js";
import { TolerantStdioReader } from "./stdio-reader.js";
import { readSettings } from "./settings.js";

const args = parseServerArgs(process.argv.slice(2));
if (args.help || !args.transport) {
  process.stderr.write("usage: wslint-language-server --stdio [--debounce MS]\n");
  process.exit(args.help ? 0 : 2);
}

const connection = args.stdio ? stdioConnection() : createConnection(ProposedFeatures.all);

/**
 * Over stdio the server frames messages itself (stdio-reader.ts). Given its own reader, vscode-languageserver
 * no longer routes console output away from stdout nor exits when stdin ends: both are done here.
 */
function stdioConnection(): Connection {
  const toStderr = (...parts: unknown[]): void => void process.stderr.write(`${parts.map(String).join(" ")}\n`);
  console.log = console.info = console.debug = console.warn = console.error = toStderr;
  let shutdown = false;
  const reader = new TolerantStdioReader(process.stdin, toStderr);
  const conn = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  conn.onShutdown(() => void (shutdown = true));
  // The editor is gone: nobody is left to answer to.
  process.stdin.on("end", () => process.exit(shutdown ? 0 : 1));
  return conn;
}
const session = new Session(connection, { debounceMs: args.debounceMs });
let canPullConfiguration = false;
let canRegisterConfiguration = false;

/** A handler that throws answers with `fallback` and logs: one bad request must not take the server down. */
function guard<P, R>(name: string, fallback: R, handler: (params: P) => R): (params: P) => R {
  return (params) => {
    try {
      return handler(params);
    } catch (e) {
      connection.console.error(`wslint: ${name} failed: ${(e as Error).stack ?? String(e)}`);
      return fallback;
    }
  };
}

connection.onInitialize(
  guard("initialize", { capabilities: {} }, (params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as { debounceMs?: unknown; settings?: unknown };
    if (typeof init.debounceMs === "number" && init.debounceMs >= 0) session.options.debounceMs = init.debounceMs;
    session.settings = readSettings((init.settings as { wslint?: unknown } | undefined)?.wslint ?? init.settings);
    session.roots = rootsOf(params);
    canPullConfiguration = params.capabilities?.workspace?.configuration === true;
    canRegisterConfiguration = params.capabilities?.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    session.waitingForSettings = canPullConfiguration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ["$", "/", "{"] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
      },
      serverInfo: { name: "wslint-language-server", version: pkg.version },
    };
  }),
);

function rootsOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.filter((u) => typeof u === "string" && u.startsWith("file:")).map((u) => session.uris.pathOf(u));
}

connection.onInitialized(async () => {
  // Without a registration VS Code sends no didChangeConfiguration in the pull model.
  if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "wslint" }).catch(() => {});
  if (!canPullConfiguration) return;
  // A client that never answers must not keep diagnostics away for good.
  const giveUp = setTimeout(() => releaseLinting(), 3000);
  await pullSettings();
  clearTimeout(giveUp);
  releaseLinting();
});

function releaseLinting(): void {
  if (!session.waitingForSettings) return;
  session.waitingForSettings = false;
  session.changed();
}

async function pullSettings(): Promise<void> {
  try {
    const [raw] = await connection.workspace.getConfiguration([{ section: "wslint" }]);
    // null: the client has no such section (Neovim without settings); keep what initializationOptions gave.
    if (raw !== null && raw !== undefined) applySettings(raw);
  } catch (e) {
    connection.console.warn(`wslint: could not read settings: ${String(e)}`);
  }
}

function applySettings(raw: unknown): void {
  const problems: string[] = [];
  session.settings = readSettings(raw, problems);
  for (const p of problems) connection.console.warn(`wslint: ${p}`);
  session.changed();
}

connection.onDidChangeConfiguration(
  guard("didChangeConfiguration", undefined, (params) => {
    const pushed = (params?.settings as { wslint?: unknown } | null | undefined)?.wslint;
    if (pushed !== undefined) applySettings(pushed);
    else if (canPullConfiguration) void pullSettings();
  }),
);

connection.onDidOpenTextDocument(guard("didOpen", undefined, (params) => void (session.documents.open(params) && session.changed())));
connection.onDidChangeTextDocument(guard("didChange", undefined, (params) => void (session.documents.change(params) && session.changed())));
connection.onDidCloseTextDocument(guard("didClose", undefined, (params) => void (session.documents.close(params) && session.changedNow())));
// Included files and wslint.config.json change on disk too (the client watches them): lint again.
connection.onDidChangeWatchedFiles(guard("didChangeWatchedFiles", undefined, () => session.changed()));

connection.onCodeAction(guard("codeAction", [], (params) => codeActions(session, params)));
connection.onHover(guard("hover", null, (params) => hover(session, params)));
connection.onCompletion(guard("completion", null, (params) => completion(session, params)));
connection.onDocumentSymbol(guard("documentSymbol", [], (params) => documentSymbols(session, params)));
connection.onDefinition(guard("definition", [], (params) => definition(session, params)));
connection.onReferences(guard("references", [], (params) => references(session, params)));

// The last line of defence: log and keep serving; exiting would silently take diagnostics away from the editor.
process.on("uncaughtException", (e) => connection.console.error(`wslint: uncaught: ${e.stack ?? String(e)}`));

connection.listen();
