// The VS Code extension: starts wslint-language-server (bundled beside it) for documents of language `nginx`.
import { workspace, type ExtensionContext } from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  // The server is the repository's own bundle, copied in at build time (esbuild.mjs): one file, no node_modules.
  const module = context.asAbsolutePath("server/wslint-language-server.mjs");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ["--inspect=6010"] } },
  };
  const clientOptions: LanguageClientOptions = {
    // `nginx` is the id the popular nginx syntax extensions use too, so their highlighting and our diagnostics meet.
    documentSelector: [
      { scheme: "file", language: "nginx" },
      { scheme: "untitled", language: "nginx" },
    ],
    synchronize: {
      configurationSection: "wslint",
      // Included files change on disk too, and wslint.config.json is re-read on each lint: tell the server.
      fileEvents: [
        workspace.createFileSystemWatcher("**/{*.conf,*.nginx,nginx.conf,wslint.config.json}"),
        workspace.createFileSystemWatcher("**/sites-*/**"),
      ],
    },
  };
  client = new LanguageClient("wslint", "wslint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
