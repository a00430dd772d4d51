// Argument counts derived from the reference's markdown syntax lines.
import { describe, expect, it } from "vitest";
import { argumentsOfLine, argumentsOfSyntax } from "../../src/reference/syntax-arguments.js";

describe("argumentsOfLine", () => {
  it.each([
    ["", 0, 0],
    [" `{...}`", 0, 0],
    ["*`URL`*", 1, 1],
    ["`on` | `off`", 1, 1],
    ["*`field`* *`value`*", 2, 2],
    ["*`name`* *`value`* [`always`]", 2, 3],
    ["*`string`* *`$variable`* `{...}`", 2, 2],
    ["[ `=` | `~` | `~*` | `^~` ] *`uri`* `{...}`", 1, 2],
    ["*`code`* ... [`=`[*`response`*]] *`uri`*", 2, Infinity],
    ["*`file`* ... =*`code`*", 2, Infinity],
    ["[*`code`* ...] *`time`*", 1, Infinity],
    ["*`path`* [*`level1`* [*`level2`* [*`level3`*]]]", 1, 4],
    ["*`name`* [`escape`=`default`|`json`|`none`] *`string`* ...", 2, Infinity],
    ["`zone`=*`name`* [`burst`=*`number`*] [`nodelay` | `delay`=*`number`*]", 1, 3],
    ["*`path`* [*`format`* [`buffer`=*`size`*] [`gzip[=]`] [`flush`=*`time`*] [`if`=*`condition`*]]", 1, 6],
    ["*`string`* [`token=`*`$variable`*] | `off`", 1, 2],
    ["`off` | `none` | [`builtin`[:*`size`*]] [`shared`:*`name`*:*`size`*]", 0, 2],
    ["*`$variable`* *`module`*::*`function`*|'sub { ... }'", 2, 2],
    ["`on` | `off` | `threads`[`=`*`pool`*]", 1, 1],
    ["*`name.json`* | *`name`* from *`file.json`*", 1, 3],
    ["`GET` | `HEAD` | `POST` ...", 1, Infinity],
    ["*`address`*[:*`port`*] [`so_keepalive`=`on`|`off`|[*`keepidle`*]:[*`keepintvl`*]:[*`keepcnt`*]]", 1, 2],
  ])("%j takes %i..%i", (line, min, max) => {
    expect(argumentsOfLine(line)).toEqual({ min, max });
  });
});

describe("argumentsOfSyntax", () => {
  it("takes the fewest and the most over all lines", () => {
    expect(argumentsOfSyntax(["*`code`* [*`text`*]", "*`code`* *`URL`*", "*`URL`*"])).toEqual({ min: 1, max: 2 });
    expect(argumentsOfSyntax(["`default`", "`off`", "*`redirect`* *`replacement`*"])).toEqual({ min: 1, max: 2 });
  });

  it("counts no lines as no arguments", () => {
    expect(argumentsOfSyntax([])).toEqual({ min: 0, max: 0 });
  });
});
