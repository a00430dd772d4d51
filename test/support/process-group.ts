// Stops a detached child and everything in its process group (nginx master and workers), and waits for it.
import type { ChildProcess } from "node:child_process";

/** Groups still alive; killed synchronously if the test process exits without stopping them (a crash, a timeout). */
const live = new Set<number>();
process.on("exit", () => {
  for (const pgid of live) signalGroup(pgid, "SIGKILL");
});

/** Remembers a child spawned with `detached: true` (its pid is its process group id) for the exit safety net. */
export function trackGroup(child: ChildProcess): void {
  if (child.pid) live.add(child.pid);
}

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * TERM to the whole group (nginx's fast shutdown: it does not wait for open WebSockets, as QUIT would), then KILL
 * if the leader has not exited within `graceMs`, then KILL whatever of the group is left.
 */
export async function stopGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  const pgid = child.pid;
  if (!pgid) return;
  signalGroup(pgid, "SIGTERM");
  if (!(await exited(child, graceMs))) {
    signalGroup(pgid, "SIGKILL");
    await exited(child, graceMs);
  }
  // A worker that outlived its master would keep the port; the group id is the master's pid, still ours here.
  if (signalGroup(pgid, 0)) signalGroup(pgid, "SIGKILL");
  live.delete(pgid);
}
