// An upstream block is named without a port by every directive that can reach one (nginx -t: may not have port).
import { describe, expect, it } from "vitest";
import { lintText } from "../support/lint-text.js";

function found(pass: string): string[] {
  const text = `events {}\nhttp {\n    upstream Backend {\n        server 127.0.0.1:3000;\n    }\n    server {\n        location / {\n            ${pass}\n        }\n    }\n}\n`;
  return lintText(text).filter((p) => p.ruleId === "directive-arguments").map((p) => p.message);
}

describe("an upstream named with a port", () => {
  it.each([
    ["proxy_pass http://backend:3000/socket/;", 'write "http://Backend/socket/"'],
    ["fastcgi_pass backend:9000;", 'write "Backend"'],
    ["grpc_pass grpcs://backend:50051;", 'write "grpcs://Backend"'],
    ["uwsgi_pass backend:9000;", 'write "Backend"'],
    ["memcached_pass backend:11211;", 'write "Backend"'],
  ])("%s is refused, and the advice keeps the rest of the address", (pass, advice) => {
    const [message] = found(pass);
    expect(message).toMatch(/^upstream "backend" may not have port \d+/);
    expect(message).toContain(advice);
  });

  it.each(["proxy_pass http://backend;", "proxy_pass http://other:3000;", "proxy_pass http://backend:$port;", "fastcgi_pass unix:/run/php.sock;"])(
    "%s is fine",
    (pass) => {
      expect(found(pass)).toEqual([]);
    },
  );
});

describe("a stream proxy_pass without a port", () => {
  const stream = (pass: string, context = ""): string[] =>
    lintText(`${context}stream {\n    upstream mqtt_backend {\n        server 127.0.0.1:1883;\n    }\n    server {\n        listen 8883;\n        ${pass}\n    }\n}\n`)
      .filter((p) => p.ruleId === "directive-arguments")
      .map((p) => p.message);

  it("names the upstream a typo probably meant", () => {
    expect(stream("proxy_pass mqtt-backend;")).toEqual(['no port in upstream "mqtt-backend"; did you mean upstream "mqtt_backend"?']);
  });

  it("accepts an upstream name in any case, host:port and a unix socket", () => {
    expect(stream("proxy_pass MQTT_Backend;")).toEqual([]);
    expect(stream("proxy_pass broker.internal:1883;")).toEqual([]);
    expect(stream("proxy_pass unix:/run/mqtt.sock;")).toEqual([]);
  });

  it("leaves a snippet's name alone: the upstream may be in the config that includes it", () => {
    const found = lintText("# wslint: context stream-server\nlisten 8883;\nproxy_pass broker;\n").filter((p) => p.ruleId === "directive-arguments");
    expect(found).toEqual([]);
  });
});
