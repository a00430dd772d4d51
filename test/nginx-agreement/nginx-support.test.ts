// The nginx helper that ground-truth tests share: output parsing, prefixes, and one real `nginx -t` each way.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makePrefix, nginxTest, nginxVersion, parseNginxOutput, prefixHttpPaths } from "../support/nginx.js";

describe("parseNginxOutput", () => {
  it("takes the first fatal line, after warnings, and splits off the last ' in FILE:LINE'", () => {
    const output = [
      "nginx: [warn] load balancing method redefined in /c/a.conf:4",
      'nginx: [emerg] invalid number of arguments in "map" directive in /c/a.conf:5',
      "nginx: configuration file /c/a.conf test failed",
    ].join("\n");
    expect(parseNginxOutput(false, output)).toMatchObject({
      ok: false,
      message: 'invalid number of arguments in "map" directive',
      file: "/c/a.conf",
      line: 5,
    });
  });

  it("drops the PID#TID that the error log format adds, and keeps messages that name no place", () => {
    const output = '2026/11/24 21:57:07 [emerg] 22154#22154: unknown "connection_upgrade" variable\n';
    const result = parseNginxOutput(false, output);
    expect(result.message).toBe('unknown "connection_upgrade" variable');
    expect(result.file).toBeUndefined();
    expect(result.line).toBeUndefined();
  });

  it("finds no message in a successful run", () => {
    const output = "nginx: the configuration file /c/a.conf syntax is ok\nnginx: configuration file /c/a.conf test is successful\n";
    expect(parseNginxOutput(true, output).message).toBeUndefined();
  });
});

describe("nginxTest", () => {
  const prefix = makePrefix();
  afterAll(() => rmSync(prefix, { recursive: true, force: true }));

  it("reads the version of the nginx it runs", () => {
    expect(nginxVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("passes a valid config and keeps nginx's files in the prefix", () => {
    const conf = join(prefix, "ok.conf");
    writeFileSync(conf, `events {}\nhttp {\n${prefixHttpPaths}\nserver { listen 127.0.0.1:18080; return 204; }\n}\n`);
    const result = nginxTest(prefix, conf);
    expect(result.ok, result.output).toBe(true);
    for (const made of ["nginx.pid", "tmp/proxy", "tmp/client_body", "logs/access.log"]) {
      expect(existsSync(join(prefix, made)), made).toBe(true);
    }
  });

  it("fails a broken config with nginx's message, file and line", () => {
    const conf = join(prefix, "broken.conf");
    writeFileSync(conf, "events {}\nhttp {\n  server {\n    proxy_pass http://127.0.0.1:9000;\n  }\n}\n");
    expect(nginxTest(prefix, conf)).toMatchObject({
      ok: false,
      message: '"proxy_pass" directive is not allowed here',
      file: conf,
      line: 4,
    });
  });
});
