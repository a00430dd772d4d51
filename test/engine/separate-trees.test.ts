// Two main configs linted in one run are two nginx instances: what one defines means nothing to the other.
import { describe, expect, it } from "vitest";
import { lint } from "../../src/engine/lint.js";
import { memoryHost } from "../../src/workspace/host.js";

const A = "events {}\nhttp {\n    server {\n        listen 8080;\n        location / {\n            return 200 $foo;\n        }\n    }\n}\n";
const B = "events {}\nhttp {\n    map $uri $foo {\n        default 1;\n    }\n    upstream chat_backend {\n        server 127.0.0.1:8081;\n        server 127.0.0.1:8082;\n    }\n}\n";

function lintBoth(a: string, b: string): { ruleId: string; file: string; line: number }[] {
  const host = memoryHost({ "/a/nginx.conf": a, "/b/nginx.conf": b });
  return lint(["/a/nginx.conf", "/b/nginx.conf"], host).problems.map((p) => ({ ruleId: p.ruleId, file: p.file, line: p.range.start.line }));
}

describe("symbols stay within their own tree", () => {
  it("reports a variable that only the other config defines", () => {
    expect(lintBoth(A, B)).toContainEqual({ ruleId: "undefined-variable", file: "/a/nginx.conf", line: 6 });
  });

  it("does not judge one config's WebSocket location by the other's upstream", () => {
    const ws = A.replace("return 200 $foo;", "proxy_pass http://chat_backend;\n            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection \"upgrade\";");
    const found = lintBoth(ws, B);
    expect(found.filter((p) => p.ruleId === "upstream-affinity")).toEqual([]);
    // To nginx, chat_backend in /a is a host name to resolve: no upstream of that name exists there.
    expect(found.filter((p) => p.file === "/b/nginx.conf" && p.ruleId !== "worker-connections-low")).toEqual([]);
  });

  it("offers no fix to $connection_upgrade in a snippet when only another config has that map", () => {
    const snippet = "# wslint: context server\nlocation /ws/ {\n    proxy_pass http://127.0.0.1:8080;\n    proxy_http_version 1.1;\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection \"upgrade\";\n}\n";
    const withMap = B.replace("http {\n", "http {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        '' close;\n    }\n");
    const host = memoryHost({ "/s/ws.conf": snippet, "/b/nginx.conf": withMap });
    const problems = lint(["/s/ws.conf", "/b/nginx.conf"], host).problems.filter((p) => p.file === "/s/ws.conf");
    const hardcoded = problems.filter((p) => p.ruleId === "connection-header-hardcoded");
    // The advice stands; a fix writing $connection_upgrade would fail nginx -t wherever the snippet is included.
    expect(hardcoded).toHaveLength(1);
    expect(hardcoded[0].fix).toBeUndefined();
  });
});
