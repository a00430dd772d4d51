// Names that are also properties of every JavaScript object (`constructor`, `__proto__`, `toString`, ...) are
// ordinary words to nginx. A table looked up by such a name must not answer with Object.prototype's member:
// that once crashed the CLI with "internal error" on `http { constructor a; }`.
import { describe, expect, it } from "vitest";
import { lintText } from "../support/lint-text.js";

const NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__"];

/** One config that puts `name` everywhere a name can go: directives (simple and block) in every context,
 * variables, upstreams, map keys, location paths and units. */
function configUsing(name: string): string {
  return [
    `${name} main;`,
    `events { ${name} events; }`,
    `http {`,
    `    ${name} http;`,
    `    ${name} { ${name} nested; }`,
    `    map $http_upgrade $${name} { default ${name}; ${name} $${name}; }`,
    `    upstream ${name} { server 127.0.0.1:8080; ${name} up; }`,
    `    server {`,
    `        listen 8080;`,
    `        ${name} server;`,
    `        proxy_read_timeout 10${name};`,
    `        location /${name} {`,
    `            ${name} location;`,
    `            proxy_pass http://${name};`,
    `            proxy_http_version 1.1;`,
    `            proxy_set_header Upgrade $http_upgrade;`,
    `            proxy_set_header Connection $${name};`,
    `            proxy_set_header ${name} $${name}_x;`,
    `            if ($${name}) { ${name} if; }`,
    `        }`,
    `    }`,
    `}`,
    `stream { ${name} stream; server { listen 9000; ${name} s; } }`,
    ``,
  ].join("\n");
}

describe("directive, variable and upstream names that are JavaScript object properties", () => {
  for (const name of NAMES) {
    it(`lints a config full of "${name}" like any other unknown name`, () => {
      const problems = lintText(configUsing(name), { nginxVersion: "1.22.1" });
      // Every simple `name ...;` line is an unknown directive to nginx: that is what wslint must say, once each.
      const unknown = problems.filter((p) => p.ruleId === "unknown-directive").map((p) => p.range.start.line);
      expect(unknown).toEqual(expect.arrayContaining([1, 2, 4, 5, 7, 10, 13, 19, 23]));
      expect(problems.some((p) => p.ruleId === "directive-arguments" && p.range.start.line === 11)).toBe(true);
      // A context or table entry taken from Object.prototype would surface in a message as a function.
      expect(problems.map((p) => p.message).join("\n")).not.toMatch(/function|native code|\[object/);
    });
  }
});
