// read-timeout-short: proxy_read_timeout is the idle timeout of the whole tunnel (scaled down here to 2s).
import { expect } from "vitest";
import type WebSocket from "ws";
import { closeSocket, echo, whenClosed } from "../../support/ws-client.js";
import { expectFlagged, fixAndCheck } from "../lint-checks.js";
import type { Lab } from "../lab.js";
import type { Scenario } from "../scenario.js";
import { expectWebSocket, webSocketConfig } from "./common.js";

const TIMEOUT_MS = 2_000;
/** How long sockets with traffic, and the fixed config's idle socket, must stay open: well past the timeout. */
const OUTLIVE_MS = 5_000;

const config = (listen: number, backend: number): string => webSocketConfig({ listen, backend, readTimeout: `${TIMEOUT_MS / 1000}s` });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** True when the socket is still open after `ms`, during which `tick` runs every second. */
async function openAfter(socket: WebSocket, ms: number, tick?: () => void): Promise<boolean> {
  let closed = false;
  socket.once("close", () => (closed = true));
  const timer = tick ? setInterval(tick, 1_000) : undefined;
  await sleep(ms);
  clearInterval(timer);
  return !closed;
}

/**
 * An idle socket (one echo, then silence): the close code and the time from before the handshake to the close.
 * Measured from before the handshake because nginx re-arms a timer only when the new expiry is 300ms or more past
 * the old one (NGX_TIMER_LAZY_DELAY, event/ngx_event_timer.c): the echo right after the 101 keeps the handshake's
 * expiry, so the close comes 2s after the handshake, which can be less than 2s after the echo.
 */
async function idleClose(lab: Lab, url: string): Promise<{ code: number; afterMs: number }> {
  const start = Date.now();
  const socket = await expectWebSocket(lab, url);
  return whenClosed(socket, start);
}

export const readTimeoutShort: Scenario = {
  rule: "read-timeout-short",
  async run(lab) {
    const backend = await lab.backend();
    const port = await lab.port();
    const flagged = config(port, backend.port);
    expectFlagged(flagged, "read-timeout-short");
    const url = `ws://127.0.0.1:${port}/ws/`;

    const before = await lab.nginx(flagged, [port]);
    // Three sockets side by side: idle; the client sending (the backend stays silent on "quiet:"); the backend pushing.
    const [idle, clientTalks, backendTalks] = await Promise.all([
      idleClose(lab, url),
      expectWebSocket(lab, url).then((s) => openAfter(s, OUTLIVE_MS, () => s.send("quiet: still here"))),
      expectWebSocket(lab, `${url}?push=1000`).then((s) => openAfter(s, OUTLIVE_MS)),
    ]);
    expect(idle.code).toBe(1006);
    expect(idle.afterMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(idle.afterMs).toBeLessThan(TIMEOUT_MS + 1_000);
    expect(clientTalks, "client-to-backend traffic every 1s keeps the tunnel open").toBe(true);
    expect(backendTalks, "backend-to-client traffic every 1s keeps the tunnel open").toBe(true);
    await before.stop();

    await lab.nginx(await fixAndCheck(flagged, "read-timeout-short"), [port]);
    const socket = await expectWebSocket(lab, url);
    expect(await openAfter(socket, OUTLIVE_MS), `idle socket open after ${OUTLIVE_MS}ms`).toBe(true);
    expect(await echo(socket, "still open")).toBe("still open");
    // The close frame crosses the tunnel both ways: a clean 1000, not the 1006 of a dropped connection.
    const closed = await closeSocket(socket);
    expect(closed.code).toBe(1000);
    return {
      flagged: `idle socket closed after ${(idle.afterMs / 1000).toFixed(2)}s (timeout 2s), code ${idle.code}; 1s traffic either way kept it open ${OUTLIVE_MS / 1000}s`,
      fixed: `proxy_read_timeout 1h: idle socket still open and echoing after ${OUTLIVE_MS / 1000}s, then closed cleanly (${closed.code})`,
    };
  },
};
