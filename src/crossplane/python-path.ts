// Python's posixpath rules for the path strings crossplane prints: they are joined, never normalised.

export function isAbsolutePath(path: string): boolean {
  return path.startsWith("/");
}

/** posixpath.split: the part after the last slash, and the part before it without trailing slashes. */
export function splitPath(path: string): [head: string, tail: string] {
  const cut = path.lastIndexOf("/") + 1;
  let head = path.slice(0, cut);
  const tail = path.slice(cut);
  if (head !== "" && !/^\/+$/.test(head)) head = head.replace(/\/+$/, "");
  return [head, tail];
}

/** posixpath.dirname: `nginx.conf` has the directory "", so joining to it leaves paths relative and unchanged. */
export function dirnameOf(path: string): string {
  return splitPath(path)[0];
}

/** posixpath.join of two parts: an absolute second part wins; a slash is added only when missing. */
export function joinPath(dir: string, name: string): string {
  if (isAbsolutePath(name) || dir === "") return name;
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

/** glob.has_magic: the characters that make crossplane glob a pattern instead of opening it. */
export function hasMagic(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

/** Python's repr() of a str, as it appears in an OSError message: `'conf.d/x.conf'`. */
export function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch !== " " && /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u.test(ch)) out += pythonEscape(ch.codePointAt(0) ?? 0);
    else out += ch;
  }
  return out + quote;
}

function pythonEscape(code: number): string {
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}
