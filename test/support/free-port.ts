// Picks free TCP ports on 127.0.0.1 by letting the kernel choose (bind port 0), for servers the tests start.
import { createServer } from "node:net";

/** A port that was free a moment ago; the small race until the caller binds it is accepted in tests. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no port assigned"))));
    });
  });
}

/** n distinct free ports (asked one after another, so the kernel does not hand out the same one twice). */
export async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}
