// The parser reads words, quotes, escapes, variables, comments, `if`, regexes and Lua bodies exactly as nginx
// does, with exact ranges, and reports syntax errors where nginx would, without losing the rest of the file.
import { describe, expect, it } from "vitest";
import type { Directive } from "../../src/syntax/ast.js";
import { parseConfig } from "../../src/syntax/parse.js";

const parse = (text: string) => parseConfig(text, "/t/nginx.conf");
const words = (d: Directive) => [d.name.value, ...d.args.map((a) => a.value)];
const at = (d: Directive) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`;

describe("words as nginx splits them", () => {
  it("ends a word at whitespace, `;` or `{`, but not at `}`", () => {
    const { file, issues } = parse("rewrite a}b c;\nx d{e;}\n");
    expect(issues).toEqual([]);
    expect(words(file.directives[0])).toEqual(["rewrite", "a}b", "c"]);
    expect(words(file.directives[1])).toEqual(["x", "d"]);
    expect(file.directives[1].block).toBeDefined();
  });

  it("keeps ${var} braces in the word, and a `$` alone", () => {
    const { file, issues } = parse("set $a ${b}c;\nreturn 200 $;\n");
    expect(issues).toEqual([]);
    expect(words(file.directives[0])).toEqual(["set", "$a", "${b}c"]);
    expect(words(file.directives[1])).toEqual(["return", "200", "$"]);
  });

  it("opens quotes only at the start of a word and unescapes as nginx copies words", () => {
    const { file } = parse(`add_header X-A 'it\\'s "ok"' ab"cd"ef "tab\\there" \\"bare\\";\n`);
    const [, , single, midQuotes, tab, bare] = words(file.directives[0]);
    expect(single).toBe(`it's "ok"`);
    expect(midQuotes).toBe(`ab"cd"ef`);
    expect(tab).toBe("tab\there");
    expect(bare).toBe(`"bare"`);
    expect(file.directives[0].args.map((a) => a.quote)).toEqual(["none", "single", "none", "double", "none"]);
  });

  it("lets a quoted word span lines and reports `\"a\"b` as nginx does", () => {
    const { file, issues } = parse(`log_format main "a\nb";\nadd_header X "DENY"always;\n`);
    expect(file.directives[0].args[1].value).toBe("a\nb");
    expect(issues.map((i) => [i.message, i.range.start.line, i.range.start.column])).toEqual([
      ['unexpected "a" after a closing quote; nginx needs a space there', 3, 20],
    ]);
  });

  it("reads `if (...)` as nginx's tokenizer does, the closing parenthesis after a quote included", () => {
    const { file, issues } = parse(`if ($http_origin = "https://a.example") { return 403; }\n`);
    expect(issues).toEqual([]);
    expect(words(file.directives[0])).toEqual(["if", "($http_origin", "=", "https://a.example", ")"]);
  });

  it("splits an unquoted regex at its `{` as nginx does, and keeps a quoted one whole", () => {
    const unquoted = parse("location ~ ^/v\\d{2}/ { }\n").file.directives[0];
    expect(words(unquoted)).toEqual(["location", "~", "^/v\\d"]);
    const quoted = parse('location ~ "^/v\\d{2}/" { }\n').file.directives[0];
    expect(words(quoted)).toEqual(["location", "~", "^/v\\d{2}/"]);
  });
});

describe("comments, ranges and line endings", () => {
  it("keeps comments with positions, and those between words on their directive", () => {
    const { file } = parse("# top\nproxy_pass # between\n  http://a;  # after\n");
    expect(file.comments.map((c) => [c.text, c.range.start.line, c.range.start.column])).toEqual([
      [" top", 1, 1],
      [" between", 2, 12],
      [" after", 3, 14],
    ]);
    expect(file.directives[0].innerComments.map((c) => c.text)).toEqual([" between"]);
    expect(words(file.directives[0])).toEqual(["proxy_pass", "http://a"]);
  });

  it("gives every directive and word an exact range, blocks included", () => {
    const { file } = parse("http {\n    server {\n        listen 80;\n    }\n}\n");
    const http = file.directives[0];
    const listen = http.block!.directives[0].block!.directives[0];
    expect(at(http)).toBe("1:1-5:2");
    expect(at(listen)).toBe("3:9-3:19");
    expect(listen.args[0].range).toMatchObject({ start: { line: 3, column: 16, offset: 35 }, end: { line: 3, column: 18, offset: 37 } });
  });

  it("counts lines by LF as nginx does: CRLF works, a lone CR is no newline", () => {
    const crlf = parse("events {}\r\nhttp {\r\n    bogus;\r\n}\r\n").file;
    expect(crlf.directives[1].block!.directives[0].range.start.line).toBe(3);
    const cr = parse("a 1;\rb 2;\n").file;
    expect(cr.directives.map((d) => d.range.start.line)).toEqual([1, 1]);
  });
});

describe("Lua blocks", () => {
  it("reads *_by_lua_block bodies raw, braces in strings, comments and long brackets included", () => {
    const text = 'content_by_lua_block {\n  local s = "}" -- }\n  local t = [[ } ]]\n  ngx.say(s, t)\n}\nset_by_lua_block $x { return "{" }\n';
    const { file, issues } = parse(text);
    expect(issues).toEqual([]);
    expect(file.directives.map((d) => d.name.value)).toEqual(["content_by_lua_block", "set_by_lua_block"]);
    expect(file.directives[0].rawBody?.text).toContain("ngx.say(s, t)");
    expect(words(file.directives[1])).toEqual(["set_by_lua_block", "$x"]);
    expect(file.directives[1].rawBody?.text).toBe(' return "{" ');
  });
});

describe("syntax errors, where nginx names them, without losing the rest", () => {
  const report = (text: string) => parse(text).issues.map((i) => `${i.range.start.line}-${i.range.end.line} ${i.message}`);

  it("a missing `;` before `}` runs to the `}`, the line nginx names", () => {
    expect(report("http {\n    server {\n        listen 80\n    }\n    bogus;\n}\n")).toEqual([
      '3-4 directive "listen" is not terminated by ";" (unexpected "}")',
    ]);
  });

  it("an unclosed block ends at the end of the file, once, however many blocks are open", () => {
    expect(report("http {\n    server {\n        listen 80;\n")).toEqual(['2-4 unexpected end of file, expecting "}"']);
  });

  it("stray `}`, `;` and `{` are each reported and parsing goes on", () => {
    const { file, issues } = parse("}\n;\n{\nworker_processes 1;\n");
    expect(issues.map((i) => i.message)).toEqual(['unexpected "}"', 'unexpected ";"', 'unexpected "{"']);
    expect(file.directives.map((d) => d.name.value)).toContain("worker_processes");
  });

  it("an unclosed quote runs to the end of the file", () => {
    expect(report('events {}\nhttp {\n    add_header X "open;\n}\n')).toEqual([
      '3-5 unexpected end of file, expecting ";" or "}" (a quote is never closed)',
    ]);
  });
});
