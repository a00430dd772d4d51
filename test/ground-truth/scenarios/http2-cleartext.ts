// http2-cleartext: on nginx before 1.25.1 a cleartext `listen ... http2` port speaks only HTTP/2: HTTP/1.1 clients fail.
import { expect } from "vitest";
import { plainGet } from "../../support/ws-client.js";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { expectNoWebSocket, expectWebSocket, webSocketConfig } from "./common.js";

const config = (listen: number, backend: number, params: string): string => webSocketConfig({ listen, backend, listenParams: params });

export const http2Cleartext: Scenario = {
  rule: "http2-cleartext",
  async run(lab) {
    const backend = await lab.backend();
    const port = await lab.port();
    const url = `ws://127.0.0.1:${port}/ws/`;
    const flagged = config(port, backend.port, " http2");
    expectFlagged(flagged, "http2-cleartext");

    const before = await lab.nginx(flagged, [port]);
    const socket = await expectNoWebSocket(lab, url);
    const plain = await plainGet(`http://127.0.0.1:${port}/ws/`);
    expect(socket).toMatch(/^failed: /);
    expect(plain).toHaveProperty("error");
    expect(before.errorLog()).toContain("invalid connection preface");
    expect(backend.requests).toEqual([]);
    await before.stop();

    // No fix: the good example drops "http2" from the cleartext listen.
    const good = config(port, backend.port, "");
    expectClean(good, "http2-cleartext");
    await lab.nginx(good, [port]);
    await expectWebSocket(lab, url);
    return {
      flagged: `HTTP/1.1 clients fail: WebSocket "${socket.slice(8)}", GET "${"error" in plain ? plain.error : ""}"; log: invalid connection preface`,
      fixed: "good example (no http2 on the cleartext listen): 101 and echo",
    };
  },
};
