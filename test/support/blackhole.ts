// A TCP port on 127.0.0.1 where connects hang: a listener that never accepts and whose accept queue is full.
import { spawn } from "node:child_process";
import { connect, type Socket } from "node:net";
import { createInterface } from "node:readline";
import { stopGroup, trackGroup } from "./process-group.js";

export interface Blackhole {
  port: number;
  close(): Promise<void>;
}

/**
 * Perl (perl-base is essential on Debian) listens with backlog 1 and never accepts: Node cannot, libuv accepts by
 * itself. Once the accept queue is full (backlog + 1 connections on Linux), the kernel drops further SYNs
 * (net/ipv4/tcp_input.c, tcp_conn_request), so a connect hangs until the client's timeout or its SYN retries give up.
 * The script exits when its stdin closes, so it cannot outlive the test process.
 */
const SCRIPT = [
  "use IO::Socket::INET;",
  '$s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0, Listen => 1, Proto => "tcp") or die "listen: $!";',
  '$| = 1; print $s->sockport, "\\n";',
  "1 while <STDIN>;",
].join(" ");

function tryConnect(port: number, ms: number): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const timer = setTimeout(() => (socket.destroy(), resolve(undefined)), ms);
    socket.once("connect", () => (clearTimeout(timer), resolve(socket)));
    socket.once("error", () => (clearTimeout(timer), socket.destroy(), resolve(undefined)));
  });
}

export async function startBlackhole(): Promise<Blackhole> {
  const child = spawn("perl", ["-e", SCRIPT], { detached: true, stdio: ["pipe", "pipe", "inherit"] });
  trackGroup(child);
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    lines.once("line", (line) => resolve(Number(line)));
    child.once("exit", (code) => reject(new Error(`blackhole listener exited (${code})`)));
  });
  // Fill the queue until a connect no longer completes: from then on SYNs are dropped.
  const fillers: Socket[] = [];
  for (let i = 0; i < 8; i++) {
    const socket = await tryConnect(port, 300);
    if (!socket) break;
    fillers.push(socket);
  }
  const blackhole: Blackhole = {
    port,
    async close() {
      for (const socket of fillers) socket.destroy();
      child.stdin?.end();
      await stopGroup(child, 2_000);
    },
  };
  if (fillers.length === 8) {
    await blackhole.close();
    throw new Error("the blackhole accept queue never filled");
  }
  return blackhole;
}
