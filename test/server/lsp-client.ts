// A real LSP client for the tests: spawns the BUILT server over stdio and speaks the protocol to it.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

export const SERVER = fileURLToPath(new URL("../../dist/wslint-language-server.js", import.meta.url));

export const uriOf = (path: string): string => pathToFileURL(path).href;

export interface StartOptions {
  /** Another build of the server (the copy inside the VS Code extension); default: dist/. */
  server?: string;
  debounceMs?: number;
  settings?: Record<string, unknown>;
  rootPath?: string;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  /** Messages the server showed the user (window/showMessage, or showMessageRequest without a choice made). */
  readonly shown: string[] = [];
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.onNotification("window/logMessage", (p: { message: string }) => void this.logs.push(p.message));
    this.connection.onNotification("window/showMessage", (p: { message: string }) => void this.shown.push(p.message));
    this.connection.onRequest("window/showMessageRequest", (p: { message: string }) => {
      this.shown.push(p.message);
      return null;
    });
    // The server may ask for settings; answer with what the test configured.
    child.stderr.on("data", (d: Buffer) => this.stderr.push(d.toString()));
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<{ client: LspClient; init: InitializeResult }> {
    const args = [options.server ?? SERVER, "--stdio", "--debounce", String(options.debounceMs ?? 0)];
    const client = new LspClient(spawn(process.execPath, args, { stdio: "pipe" }));
    client.connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => options.settings ?? null));
    const init = (await client.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: options.rootPath ? uriOf(options.rootPath) : null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
      initializationOptions: { settings: options.settings ? { wslint: options.settings } : undefined },
    })) as InitializeResult;
    await client.connection.sendNotification("initialized", {});
    return { client, init };
  }

  async open(path: string, text: string): Promise<string> {
    const uri = uriOf(path);
    this.versions.set(uri, 1);
    await this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "nginx", version: 1, text } });
    return uri;
  }

  /** Replaces the whole text; returns the new version. */
  async replace(uri: string, text: string): Promise<number> {
    return this.change(uri, [{ text }]);
  }

  async change(uri: string, contentChanges: unknown[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** The next diagnostics for `uri` that satisfy `accept`, looking at what already arrived since `from`. */
  async diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, from = 0, timeoutMs = 15_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (let seen = from; ; ) {
      for (; seen < this.published.length; seen++) {
        const p = this.published[seen];
        if (p.uri === uri && accept(p)) return p.diagnostics;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.join("")}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Diagnostics published for this exact document version. */
  forVersion(uri: string, version: number): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (p) => p.version === version);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification("exit");
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (this.alive) this.child.kill();
    this.connection.dispose();
  }
}
