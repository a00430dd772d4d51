// The crossplane payload on small in-memory configs: crossplane's include, error and option handling, and the
// places where wslint follows nginx instead (CROSSPLANE-NOTES.md), each shown on the smallest config that has it.
import { describe, expect, it } from "vitest";
import { runParse } from "../../src/cli/parse-command.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { buildPayload, type CrossplaneOptions } from "../../src/crossplane/build-payload.js";
import type { Payload } from "../../src/crossplane/payload.js";
import { pythonJson } from "../../src/crossplane/python-json.js";
import { memoryHost } from "../../src/workspace/host.js";

/** Files under /w, parsed from /w with the entry given relative, as `cd /w && crossplane parse nginx.conf`. */
function parse(files: Record<string, string>, options: CrossplaneOptions = {}, entry = "nginx.conf"): Payload {
  const host = memoryHost(Object.fromEntries(Object.entries(files).map(([p, t]) => [`/w/${p}`, t])));
  return buildPayload(entry, options, host, "/w");
}

const errors = (p: Payload) => p.errors.map((e) => [e.file, e.line, e.error]);

describe("includes as crossplane resolves them", () => {
  it("joins relative patterns to the entry's directory, keeps them unnormalised and lists each file once", () => {
    const p = parse(
      {
        "conf/nginx.conf": "http { include ./sites/*.conf; include sites/b.conf; }\n",
        "conf/sites/a.conf": "server { include snippets/x.conf; }\n", // relative to conf/, not conf/sites/
        "conf/sites/b.conf": "server { }\n",
        "conf/sites/.hidden.conf": "server { }\n",
        "conf/snippets/x.conf": "listen 80;\n",
      },
      {},
      "conf/nginx.conf",
    );
    expect(p.config.map((c) => c.file)).toEqual([
      "conf/nginx.conf",
      "conf/./sites/a.conf",
      "conf/./sites/b.conf",
      "conf/sites/b.conf", // spelled differently, so read again, as crossplane does
      "conf/snippets/x.conf",
    ]);
    expect(p.config[0].parsed[0].block!.map((s) => s.includes)).toEqual([[1, 2], [3]]);
    expect(p.status).toBe("ok");
  });

  it("reports a missing literal file as Python's OSError and says nothing about an empty glob", () => {
    const p = parse({ "nginx.conf": "include missing.conf;\ninclude none/*.conf;\ninclude /abs/it's.conf;\n" });
    expect(errors(p)).toEqual([
      ["nginx.conf", 1, "[Errno 2] No such file or directory: 'missing.conf'"],
      ["nginx.conf", 3, `[Errno 2] No such file or directory: "/abs/it's.conf"`],
    ]);
    expect(p.config[0].parsed.map((s) => s.includes)).toEqual([[], [], []]);
  });

  it("checks an included file in the context of its first include, and stops at cycles", () => {
    const p = parse({
      "nginx.conf": "http { include a.conf; }\ninclude a.conf;\n",
      "a.conf": "server { include a.conf; }\n",
    });
    expect(p.config.map((c) => c.file)).toEqual(["nginx.conf", "a.conf"]);
    expect(p.status).toBe("ok");
  });

  it("--single-file reads no include and leaves no includes key", () => {
    const p = parse({ "nginx.conf": "include a.conf;\n" }, { singleFile: true });
    expect(p.config[0].parsed).toEqual([{ directive: "include", line: 1, args: ["a.conf"] }]);
  });

  it("--combine inlines includes and names each statement's own file (crossplane names the last included one)", () => {
    const p = parse(
      { "nginx.conf": "http {\n  include a.conf;\n  server_tokens off;\n}\n", "a.conf": "gzip on;\n" },
      { combine: true },
    );
    expect(p.config).toHaveLength(1);
    expect(p.config[0].parsed[0].block).toEqual([
      { file: "a.conf", directive: "gzip", line: 1, args: ["on"] },
      { file: "nginx.conf", directive: "server_tokens", line: 3, args: ["off"] },
    ]);
  });
});

describe("errors as crossplane reports them", () => {
  it("drops a statement that fails a check, with its block, and suffixes the message with FILE:LINE", () => {
    const p = parse({ "nginx.conf": "http {\n  proxy_pass http://a;\n  location / { return 200; }\n}\nworker_processes a b;\n" });
    expect(errors(p)).toEqual([
      ["nginx.conf", 2, '"proxy_pass" directive is not allowed here in nginx.conf:2'],
      ["nginx.conf", 3, '"location" directive is not allowed here in nginx.conf:3'],
      ["nginx.conf", 5, 'invalid number of arguments in "worker_processes" directive in nginx.conf:5'],
    ]);
    expect(p.config[0].parsed).toEqual([{ directive: "http", line: 1, args: [], block: [] }]);
  });

  it("checks on/off flags, and unknown directives only with --strict", () => {
    const text = "http { gzip yes; brotli on; }\n";
    expect(errors(parse({ "nginx.conf": text }))).toEqual([
      ["nginx.conf", 1, 'invalid value "yes" in "gzip" directive, it must be "on" or "off" in nginx.conf:1'],
    ]);
    expect(errors(parse({ "nginx.conf": text }, { strict: true }))[1]).toEqual([
      "nginx.conf",
      1,
      'unknown directive "brotli" in nginx.conf:1',
    ]);
  });

  it("empties a file with unbalanced braces but keeps what was found before", () => {
    const p = parse({ "nginx.conf": "user a b c;\n}\nhttp {}\n" });
    expect(errors(p)).toEqual([
      ["nginx.conf", 1, 'invalid number of arguments in "user" directive in nginx.conf:1'],
      ["nginx.conf", 2, 'unexpected "}" in nginx.conf:2'],
    ]);
    expect(p.config[0].parsed).toEqual([]);
  });

  it("--ignore leaves a directive out with its block, unchecked", () => {
    const p = parse({ "nginx.conf": "http { server { bogus_block { x; } } }\nevents {}\n" }, { ignore: ["http"] });
    expect(p.config[0].parsed).toEqual([{ directive: "events", line: 2, args: [], block: [] }]);
  });
});

describe("statements as crossplane prints them", () => {
  it("strips the parentheses of if and keeps backslashes and inner quotes as written", () => {
    const p = parse({
      "nginx.conf": `http { server { if ( $a = "b\\"c" ) { return 200 'x\\n\\'y'; } } }\n`,
    });
    const ifStmt = p.config[0].parsed[0].block![0].block![0];
    expect(ifStmt.args).toEqual(["$a", "=", 'b"c']);
    expect(ifStmt.block![0].args).toEqual(["200", "x\\n'y"]);
  });

  it("lists comments in place, and comments between words after their statement even without --include-comments", () => {
    const text = "# top\nevents { # inside\n}\nuser # between\n  nobody;\n";
    expect(parse({ "nginx.conf": text }).config[0].parsed.map((s) => s.directive)).toEqual(["events", "user", "#"]);
    expect(parse({ "nginx.conf": text }, { includeComments: true }).config[0].parsed).toEqual([
      { directive: "#", line: 1, args: [], comment: " top" },
      { directive: "events", line: 2, args: [], block: [{ directive: "#", line: 2, args: [], comment: " inside" }] },
      { directive: "user", line: 4, args: ["nobody"] },
      { directive: "#", line: 4, args: [], comment: " between" },
    ]);
  });

  it("gives a Lua block's body as its last argument", () => {
    const p = parse({ "nginx.conf": "http { server { location / { set_by_lua_block $x { return 1 } } } }\n" });
    expect(p.config[0].parsed[0].block![0].block![0].block).toEqual([
      { directive: "set_by_lua_block", line: 1, args: ["$x", " return 1 "] },
    ]);
  });
});

describe("where wslint follows nginx, not crossplane", () => {
  const args = (text: string): string[] => parse({ "nginx.conf": text }).config[0].parsed[0].args;

  it("`a}b` is one word (crossplane splits it at the brace)", () => {
    expect(args("my_directive 200 a}b;\n")).toEqual(["200", "a}b"]);
  });

  it("`${uri} /x` is two words (crossplane glues the blank into the first)", () => {
    expect(args("my_directive ${uri} /x;\n")).toEqual(["${uri}", "/x"]);
  });

  it("an unquoted regex with `{3}` fails the file, as in nginx (crossplane silently reads nested blocks)", () => {
    // `{` ends a word in nginx, so the location's block opens at `{3}` and `}` inside words closes nothing.
    const p = parse({ "nginx.conf": "http { server { location ~ ^/a/\\d{3}$ { return 204; } } }\n" });
    expect(errors(p)).toEqual([["nginx.conf", 1, 'unexpected end of file, expecting "}" in nginx.conf:1']]);
    expect(p.config[0].parsed).toEqual([]);
  });

  it("a last word with no newline after it is read, and the cut statement fails the file", () => {
    const p = parse({ "nginx.conf": "user nobody;\nworker_processes" });
    expect(errors(p)).toEqual([["nginx.conf", 2, 'unexpected end of file, expecting ";" or "}" in nginx.conf:2']]);
  });

  it("a comment at the very end of a file, with no newline after it, is kept (crossplane loses it)", () => {
    const p = parse({ "nginx.conf": "user nobody;\n# last" }, { includeComments: true });
    expect(p.config[0].parsed[1]).toEqual({ directive: "#", line: 2, args: [], comment: " last" });
  });
});

describe("output", () => {
  it("is compact JSON with ASCII escapes unless an indent is given, as crossplane's CLI prints it", () => {
    const p = parse({ "nginx.conf": "env TEXT=é;\n" });
    expect(pythonJson(p)).toBe(
      '{"status":"ok","errors":[],"config":[{"file":"nginx.conf","status":"ok","errors":[],"parsed":' +
        '[{"directive":"env","line":1,"args":["TEXT=\\u00e9"]}]}]}',
    );
    expect(pythonJson({ a: [1, []] }, 2)).toBe('{\n  "a": [\n    1,\n    []\n  ]\n}');
  });

  it("refuses an unreadable entry file", () => {
    expect(() => runParse("/nonexistent/nginx.conf", {})).toThrow(UsageError);
  });
});
