// zone-undefined beyond the agreement cases: cache zones (nginx names the end of http for those) and snippets.
import { describe, expect, it } from "vitest";
import { lintText, positions } from "../support/lint-text.js";

const http = (inHttp: string, inLocation: string): string =>
  `events {}\nhttp {\n${inHttp}    server {\n        listen 8080;\n        location / {\n            ${inLocation}\n        }\n    }\n}\n`;

describe("zone-undefined", () => {
  it("flags a proxy_cache or fastcgi_cache zone no *_cache_path defines, on the directive", () => {
    expect(positions(lintText(http("", "proxy_cache pages;")), "zone-undefined")).toEqual(["zone-undefined 6:13-6:24"]);
    expect(positions(lintText(http("    proxy_cache_path /tmp/c keys_zone=pages:10m;\n", "fastcgi_cache pages;")), "zone-undefined")).toHaveLength(1);
  });

  it("accepts a defined cache zone, proxy_cache off and a zone chosen by a variable", () => {
    const defined = "    proxy_cache_path /tmp/c keys_zone=pages:10m;\n";
    expect(positions(lintText(http(defined, "proxy_cache pages;")), "zone-undefined")).toEqual([]);
    expect(positions(lintText(http("", "proxy_cache off;")), "zone-undefined")).toEqual([]);
    expect(positions(lintText(http(defined, "proxy_cache $cache_zone;")), "zone-undefined")).toEqual([]);
  });

  it("only warns in a snippet, whose zones may live in the config that includes it", () => {
    const [found] = lintText("# wslint: context location\nlimit_conn sockets 20;\n").filter((p) => p.ruleId === "zone-undefined");
    expect(found.severity).toBe("warning");
    expect(found.message).toContain('zone "sockets" is not defined in the linted files');
  });
});
