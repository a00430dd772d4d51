// Derives how many arguments a directive takes from the markdown syntax lines of the nginx reference.

export interface ArgCount {
  min: number;
  max: number; // Infinity when the syntax repeats something with "..."
}

type Token = "text" | "open" | "close" | "bar" | "ellipsis" | "space";

/**
 * Markdown to plain syntax: backticks only format, and `*` outside a code span is emphasis (inside one it is
 * literal, as in location's `~*`). Brackets, bars and ellipses keep their meaning inside code spans too
 * (`gzip[=]`, `{...}`), so they cannot be told apart by formatting.
 */
function plain(markdown: string): string {
  let out = "";
  let inCode = false;
  for (const ch of markdown) {
    if (ch === "`") inCode = !inCode;
    else if (ch !== "*" || inCode) out += ch;
  }
  return out;
}

// Order matters: the block marker `{...}` must win over the ellipsis inside it, and a quoted run (perl's
// 'sub { ... }') is one literal word whatever it contains.
const TOKEN = /\{\.\.\.\}|\.\.\.|…|'[^']*'|\s+|[[\]|]|[^\s[\]|'….{]+|[.{']/y;

/**
 * A bar with no space on either side chooses within one word (`ipv6only=on|off`, perl's
 * `module::function|'sub {...}'`); a spaced bar chooses between sequences of words (`code [text] | URL`).
 */
function wordInternal(text: string, at: number): boolean {
  const before = text[at - 1];
  const after = text[at + 1];
  return before !== undefined && after !== undefined && !/\s/.test(before) && !/\s/.test(after);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(text)) !== null) {
    const t = match[0];
    if (t === "{...}") continue; // the block itself is not an argument
    if (/^\s/.test(t)) tokens.push("space");
    else if (t === "[") tokens.push("open");
    else if (t === "]") tokens.push("close");
    else if (t === "|") tokens.push(wordInternal(text, match.index) ? "text" : "bar");
    else if (t === "..." || t === "…") tokens.push("ellipsis");
    else tokens.push("text");
  }
  return tokens;
}

/**
 * alternatives := sequence ("|" sequence)*
 * sequence     := (word "..."?)*
 * word         := (text | "[" alternatives "]")+   -- pieces with no space between them
 * A word with any literal text is one argument however many optional pieces hang on it (`address[:port]`,
 * `threads[=pool]`); a word made only of a bracket group is that optional group.
 */
class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): ArgCount {
    return this.alternatives();
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private skipSpace(): void {
    while (this.peek() === "space") this.pos++;
  }

  private alternatives(): ArgCount {
    const result = this.sequence();
    while (this.peek() === "bar") {
      this.pos++;
      const next = this.sequence();
      result.min = Math.min(result.min, next.min);
      result.max = Math.max(result.max, next.max);
    }
    return result;
  }

  private sequence(): ArgCount {
    const total: ArgCount = { min: 0, max: 0 };
    let last: ArgCount | undefined;
    for (;;) {
      this.skipSpace();
      const kind = this.peek();
      if (kind === undefined || kind === "close" || kind === "bar") return total;
      if (kind === "ellipsis") {
        this.pos++;
        if (last && last.max > 0) total.max = Infinity;
        continue;
      }
      last = this.word();
      total.min += last.min;
      total.max += last.max;
    }
  }

  private word(): ArgCount {
    let hasText = false;
    const groups: ArgCount = { min: 0, max: 0 };
    for (;;) {
      const kind = this.peek();
      if (kind === "text") {
        hasText = true;
        this.pos++;
      } else if (kind === "open") {
        this.pos++;
        groups.max += this.alternatives().max;
        if (this.peek() === "close") this.pos++;
      } else {
        return hasText ? { min: 1, max: 1 } : groups;
      }
    }
  }
}

/** Arguments of one syntax line, not counting the block. */
export function argumentsOfLine(markdown: string): ArgCount {
  return new Parser(tokenize(plain(markdown))).parse();
}

/** Several syntax lines are alternatives: the fewest any line needs, the most any line allows. */
export function argumentsOfSyntax(lines: readonly string[]): ArgCount {
  if (lines.length === 0) return { min: 0, max: 0 };
  const counts = lines.map(argumentsOfLine);
  return {
    min: Math.min(...counts.map((c) => c.min)),
    max: Math.max(...counts.map((c) => c.max)),
  };
}
