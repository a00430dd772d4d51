// Reads LSP messages from stdin and skips whatever is malformed, then goes on with the bytes after it.
//
// vscode-jsonrpc's own stream reader stops at a header block without a usable Content-Length and only
// resumes when the next chunk arrives: messages already buffered behind the bad block wait, and an editor that
// sent one garbled message and then waits for an answer waits forever. Framing is all this file does.
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from "vscode-languageserver/node";

/** A header block longer than this without its blank line is garbage, not a header still arriving. */
const MAX_HEADER_BYTES = 8192;
const HEADER_END = Buffer.from("\r\n\r\n", "ascii");

export class TolerantStdioReader extends AbstractMessageReader {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly log: (message: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer): void => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain(callback);
    };
    const onError = (e: Error): void => this.fireError(e);
    const onClose = (): void => this.fireClose();
    this.input.on("data", onData);
    this.input.on("error", onError);
    this.input.on("end", onClose);
    return {
      dispose: () => {
        this.input.off("data", onData);
        this.input.off("error", onError);
        this.input.off("end", onClose);
      },
    };
  }

  private drain(callback: DataCallback): void {
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.skip(this.buffer.length, "bytes that are no message header");
        return;
      }
      const headers = this.buffer.subarray(0, headerEnd).toString("ascii");
      // The last Content-Length in the block: junk written before a header (no blank line of its own) would
      // otherwise swallow that header, and the message after it, and so on down the stream.
      const length = [...headers.matchAll(/content-length[ \t]*:[ \t]*(\d+)[ \t]*(?:\r\n|$)/gi)].pop();
      if (!length) {
        this.skip(headerEnd + HEADER_END.length, `a header block without a Content-Length: ${JSON.stringify(headers.slice(0, 200))}`);
        continue;
      }
      const start = headerEnd + HEADER_END.length;
      const end = start + Number(length[1]);
      if (this.buffer.length < end) return; // the body is still arriving
      const body = this.buffer.subarray(start, end).toString("utf8");
      this.buffer = this.buffer.subarray(end);
      const message = parse(body);
      if (message) callback(message);
      else this.log(`wslint: skipped a message that is not a JSON-RPC object: ${JSON.stringify(body.slice(0, 200))}`);
    }
  }

  private skip(bytes: number, what: string): void {
    this.buffer = this.buffer.subarray(bytes);
    this.log(`wslint: skipped ${what}`);
  }
}

function parse(body: string): Message | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Message) : undefined;
  } catch {
    return undefined;
  }
}
