// Where wslint's `parse` payload differs from crossplane 0.5.7's on the corpus, and why: each entry turns the
// reference into the nginx-faithful payload wslint prints.
import type { Payload, Statement } from "../../src/crossplane/payload.js";

export interface KnownDifference {
  name: string;
  reason: string;
  /** Reference files (relative to the corpus) the difference shows in. */
  references: string[];
  /** Turns the reference (a private copy) into what wslint prints. */
  adjust?: (reference: Payload) => void;
  /** Instead of `adjust`: asserts the difference itself, for gaps that wslint should close. */
  check?: (actual: Payload, reference: Payload) => void;
}

const both = (base: string): string[] => [`${base}.json`, `${base}.comments.json`];

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    name: "`${` glues the blank that follows the variable into the word",
    reason:
      "crossplane's lexer, once it sees `${`, reads up to the `}` and then appends the next character whatever it is, " +
      "so `/abc/${uri} /abc/${uri}.html` becomes one argument; nginx ends a word at the blank (messy/nginx.conf:19).",
    references: [...both("crossplane-tests/messy/crossplane"), ...both("nginx-go-crossplane-testdata/messy/crossplane")],
    adjust: (p) =>
      replaceArgs(p.config[0].parsed, 19, (args) => args.flatMap((a) => (a === "/abc/${uri} /abc/${uri}.html" ? ["/abc/${uri}", "/abc/${uri}.html"] : [a]))),
  },
  {
    name: "`${url ;`: the blank after an unclosed `${` is glued into the word",
    reason:
      "The same crossplane lexer bug: `${url ;` gives the argument \"${url \" (blank included); nginx's word is `${url` " +
      "(broken1/nginx.conf:5).",
    references: both("nginx-go-crossplane-testdata/broken1/crossplane"),
    adjust: (p) => replaceArgs(p.config[0].parsed, 5, (args) => args.map((a) => (a === "${url " ? "${url" : a))),
  },
  {
    name: "a comment ending in a backslash keeps it",
    reason:
      "crossplane glues a backslash to the character after it before anything else, so `\\` + newline ends the comment " +
      "and the backslash is lost; nginx skips a comment up to the newline and the backslash is part of it (messy/nginx.conf:2).",
    references: ["crossplane-tests/messy/crossplane.comments.json", "nginx-go-crossplane-testdata/messy/crossplane.comments.json"],
    adjust: (p) => {
      const comment = p.config[0].parsed.find((s) => s.directive === "#" && s.line === 2)!;
      comment.comment += "\\";
    },
  },
  {
    name: '`"a"b`: nginx needs a blank after a closing quote',
    reason:
      'crossplane ends a quoted word at its closing quote and starts another (`"left"-quote` gives `left`, `-quote`); nginx ' +
      'stops with `unexpected "-"`. wslint reports it and drops the statement, as it drops any statement nginx rejects ' +
      "(quote-behavior/nginx.conf:1 and :2).",
    references: [...both("crossplane-tests/quote-behavior/crossplane"), ...both("nginx-go-crossplane-testdata/quote-behavior/crossplane")],
    adjust: (p) => {
      const errors = [
        { line: 1, error: 'unexpected "-" after a closing quote; nginx needs a space there in nginx.conf:1' },
        { line: 2, error: 'unexpected "l" after a closing quote; nginx needs a space there in nginx.conf:2' },
      ];
      for (const { line, error } of errors) addError(p, 0, line, error);
      p.config[0].parsed = p.config[0].parsed.filter((s) => s.line !== 1 && s.line !== 2);
    },
  },
  {
    name: "limit_req_zone takes three arguments in open-source nginx",
    reason:
      "crossplane's table allows `sync` (an NGINX Plus parameter, TAKE34); wslint's reference follows open-source nginx, " +
      "where limit_req_zone is TAKE3, so `... rate=1r/s sync` is an invalid number of arguments (limit-req-zone/nginx.conf:15).",
    references: both("nginx-go-crossplane-testdata/limit-req-zone/crossplane"),
    adjust: (p) => {
      addError(p, 0, 15, 'invalid number of arguments in "limit_req_zone" directive in nginx.conf:15');
      const http = p.config[0].parsed.find((s) => s.directive === "http")!;
      http.block = http.block!.filter((s) => s.directive !== "limit_req_zone");
    },
  },
  {
    name: "a block directive that fails a check is dropped with its block",
    reason:
      "crossplane drops `if () {` (no arguments once the parentheses are stripped) but not its block, so `return 500;` " +
      "lands in the enclosing location and the if's `}` closes that location early; wslint drops the whole statement " +
      "(if-check/nginx.conf:29-31).",
    references: both("nginx-go-crossplane-testdata/if-check/crossplane"),
    adjust: (p) => removeStatement(p.config[0].parsed, (s) => s.directive === "return" && s.line === 30),
  },
  {
    name: "end of file right after a word",
    reason:
      "The file ends with `listen` and no newline: crossplane never emits a word that is not followed by a blank or a " +
      "delimiter, so its last token is the `{` of line 2; wslint reads `listen` and reports the end of the file at " +
      "line 3 (premature-eof/nginx.conf).",
    references: both("nginx-go-crossplane-testdata/premature-eof/crossplane"),
    adjust: (p) => {
      for (const e of [...p.errors, ...p.config[0].errors]) {
        e.error = e.error.replace("nginx.conf:2", "nginx.conf:3");
        e.line = 3;
      }
    },
  },
];

function addError(p: Payload, index: number, line: number, error: string): void {
  p.status = p.config[index].status = "failed";
  p.errors.push({ file: p.config[index].file, error, line });
  p.config[index].errors.push({ error, line });
}

function replaceArgs(list: Statement[], line: number, edit: (args: string[]) => string[]): void {
  for (const s of list) {
    if (s.line === line && s.directive !== "#") s.args = edit(s.args);
    if (s.block) replaceArgs(s.block, line, edit);
  }
}

function removeStatement(list: Statement[], match: (s: Statement) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) {
    if (match(list[i])) list.splice(i, 1);
    else if (list[i].block) removeStatement(list[i].block!, match);
  }
}
