// undefined-variable: $connection_upgrade without its map fails nginx -t (with no line number).
import { expect } from "vitest";
import { nginxAccepts } from "../../support/nginx-process.js";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { CONNECTION_MAP, expectWebSocket, webSocketConfig } from "./common.js";

const config = (listen: number, backend: number, map: string): string => webSocketConfig({ listen, backend, http: map });

export const undefinedVariable: Scenario = {
  rule: "undefined-variable",
  async run(lab) {
    const backend = await lab.backend();
    const port = await lab.port();
    const flagged = config(port, backend.port, "");
    expectFlagged(flagged, "undefined-variable");
    const verdict = await nginxAccepts(flagged);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toBe('unknown "connection_upgrade" variable');
    expect(verdict.line).toBeUndefined();

    // The rule has no fix; its good example defines the map.
    const good = config(port, backend.port, CONNECTION_MAP);
    expectClean(good, "undefined-variable");
    await lab.nginx(good, [port]);
    await expectWebSocket(lab, `ws://127.0.0.1:${port}/ws/`);
    return { flagged: `nginx -t fails: ${verdict.message} (no line)`, fixed: "good example (map defined): 101 and echo" };
  },
};
