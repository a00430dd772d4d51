// A WebSocket echo backend (node:http or node:https, + ws) that records what nginx forwarded to it, for ground truth.
import { createServer, type IncomingMessage, type RequestListener } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { Duplex } from "node:stream";
import { createSecureContext, type TLSSocket } from "node:tls";
import { WebSocketServer, type WebSocket } from "ws";

/** What one request looked like when it reached the backend. */
export interface ForwardedRequest {
  url: string;
  /** "1.0" or "1.1": the version on nginx's request line (proxy_http_version). */
  httpVersion: string;
  upgrade?: string;
  connection?: string;
  host?: string;
  origin?: string;
  xForwardedFor?: string;
  /** Node saw an upgrade request (Upgrade plus Connection: upgrade), not a plain one. */
  upgradeRequest: boolean;
  /** The TLS server name (SNI) nginx sent, on a TLS backend; undefined when it sent none. */
  sni?: string;
  /** What the backend answered: 101, 200, 400 or 403 (0 when ws refused a malformed handshake itself). */
  status: number;
}

export interface KeyPair {
  key: string;
  cert: string;
}

export interface BackendOptions {
  /** Answer 400 to an upgrade whose request line says HTTP/1.0, as strict servers (python websockets) do. */
  strict?: boolean;
  /**
   * Answer 403 to an upgrade whose Origin's host[:port] differs from its Host header, as same-origin checks in
   * Socket.IO and many frameworks do.
   */
  sameOrigin?: boolean;
  /** Serve TLS: `default` for clients that send no SNI (or an unknown name), `byName` per SNI name. */
  tls?: { default: KeyPair; byName?: Record<string, KeyPair> };
}

export interface Backend {
  port: number;
  requests: ForwardedRequest[];
  /** TCP connections accepted so far: how many upstream connections nginx opened. */
  connections(): number;
  close(): Promise<void>;
}

function record(req: IncomingMessage, upgradeRequest: boolean): ForwardedRequest {
  const h = req.headers;
  const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v.join(", ") : v);
  return {
    url: req.url ?? "",
    httpVersion: req.httpVersion,
    upgrade: one(h.upgrade),
    connection: one(h.connection),
    host: one(h.host),
    origin: one(h.origin),
    xForwardedFor: one(h["x-forwarded-for"]),
    sni: (req.socket as Partial<TLSSocket>).servername || undefined,
    upgradeRequest,
    status: 0,
  };
}

/**
 * Echoes every message except those starting with "quiet:" (so a test can send without causing traffic back);
 * `?push=MS` in the URL makes it send "tick" every MS milliseconds (traffic from the backend side only).
 */
function serve(socket: WebSocket, url: string): void {
  const push = Number(new URL(url, "http://backend").searchParams.get("push") ?? 0);
  const timer = push > 0 ? setInterval(() => socket.send("tick"), push) : undefined;
  socket.on("message", (data, isBinary) => {
    if (!isBinary && data.toString().startsWith("quiet:")) return;
    socket.send(data, { binary: isBinary });
  });
  socket.on("close", () => clearInterval(timer));
  socket.on("error", () => clearInterval(timer));
}

/** host[:port] of an Origin header; "null" and other non-URLs have none. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

export function startBackend(options: BackendOptions = {}): Promise<Backend> {
  const requests: ForwardedRequest[] = [];
  let connections = 0;
  const wss = new WebSocketServer({ noServer: true });
  const plain: RequestListener = (req, res) => {
    const seen = record(req, false);
    requests.push(seen);
    seen.status = 200;
    const body = `plain ${req.url}\n`;
    res.writeHead(200, { "content-type": "text/plain", "content-length": Buffer.byteLength(body) });
    res.end(body);
  };
  const tls = options.tls;
  const contexts = new Map(Object.entries(tls?.byName ?? {}).map(([name, pair]) => [name, createSecureContext(pair)]));
  const server = tls
    ? createTlsServer({ ...tls.default, SNICallback: (name, done) => done(null, contexts.get(name)) }, plain)
    : createServer(plain);
  // The TCP connection, before any TLS handshake: how many upstream connections nginx opened.
  server.on("connection", () => connections++);
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const seen = record(req, true);
    requests.push(seen);
    if (options.strict && req.httpVersion === "1.0") {
      seen.status = 400;
      const body = "WebSocket upgrade needs HTTP/1.1\n";
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
      return;
    }
    if (options.sameOrigin && seen.origin !== undefined && originHost(seen.origin) !== seen.host) {
      seen.status = 403;
      socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      return;
    }
    // ws answers 400 itself (and never calls back) when the handshake is malformed; status then stays 0.
    wss.handleUpgrade(req, socket, head, (ws) => {
      seen.status = 101;
      serve(ws, req.url ?? "/");
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        port,
        requests,
        connections: () => connections,
        close: () =>
          new Promise<void>((done) => {
            for (const client of wss.clients) client.terminate();
            wss.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
