// balancer-backup: ip_hash with a backup server fails nginx -t in one order and is accepted in the other, where the
// backup serves only once ip_hash gives up on the primaries (it falls back to round-robin).
import { expect } from "vitest";
import { nginxAccepts } from "../../support/nginx-process.js";
import { plainGet } from "../../support/ws-client.js";
import { expectClean, expectFlagged } from "../lint-checks.js";
import type { Scenario } from "../scenario.js";
import { CONNECTION_MAP, expectWebSocket } from "./common.js";

/** Two primaries nobody listens on (connects are refused at once) and the backend as the backup server. */
const config = (listen: number, dead: number[], backend: number, before: string, after: string): string => `events {}
http {
${CONNECTION_MAP}    upstream chat {
${before}        server 127.0.0.1:${dead[0]};
        server 127.0.0.1:${dead[1]};
        server 127.0.0.1:${backend} backup;
${after}    }
    server {
        listen 127.0.0.1:${listen};
        location /ws/ {
            proxy_pass http://chat;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`;

export const balancerBackup: Scenario = {
  rule: "balancer-backup",
  async run(lab) {
    const backend = await lab.backend();
    const [port, dead1, dead2] = [await lab.port(), await lab.port(), await lab.port()];
    const dead = [dead1, dead2];
    const methodFirst = config(port, dead, backend.port, "        ip_hash;\n", "");
    const methodLast = config(port, dead, backend.port, "", "        ip_hash;\n");
    const good = config(port, dead, backend.port, "        least_conn;\n", "");

    expect(expectFlagged(methodFirst, "balancer-backup").map((p) => p.severity)).toEqual(["error"]);
    const rejected = await nginxAccepts(methodFirst);
    expect(rejected.ok).toBe(false);
    expect(rejected.message).toBe('balancing method does not support parameter "backup"');

    const [claim] = expectFlagged(methodLast, "balancer-backup");
    // The claim for this order: unsupported but accepted, and the backup is used only after ip_hash gives up.
    expect(claim.severity).toBe("warning");
    expect(claim.message).toContain("accepts this order only because the check runs when the server line is read");
    expect(claim.message).toContain('the backup server is used only after "ip_hash" gives up on the primaries');
    expect((await nginxAccepts(methodLast)).ok, "nginx -t accepts ip_hash after the backup server").toBe(true);
    const accepted = await lab.nginx(methodLast, [port]);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await plainGet(`http://127.0.0.1:${port}/ws/`));
    // As the rule says: with both primaries refusing connections, ip_hash falls back to round-robin and the backup answers
    // (ngx_http_upstream_ip_hash_module.c, ngx_http_upstream_round_robin.c).
    expect(answers).toEqual(Array(3).fill({ status: 200, body: "plain /ws/\n" }));
    expect(backend.requests).toHaveLength(3);
    await accepted.stop();

    // No fix exists (the right one depends on intent): the good example, least_conn, uses the backup by design.
    expectClean(good, "balancer-backup");
    await lab.nginx(good, [port]);
    await expectWebSocket(lab, `ws://127.0.0.1:${port}/ws/`);
    return {
      flagged: `ip_hash first: nginx -t "${rejected.message}"; ip_hash last: accepted, and the backup served 3/3 requests`,
      fixed: "good example (least_conn): primaries down, backup gives 101 and echo",
    };
  },
};
