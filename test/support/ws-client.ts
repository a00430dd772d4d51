// A real `ws` client for ground-truth tests: opens a socket through nginx and reports the handshake, echoes, closes.
import { request } from "node:http";
import WebSocket from "ws";

export type Handshake =
  | { kind: "open"; socket: WebSocket; openedAt: number }
  | { kind: "refused"; status: number; body: string }
  | { kind: "failed"; error: string };

export interface OpenOptions {
  headers?: Record<string, string>;
  origin?: string;
  /** CA certificate (PEM) for wss:// to a self-signed server. */
  ca?: string | Buffer;
  timeoutMs?: number;
}

/** Opens a WebSocket; a non-101 answer is "refused" with its status, anything else that goes wrong is "failed". */
export function openSocket(url: string, options: OpenOptions = {}): Promise<Handshake> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, {
      headers: options.headers,
      origin: options.origin,
      ca: options.ca,
      handshakeTimeout: options.timeoutMs ?? 5_000,
    });
    socket.once("open", () => resolve({ kind: "open", socket, openedAt: Date.now() }));
    socket.once("unexpected-response", (req, res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ kind: "refused", status: res.statusCode ?? 0, body }));
      res.on("error", () => resolve({ kind: "refused", status: res.statusCode ?? 0, body }));
      // Without this the request lingers and ws emits an error later.
      res.on("close", () => req.destroy());
    });
    socket.once("error", (error) => resolve({ kind: "failed", error: error.message }));
  });
}

/** Sends `text` and resolves with the next message, or undefined after `ms`. */
export function echo(socket: WebSocket, text: string, ms = 3_000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => (socket.off("message", onMessage), resolve(undefined)), ms);
    const onMessage = (data: WebSocket.RawData): void => {
      clearTimeout(timer);
      socket.off("message", onMessage);
      resolve(data.toString());
    };
    socket.on("message", onMessage);
    socket.send(text);
  });
}

export interface Closed {
  code: number;
  /** Milliseconds from `since` (default: when the promise was made) to the close event. */
  afterMs: number;
}

/** Resolves when the socket closes (code 1006: the TCP connection ended without a close frame). */
export function whenClosed(socket: WebSocket, since = Date.now()): Promise<Closed> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve({ code: 1006, afterMs: Date.now() - since });
  return new Promise((resolve) => socket.once("close", (code) => resolve({ code, afterMs: Date.now() - since })));
}

/** Closes the socket cleanly (1000) and waits until it is closed, or terminates it after `ms`. */
export async function closeSocket(socket: WebSocket, ms = 2_000): Promise<Closed> {
  const closed = whenClosed(socket);
  if (socket.readyState === WebSocket.OPEN) socket.close(1000, "done");
  const timer = setTimeout(() => socket.terminate(), ms);
  try {
    return await closed;
  } finally {
    clearTimeout(timer);
  }
}

export interface PlainResponse {
  status: number;
  body: string;
}

/** One plain HTTP/1.1 GET on a fresh connection (no agent), so each request is its own client connection. */
export function plainGet(url: string, headers: Record<string, string> = {}, timeoutMs = 5_000): Promise<PlainResponse | { error: string }> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, headers: { connection: "close", ...headers } }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs}ms`)));
    req.on("error", (error) => resolve({ error: error.message }));
    req.end();
  });
}
