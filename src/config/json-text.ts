// Parses a config file's JSON and, when it is malformed, says where: V8's messages lack a position on some
// errors (`Unexpected token 'x', "..." is not valid JSON`) and change between Node versions.

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string; line: number; column: number };

/** Strict JSON (RFC 8259); a leading UTF-8 byte order mark is allowed, as editors on Windows write one. */
export function parseJsonText(text: string): JsonParseResult {
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  const body = text.slice(bom);
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    // JSON.parse decides validity; the scanner only finds the place and words the reason.
    const found = locateError(body) ?? { offset: body.length, message: (error as Error).message };
    return { ok: false, message: found.message, ...lineColumn(text, found.offset + bom) };
  }
}

/** 1-based line and column (UTF-16 code units, as editors count) of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Located {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

function locateError(text: string): Located | undefined {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new Located(at, message);
  };
  const describe = (at: number): string => (at >= text.length ? "end of file" : JSON.stringify(text[at]));
  const unexpected = (expected: string): never => {
    if (text[i] === "/") fail("comments are not allowed in JSON");
    return fail(`expected ${expected}, found ${describe(i)}`);
  };
  const ws = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const string = (): void => {
    const start = i++;
    for (;;) {
      if (i >= text.length) fail("unterminated string", start);
      const ch = text.charCodeAt(i);
      if (ch === 0x22) break;
      if (ch < 0x20) fail("line break or control character inside a string");
      if (ch === 0x5c) {
        const esc = text[i + 1];
        if (esc === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("invalid \\u escape");
          i += 6;
          continue;
        }
        if (esc === undefined || !"\"\\/bfnrt".includes(esc)) fail(`invalid escape "\\${esc ?? ""}"`);
        i += 2;
        continue;
      }
      i++;
    }
    i++;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === "{") return container("}", true);
    if (ch === "[") return container("]", false);
    if (ch === '"') return string();
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = i;
    if (ch !== undefined && "-0123456789".includes(ch)) {
      if (!number.test(text)) fail("invalid number");
      i = number.lastIndex;
      return;
    }
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (ch === "'") fail("strings must use double quotes");
    unexpected("a value");
  };
  const container = (close: string, object: boolean): void => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      if (object) {
        ws();
        if (text[i] !== '"') unexpected("a property name in double quotes");
        string();
        ws();
        if (text[i] !== ":") unexpected('":"');
        i++;
      }
      value();
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      if (text[i] !== ",") unexpected(`"," or "${close}"`);
      const comma = i++;
      ws();
      if (text[i] === close) fail("trailing comma is not allowed in JSON", comma);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) unexpected("end of file");
    return undefined;
  } catch (error) {
    if (error instanceof Located) return error;
    throw error;
  }
}
