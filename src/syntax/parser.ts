// The Chevrotain grammar of nginx configuration: statements, blocks and raw Lua bodies, building the AST
// directly in embedded actions (one pass, no intermediate CST on 58k-line configs).
import { EmbeddedActionsParser, type IToken } from "chevrotain";
import type { Block, Directive, Word } from "./ast.js";
import {
  allTokens,
  DoubleQuoted,
  LCurly,
  LuaBody,
  RCurly,
  Semicolon,
  SingleQuoted,
  UnterminatedQuoted,
  Word as WordToken,
} from "./tokens.js";
import { endOf, rangeOf, spanOf, startOf, wordFromToken } from "./words.js";

export interface SyntaxIssue {
  message: string;
  range: Directive["range"];
}

class NginxParser extends EmbeddedActionsParser {
  /** Problems found while building the tree; reset by `begin()`. */
  issues: SyntaxIssue[] = [];
  private lastToken: IToken | undefined;
  /** Every unclosed block ends at the same place; nginx reports the end of file once. */
  private eofReported = false;

  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  begin(tokens: IToken[]): void {
    this.input = tokens;
    this.issues = [];
    this.eofReported = false;
    this.lastToken = tokens[tokens.length - 1];
  }

  public file = this.RULE("file", (): Directive[] => {
    const directives: Directive[] = [];
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            const d = this.SUBRULE(this.statementOrStray);
            if (d) this.ACTION(() => directives.push(d));
          },
        },
        {
          // At the top level a `}` closes nothing.
          ALT: () => {
            const t = this.CONSUME(RCurly);
            this.ACTION(() => this.issue('unexpected "}"', t));
          },
        },
      ]),
    );
    return directives;
  });

  private statementOrStray = this.RULE("statementOrStray", (): Directive | undefined =>
    this.OR([
      { ALT: () => this.SUBRULE(this.statement) },
      {
        // nginx: `;` or `{` with no directive name before it.
        ALT: () => {
          const t = this.OR2([{ ALT: () => this.CONSUME(Semicolon) }, { ALT: () => this.CONSUME(LCurly) }]);
          this.ACTION(() => this.issue(`unexpected "${t.image}"`, t));
          return undefined;
        },
      },
    ]),
  );

  private word = this.RULE("word", (): Word =>
    this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(WordToken);
          return this.ACTION(() => wordFromToken(t, "none"));
        },
      },
      { ALT: () => this.quoted(this.CONSUME(DoubleQuoted), "double") },
      { ALT: () => this.quoted(this.CONSUME(SingleQuoted), "single") },
      {
        ALT: () => {
          const t = this.CONSUME(UnterminatedQuoted);
          return this.ACTION(() => {
            this.issue('unexpected end of file, expecting ";" or "}" (a quote is never closed)', t);
            return wordFromToken(t, t.image[0] === '"' ? "double" : "single", false);
          });
        },
      },
    ]) as Word,
  );

  private statement = this.RULE("statement", (): Directive => {
    const name = this.SUBRULE(this.word);
    const args: Word[] = [];
    this.MANY(() => {
      const w = this.SUBRULE2(this.word);
      this.ACTION(() => args.push(w));
    });
    let endToken: IToken | undefined;
    let block: Block | undefined;
    let rawBody: Directive["rawBody"];
    let recovered = false;
    this.OR([
      { ALT: () => (endToken = this.CONSUME(Semicolon)) },
      {
        ALT: () => {
          endToken = this.CONSUME(LuaBody);
          this.ACTION(() => (rawBody = this.luaBody(endToken!)));
        },
      },
      {
        ALT: () => {
          block = this.SUBRULE(this.block);
        },
      },
      {
        // Nothing ends the statement: the next token is `}` or the end of the file.
        ALT: () =>
          this.ACTION(() => {
            recovered = true;
            const next = this.LA(1);
            const at = next.tokenType === RCurly ? next : undefined;
            const what = at ? 'unexpected "}"' : 'unexpected end of file, expecting ";" or "}"';
            this.issueRange(`directive "${name.value}" is not terminated by ";" (${what})`, {
              start: name.range.start,
              end: (args[args.length - 1] ?? name).range.end,
            });
          }),
      },
    ]);
    return this.ACTION(() => {
      const last = args[args.length - 1] ?? name;
      const end = block ? block.range.end : endToken ? endOf(endToken) : last.range.end;
      return {
        name,
        args,
        block,
        rawBody,
        innerComments: [],
        range: { start: name.range.start, end },
        recovered,
      };
    }) as Directive;
  });

  private block = this.RULE("block", (): Block => {
    const open = this.CONSUME(LCurly);
    const directives: Directive[] = [];
    this.MANY(() => {
      const d = this.SUBRULE(this.statementOrStray);
      if (d) this.ACTION(() => directives.push(d));
    });
    let close: IToken | undefined;
    this.OPTION(() => (close = this.CONSUME(RCurly)));
    return this.ACTION(() => {
      if (!close && !this.eofReported) {
        this.eofReported = true;
        const at = this.lastToken ?? open;
        this.issueRange('unexpected end of file, expecting "}"', { start: endOf(at), end: endOf(at) });
      }
      const lastDirective = directives[directives.length - 1];
      const end = close ? endOf(close) : lastDirective ? lastDirective.range.end : endOf(open);
      return { directives, range: { start: startOf(open), end }, closed: close !== undefined };
    }) as Block;
  });

  private quoted(token: IToken, quote: "double" | "single"): Word {
    return this.ACTION(() => wordFromToken(token, quote)) as Word;
  }

  private luaBody(token: IToken): Directive["rawBody"] {
    const image = token.image;
    const closed = image.length > 1 && image.endsWith("}");
    if (!closed) this.issue('unexpected end of file, expecting "}" (the Lua block is never closed)', token);
    const range = rangeOf(token);
    return { text: image.slice(1, closed ? -1 : undefined), range };
  }

  private issue(message: string, token: IToken): void {
    this.issueRange(message, spanOf(token, token));
  }

  private issueRange(message: string, range: Directive["range"]): void {
    this.issues.push({ message, range });
  }
}

/** One parser instance, reused: Chevrotain's self-analysis is costly, parsing is not. */
export const nginxParser = new NginxParser();
