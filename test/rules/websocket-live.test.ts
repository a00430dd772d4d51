// The header-value findings and the fix-target fixes on the real nginx (Debian's, as the ground truth runs it) with a
// `ws` echo backend on 127.0.0.1: each flagged config answers a handshake with no 101, and the config --fix writes opens
// the socket, through `if` and `limit_except` too.
import { afterAll, describe, expect, it } from "vitest";
import { Lab, openLabs } from "../ground-truth/lab.js";
import { expectClean, expectFlagged, fixAndCheck } from "../ground-truth/lint-checks.js";
import { expectNoWebSocket, expectWebSocket } from "../ground-truth/scenarios/common.js";

afterAll(async () => void (await Promise.allSettled([...openLabs].map((lab) => lab.stop()))));

const MAP = "    map $http_upgrade $connection_upgrade { default upgrade; '' close; }";

function config(listen: number, backend: number, http: string, location: string[]): string {
  return ["events {}", "http {", http, "    server {", `        listen 127.0.0.1:${listen};`, "        location /ws/ {", ...location.map((l) => `            ${l}`), "        }", "    }", "}", ""]
    .join("\n")
    .replaceAll("BACKEND", `http://127.0.0.1:${backend}`);
}

async function withLab(run: (lab: Lab) => Promise<void>): Promise<void> {
  const lab = new Lab();
  try {
    await run(lab);
  } finally {
    await lab.stop();
  }
}

const values: Array<[string, string, string, string[], { upgrade?: string; connection?: string }]> = [
  ["a Connection map without default: no Connection header", "connection-header-missing", "    map $http_upgrade $connection_upgrade { '' close; }", ["proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $connection_upgrade;"], { upgrade: "websocket", connection: undefined }],
  ["swapped values: Upgrade: upgrade, Connection: websocket", "upgrade-header-missing", MAP, ["proxy_set_header Upgrade $connection_upgrade;", "proxy_set_header Connection $http_upgrade;"], { upgrade: "upgrade", connection: "websocket" }],
  ["a typo'd $http_upgrades: no Upgrade header", "upgrade-header-missing", MAP, ["proxy_set_header Upgrade $http_upgrades;", "proxy_set_header Connection $connection_upgrade;"], { upgrade: undefined, connection: "upgrade" }],
];

describe("header values nginx evaluates on a handshake", () => {
  it.each(values)("%s", { timeout: 30_000 }, (_, rule, http, headers, forwarded) =>
    withLab(async (lab) => {
      const backend = await lab.backend();
      const port = await lab.port();
      const flagged = config(port, backend.port, http, ["proxy_pass BACKEND;", "proxy_http_version 1.1;", ...headers, "proxy_read_timeout 1h;"]);
      expectFlagged(flagged, rule);
      const url = `ws://127.0.0.1:${port}/ws/`;
      const before = await lab.nginx(flagged, [port]);
      expect(await expectNoWebSocket(lab, url)).toBe("200");
      expect(backend.requests.map((r) => ({ upgrade: r.upgrade, connection: r.connection }))).toEqual([forwarded]);
      await before.stop();
      const fixed = await fixAndCheck(flagged, rule);
      await lab.nginx(fixed, [port]);
      await expectWebSocket(lab, url);
      expect(backend.requests.slice(1).map((r) => [r.upgrade, r.connection, r.status])).toEqual([["websocket", "upgrade", 101]]);
    }),
  );

  it("a map whose values include $http_upgrade, and a set variable holding upgrade, are clean and open the socket", { timeout: 30_000 }, () =>
    withLab(async (lab) => {
      const backend = await lab.backend();
      const port = await lab.port();
      const http = "    map $http_upgrade $up { default $http_upgrade; '' ''; }";
      const clean = config(port, backend.port, http, ["proxy_pass BACKEND;", "proxy_http_version 1.1;", "set $conn upgrade;", "proxy_set_header Upgrade $up;", "proxy_set_header Connection $conn;", "proxy_read_timeout 1h;"]);
      for (const rule of ["upgrade-header-missing", "connection-header-missing"]) expectClean(clean, rule);
      await lab.nginx(clean, [port]);
      await expectWebSocket(lab, `ws://127.0.0.1:${port}/ws/`);
    }),
  );
});

describe("fixes for proxy_pass in `if` and `limit_except` apply there", () => {
  it("a location proxying in an `if` and directly: one set of fixes, both paths open", { timeout: 30_000 }, () =>
    withLab(async (lab) => {
      const backend = await lab.backend();
      const port = await lab.port();
      const flagged = config(port, backend.port, "", ["if ($arg_a) { proxy_pass BACKEND; }", "proxy_pass BACKEND;"]);
      expectFlagged(flagged, "upgrade-header-missing");
      await lab.nginx(await fixAndCheck(flagged, "upgrade-header-missing"), [port]);
      await expectWebSocket(lab, `ws://127.0.0.1:${port}/ws/`);
      await expectWebSocket(lab, `ws://127.0.0.1:${port}/ws/?a=1`);
      expect(backend.requests.map((r) => [r.httpVersion, r.upgrade, r.connection, r.status])).toEqual([
        ["1.1", "websocket", "upgrade", 101],
        ["1.1", "websocket", "upgrade", 101],
      ]);
    }),
  );

  // The block of `limit_except POST` serves every method but POST (and the handshake is a GET): its proxy_pass is the
  // one a WebSocket goes through. (`limit_except GET { proxy_pass ...; }` would proxy only non-GET requests.)
  it("proxy_pass in limit_except: the location's lines are inherited there", { timeout: 30_000 }, () =>
    withLab(async (lab) => {
      const backend = await lab.backend({ strict: true });
      const port = await lab.port();
      const flagged = config(port, backend.port, "", ["limit_except POST { proxy_pass BACKEND; }"]);
      expectFlagged(flagged, "proxy-http-version");
      const fixed = await fixAndCheck(flagged, "upgrade-header-missing");
      expect(fixed).toMatch(/location \/ws\/ \{\n(            proxy_[^\n]+\n){4}            limit_except POST \{ proxy_pass/);
      await lab.nginx(fixed, [port]);
      await expectWebSocket(lab, `ws://127.0.0.1:${port}/ws/`);
      expect(backend.requests.map((r) => [r.httpVersion, r.upgrade, r.connection, r.status])).toEqual([["1.1", "websocket", "upgrade", 101]]);
    }),
  );
});
