// A balancing method after `keepalive` turns keepalive off before nginx 1.29.7; from 1.29.7 the order is free.
import { describe, expect, it } from "vitest";
import { lintText, positions } from "../support/lint-text.js";

const CONFIG = `events {}
http {
    map $http_upgrade $connection_upgrade {
        default upgrade;
        ''      close;
    }
    upstream chat {
        keepalive 8;
        hash $remote_addr consistent;
        server 127.0.0.1:8081;
    }
    server {
        listen 8080;
        location /ws/ {
            proxy_pass http://chat;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }
    }
}
`;

describe("keepalive-method-order", () => {
  it("flags the method written after keepalive, on the method's line", () => {
    expect(positions(lintText(CONFIG, { nginxVersion: "1.22.1" }), "keepalive-method-order")).toEqual(["keepalive-method-order 9:9-9:13"]);
  });

  it("does not ask for '' \"\" to keep a connection pool that the method order already turned off", () => {
    expect(positions(lintText(CONFIG, { nginxVersion: "1.22.1" }), "keepalive-connection-close")).toEqual([]);
  });

  it("says nothing from nginx 1.29.7, where keepalive no longer depends on the order", () => {
    const problems = lintText(CONFIG, { nginxVersion: "1.29.7" });
    expect(positions(problems, "keepalive-method-order")).toEqual([]);
    expect(positions(problems, "keepalive-connection-close")).toHaveLength(1);
  });
});
