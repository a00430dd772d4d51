// connect-timeout-ineffective: nginx accepts `proxy_connect_timeout 3600s`, but the kernel abandons the connect after
// about 130s; values the kernel allows (100s) are honoured, and none of them keeps an idle tunnel open.
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { nginxAccepts } from "../../support/nginx-process.js";
import { plainGet, whenClosed, type PlainResponse } from "../../support/ws-client.js";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { CONNECTION_MAP, expectWebSocket } from "./common.js";

/** A net.ipv4 sysctl, or `fallback` where the kernel has none. */
function sysctl(name: string, fallback: number): number {
  try {
    return Number(readFileSync(`/proc/sys/net/ipv4/${name}`, "utf8").trim());
  } catch {
    return fallback;
  }
}

/**
 * When Linux gives up an unanswered connect (ETIMEDOUT), estimated as net/ipv4/tcp_timer.c schedules it: the SYN is
 * resent tcp_syn_retries times plus tcp_syn_linear_timeouts (Linux 6.5+, default 4), the first resends 1s apart,
 * then each wait doubles. 127s with 6 retries and no linear timeouts, 131s with 4.
 */
function kernelConnectLimitMs(): number {
  const linear = sysctl("tcp_syn_linear_timeouts", 0);
  const fires = sysctl("tcp_syn_retries", 6) + linear + 1;
  let total = 0;
  let rto = 1;
  for (let fire = 1; fire <= fires; fire++) {
    total += rto;
    if (fire > linear) rto = Math.min(rto * 2, 120);
  }
  return total * 1_000;
}

/** /api100/ (flagged config only) tries a value between the docs' 75s and the kernel's limit. */
const API100 = (blackhole: number): string => `        location /api100/ {
            proxy_pass http://127.0.0.1:${blackhole};
            proxy_connect_timeout 100s;
        }
`;

/** `connect` is the /api/ location's proxy_connect_timeout; /ws/ shows it has no say over an open tunnel. */
const config = (listen: number, blackhole: number, backend: number, connect: string, more = ""): string => `events {}
http {
${CONNECTION_MAP}    server {
        listen 127.0.0.1:${listen};
        location /api/ {
            proxy_pass http://127.0.0.1:${blackhole};
            proxy_connect_timeout ${connect};
        }
${more}        location /ws/ {
            proxy_pass http://127.0.0.1:${backend};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_connect_timeout ${connect};
            proxy_read_timeout 2s;
        }
    }
}
`;

async function timedGet(url: string): Promise<{ status: number; ms: number }> {
  const start = Date.now();
  const answer = await plainGet(url, {}, 300_000);
  expect(answer, url).toHaveProperty("status");
  return { status: (answer as PlainResponse).status, ms: Date.now() - start };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

export const connectTimeoutIneffective: Scenario = {
  rule: "connect-timeout-ineffective",
  timeoutMs: 240_000,
  async run(lab) {
    const [backend, blackhole] = await Promise.all([lab.backend(), lab.blackhole()]);
    const [port, goodPort] = [await lab.port(), await lab.port()];
    const flagged = config(port, blackhole.port, backend.port, "3600s", API100(blackhole.port));
    // The claim: only the TCP connect, not portable over 75s, and Linux ends the attempt after about 130s whatever the value.
    const claims = expectFlagged(flagged, "connect-timeout-ineffective").map((p) => p.message);
    for (const claim of claims) {
      expect(claim).toContain("bounds only the TCP connect");
      expect(claim).toContain("not portable");
      expect(claim).toContain("after about 130s, whatever the value");
      expect(claim).not.toMatch(/" cannot usually exceed/);
    }
    expect((await nginxAccepts(flagged)).ok, "nginx -t accepts proxy_connect_timeout 3600s").toBe(true);
    // The rule has no fix: the good example's 5s, side by side with the flagged config to save time.
    const good = config(goodPort, blackhole.port, backend.port, "5s");
    expectClean(good, "connect-timeout-ineffective");
    const [before, after] = await Promise.all([lab.nginx(flagged, [port]), lab.nginx(good, [goodPort])]);

    const start = Date.now();
    const [long, hundred, short, tunnel] = await Promise.all([
      timedGet(`http://127.0.0.1:${port}/api/`),
      timedGet(`http://127.0.0.1:${port}/api100/`),
      timedGet(`http://127.0.0.1:${goodPort}/api/`),
      // Timed from before the handshake, as in read-timeout-short (nginx re-arms timers lazily).
      expectWebSocket(lab, `ws://127.0.0.1:${port}/ws/`).then((s) => whenClosed(s, start)),
    ]);
    const limit = kernelConnectLimitMs();
    // 3600s configured, yet the kernel's SYN retries end the connect after about 130s: 502, errno 110 from connect().
    expect(long.status).toBe(502);
    expect(long.ms).toBeGreaterThan(limit - 5_000);
    expect(long.ms).toBeLessThan(limit + 20_000);
    expect(before.errorLog()).toMatch(/connect\(\) failed \(110: Connection timed out\) while connecting to upstream/);
    // Below the kernel's limit nginx's own timer ends it with 504: 100s is honoured on Linux, as the rule says (it calls
    // values over 75s unportable, quoting the docs' "cannot usually exceed 75 seconds", not ineffective on Linux).
    expect(hundred.status).toBe(504);
    expect(hundred.ms).toBeGreaterThanOrEqual(99_900);
    expect(hundred.ms).toBeLessThan(103_000);
    expect(short.status).toBe(504);
    expect(short.ms).toBeGreaterThanOrEqual(4_900);
    expect(short.ms).toBeLessThan(7_000);
    expect(after.errorLog()).toMatch(/upstream timed out \(110: Connection timed out\) while connecting to upstream/);
    // And 3600s of connect timeout keeps no socket open: the idle tunnel still ends at proxy_read_timeout.
    expect(tunnel.code).toBe(1006);
    expect(tunnel.afterMs).toBeGreaterThanOrEqual(1_980);
    expect(tunnel.afterMs).toBeLessThan(3_000);
    return {
      flagged: `nginx -t accepts 3600s; connect to blackhole ended after ${seconds(long.ms)} with ${long.status} (kernel SYN retries, estimated ${seconds(limit)}); 100s: ${hundred.status} after ${seconds(hundred.ms)}; idle WebSocket closed at ${seconds(tunnel.afterMs)}`,
      fixed: `good example 5s: ${short.status} after ${seconds(short.ms)}`,
    };
  },
};
