// The server's command line: the transport vscode-languageserver reads itself, and --debounce for benchmarks.

export interface ServerArgs {
  /** --stdio, --node-ipc or --socket=N was given (vscode-languageserver reads which from argv). */
  transport: boolean;
  /** --stdio: the transport the server frames itself. */
  stdio: boolean;
  debounceMs: number;
  help: boolean;
}

/** Quiet time after an edit before linting: long enough to skip keystrokes in a burst, short enough to feel live. */
export const DEFAULT_DEBOUNCE_MS = 150;

export function parseServerArgs(argv: string[]): ServerArgs {
  const out: ServerArgs = { transport: false, stdio: false, debounceMs: DEFAULT_DEBOUNCE_MS, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--stdio") out.stdio = out.transport = true;
    else if (arg === "--node-ipc" || arg.startsWith("--socket=") || arg.startsWith("--pipe=")) out.transport = true;
    else if (arg === "-h" || arg === "--help") out.help = true;
    else if (arg === "--debounce" || arg.startsWith("--debounce=")) {
      const value = Number(arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i]);
      if (Number.isFinite(value) && value >= 0) out.debounceMs = value;
    }
  }
  return out;
}
