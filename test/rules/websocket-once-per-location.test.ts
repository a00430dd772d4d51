// A location that proxies both in an `if` and directly is one WebSocket location: one finding per rule.
import { describe, expect, it } from "vitest";
import { lintText } from "../support/lint-text.js";

const TEXT = `events {}
http {
    server {
        listen 8080;
        location /ws/ {
            proxy_http_version 1.1;
            proxy_set_header Host $host;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
            proxy_read_timeout 1h;
            if ($arg_beta) {
                proxy_pass http://127.0.0.1:3001;
            }
            proxy_pass http://127.0.0.1:3000;
        }
    }
}
`;

describe("one WebSocket location per location block", () => {
  it.each(["origin-check", "limit-conn-missing", "plaintext-listener", "host-header-port"])("%s reports once, at the location", (rule) => {
    const found = lintText(TEXT).filter((p) => p.ruleId === rule);
    expect(found.map((p) => p.range.start.line)).toEqual([rule === "host-header-port" ? 7 : 5]);
  });
});
