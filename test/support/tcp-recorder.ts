// A loopback TCP relay that keeps every byte it forwards, to show what a network observer would see.
import { connect, createServer, type Socket } from "node:net";

export interface TcpRecorder {
  port: number;
  /** Everything sent through the relay, both directions, in arrival order. */
  bytes(): Buffer;
  close(): Promise<void>;
}

export function startTcpRecorder(targetPort: number): Promise<TcpRecorder> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect({ host: "127.0.0.1", port: targetPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.on("data", (d: Buffer) => (chunks.push(d), upstream.write(d)));
    upstream.on("data", (d: Buffer) => (chunks.push(d), client.write(d)));
    client.on("end", () => upstream.end());
    upstream.on("end", () => client.end());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => {
      const address = server.address();
      resolve({
        port: typeof address === "object" && address ? address.port : 0,
        bytes: () => Buffer.concat(chunks),
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
