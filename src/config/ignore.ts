// The `ignore` globs: resolved against the config file's directory, then matched against absolute file paths.
import { dirname, isAbsolute, posix } from "node:path";

/**
 * Makes config globs absolute, the way .gitignore reads them: a pattern without a slash (`*.bak`) matches at
 * any depth under the config's directory, one with a slash is relative to it, an absolute one stays.
 */
export function resolveIgnoreGlobs(patterns: readonly string[], configPath: string | undefined): string[] {
  // The directory is a path, not a pattern: `a[b` or `v[1]` in it must match themselves.
  const base = configPath ? escapeGlob(dirname(configPath)) : undefined;
  return patterns.map((raw) => {
    const pattern = raw.replace(/^\.\//, "");
    if (isAbsolute(pattern) || !base) return pattern;
    return pattern.replace(/\/$/, "").includes("/") ? posix.join(base, pattern) : posix.join(base, "**", pattern);
  });
}

/**
 * A predicate over absolute paths; a pattern that matches a directory also matches everything inside it. The
 * globs must be valid (see ignoreGlobError): src/config/validate.ts rejects a config with an invalid one.
 */
export function ignoreMatcher(globs: readonly string[]): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  const res = globs.map((g) => new RegExp(`^${globToSource(g.replace(/\/+$/, ""))}(?:/.*)?$`));
  return (file) => res.some((re) => re.test(file));
}

/** Why `glob` is not a valid ignore glob, or undefined when it is. */
export function ignoreGlobError(glob: string): string | undefined {
  try {
    globToSource(glob);
    return undefined;
  } catch (e) {
    if (e instanceof GlobSyntaxError) return e.message;
    throw e;
  }
}

class GlobSyntaxError extends Error {}

function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}\\]/g, "\\$&");
}

function escapeRegExp(ch: string): string {
  // `-` too: a literal one inside a bracket expression must not make a range.
  return ch.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}

/** Deeper brace nesting is refused: no real pattern needs it, and each level re-reads the pattern. */
const MAX_BRACE_NESTING = 10;

/**
 * `**` crosses directories, `*` and `?` do not; `[...]` and `{a,b}` as in shells; `\` makes the next character
 * literal. Dotfiles are not special. Throws GlobSyntaxError where a shell would quietly read the character
 * literally or match nothing (an unclosed `[` or `{`, a backwards range): a mistyped ignore should be reported.
 */
function globToSource(glob: string, braceDepth = 0): string {
  if (braceDepth > MAX_BRACE_NESTING) throw new GlobSyntaxError(`braces are nested more than ${MAX_BRACE_NESTING} deep`);
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "\\") {
      if (i + 1 === glob.length) throw new GlobSyntaxError('ends with a lone "\\" (write "\\\\" for a backslash)');
      re += escapeRegExp(glob[++i]);
    } else if (ch === "*" && glob[i + 1] === "*") {
      // `**/` may match no directory at all: `**/x` matches `x`.
      if (glob[i + 2] === "/") {
        re += "(?:.*/)?";
        i += 2;
      } else {
        re += ".*";
        i += 1;
      }
    } else if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else if (ch === "[") {
      const bracket = bracketToSource(glob, i);
      re += bracket.source;
      i = bracket.end;
    } else if (ch === "{") {
      const close = closingBrace(glob, i);
      re += `(?:${splitAlternatives(glob.slice(i + 1, close)).map((alternative) => globToSource(alternative, braceDepth + 1)).join("|")})`;
      i = close;
    } else re += escapeRegExp(ch);
  }
  return re;
}

/** `[abc]`, `[a-z]`, `[!a]` or `[^a]` from `open`; a `]` right after the opening (or `!`) is a member, as in shells. */
function bracketToSource(glob: string, open: number): { source: string; end: number } {
  let i = open + 1;
  const negated = glob[i] === "!" || glob[i] === "^";
  if (negated) i++;
  let members = "";
  // do-while: the first member is taken before looking for the closing "]", so `[]a]` holds "]".
  do {
    if (i >= glob.length) throw new GlobSyntaxError(`"[" at position ${open + 1} has no closing "]" (write "\\[" for a literal bracket)`);
    const from = classMember(glob, i);
    i = from.end + 1;
    if (glob[i] === "-" && i + 1 < glob.length && glob[i + 1] !== "]") {
      const to = classMember(glob, i + 1);
      if (from.char > to.char) throw new GlobSyntaxError(`the range "${from.char}-${to.char}" is backwards (write "${to.char}-${from.char}")`);
      members += `${escapeRegExp(from.char)}-${escapeRegExp(to.char)}`;
      i = to.end + 1;
    } else members += escapeRegExp(from.char);
  } while (glob[i] !== "]");
  // A negated class must not match "/" either: no single-character wildcard crosses directories.
  return { source: negated ? `[^/${members}]` : `[${members}]`, end: i };
}

/** One character of a bracket expression at `at`, a backslash escaping it; `end` is the index of its last character. */
function classMember(glob: string, at: number): { char: string; end: number } {
  if (glob[at] === "\\" && at + 1 < glob.length) return { char: glob[at + 1], end: at + 1 };
  return { char: glob[at], end: at };
}

/** Index of the `}` that closes the `{` at `open`, nested braces and escaped characters skipped. */
function closingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === "\\") i++;
    else if (glob[i] === "{") depth++;
    else if (glob[i] === "}" && --depth === 0) return i;
  }
  throw new GlobSyntaxError(`"{" at position ${open + 1} has no closing "}" (write "\\{" for a literal brace)`);
}

/** `a,b{c,d},e` into `a`, `b{c,d}`, `e`: only top-level, unescaped commas separate. */
function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "\\") i++;
    else if (body[i] === "{") depth++;
    else if (body[i] === "}") depth--;
    else if (body[i] === "," && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, body.slice(start)];
}
