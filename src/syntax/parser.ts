// The Chevrotain grammar of nginx configuration: statements, blocks and raw Lua bodies, building the AST
// directly in embedded actions (one pass, no intermediate CST: the benchmark's 58k-line config parses in
// well under half the time the CST route took).
import { EmbeddedActionsParser, type IToken } from "chevrotain";
import type { Block, Comment, Directive, QuoteKind, Range, Word } from "./ast.js";
import {
  allTokens,
  AnyWord,
  DoubleQuoted,
  LCurly,
  LuaBody,
  RCurly,
  Semicolon,
  SingleQuoted,
  UnterminatedQuoted,
} from "./tokens.js";
import { LineIndex } from "./line-index.js";
import { tokenEnd, tokenRange, wordFromToken } from "./words.js";

export interface SyntaxIssue {
  message: string;
  range: Directive["range"];
}

class NginxParser extends EmbeddedActionsParser {
  /** Problems found while building the tree; reset by `begin()`. */
  issues: SyntaxIssue[] = [];
  private textLength = 0;
  private lines = new LineIndex("");
  /** Every unclosed block ends at the same place; nginx reports the end of file once. */
  private eofReported = false;

  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  begin(tokens: IToken[], lines: LineIndex, textLength: number): void {
    this.input = tokens;
    this.lines = lines;
    this.issues = [];
    this.eofReported = false;
    this.textLength = textLength;
  }

  // Chevrotain's OR and MANY take closures; building them on every call dominated parse time, so the
  // alternatives are built once and pass results through these fields (never live across a SUBRULE).
  private argTokens: IToken[] = [];
  private terminator: IToken | undefined;
  private terminatorBlock: Block | undefined;

  private readonly collectArg = (): void => {
    this.argTokens.push(this.CONSUME2(AnyWord));
  };

  private readonly terminatorAlts = [
    { ALT: (): void => this.setTerminator(this.CONSUME(Semicolon), undefined) },
    { ALT: (): void => this.setTerminator(this.CONSUME(LuaBody), undefined) },
    { ALT: (): void => this.setTerminator(undefined, this.SUBRULE(this.block)) },
    { ALT: (): void => this.setTerminator(undefined, undefined) }, // nothing ends it: `}` or end of file follows
  ];

  private readonly statementAlts = [
    {
      ALT: (): Directive | undefined => {
        const nameToken = this.CONSUME(AnyWord);
        const argTokens: IToken[] = (this.argTokens = []);
        this.MANY(this.collectArg);
        this.OR2(this.terminatorAlts);
        const end = this.terminator;
        const block = this.terminatorBlock;
        return this.RECORDING_PHASE ? undefined : this.directive(nameToken, argTokens, end, block);
      },
    },
    {
      ALT: (): undefined => {
        const t = this.OR3(this.strayAlts);
        if (!this.RECORDING_PHASE) this.issue(`unexpected "${t.image}"`, t);
        return undefined;
      },
    },
  ];

  private readonly strayAlts = [{ ALT: (): IToken => this.CONSUME2(Semicolon) }, { ALT: (): IToken => this.CONSUME(LCurly) }];

  private readonly topLevelAlts = [
    { ALT: (): Directive | undefined => this.SUBRULE(this.statement) },
    {
      // At the top level a `}` closes nothing.
      ALT: (): undefined => {
        const t = this.CONSUME(RCurly);
        if (!this.RECORDING_PHASE) this.issue('unexpected "}"', t);
        return undefined;
      },
    },
  ];

  public file = this.RULE("file", (): Directive[] => {
    const directives: Directive[] = [];
    this.MANY(() => {
      const d = this.OR(this.topLevelAlts);
      if (d) directives.push(d);
    });
    return directives;
  });

  /** One statement; a stray `;` or `{` (no directive name before it) is only reported. */
  private statement = this.RULE("statement", (): Directive | undefined => this.OR(this.statementAlts));

  private block = this.RULE("block", (): Block => {
    const open = this.CONSUME(LCurly);
    const directives: Directive[] = [];
    this.MANY(() => {
      const d = this.SUBRULE(this.statement);
      if (d) directives.push(d);
    });
    const close = this.OPTION(() => this.CONSUME(RCurly));
    if (this.RECORDING_PHASE) return undefined as unknown as Block;
    if (!close) this.endOfFile('unexpected end of file, expecting "}"', open.startOffset);
    const lastDirective = directives[directives.length - 1];
    const end = close ? tokenEnd(close) : lastDirective ? lastDirective.endOffset : tokenEnd(open);
    return new LazyBlock(directives, this.lines, open.startOffset, end, close !== undefined);
  });

  private setTerminator(end: IToken | undefined, block: Block | undefined): void {
    this.terminator = end;
    this.terminatorBlock = block;
  }

  private directive(nameToken: IToken, argTokens: IToken[], end: IToken | undefined, block: Block | undefined): Directive {
    const name = this.word(nameToken);
    const args = argTokens.map((t) => this.word(t));
    let rawBody: Directive["rawBody"];
    let recovered = false;
    if (end?.tokenType === LuaBody) rawBody = this.luaBody(end);
    else if (!end && !block) {
      recovered = true;
      // The range runs to what revealed the problem (a `}`, or the end of the file), which is where nginx
      // reports it.
      const next = this.LA(1);
      const atBrace = next.tokenType === RCurly;
      const what = atBrace ? 'unexpected "}"' : 'unexpected end of file, expecting ";" or "}"';
      const to = atBrace ? tokenEnd(next) : this.textLength;
      const message = `directive "${name.value}" is not terminated by ";" (${what})`;
      if (atBrace) this.issueRange(message, this.lines.range(nameToken.startOffset, to));
      else this.endOfFile(message, nameToken.startOffset);
    }
    const lastToken = argTokens[argTokens.length - 1] ?? nameToken;
    const endOffset = block ? block.endOffset : tokenEnd(end ?? lastToken);
    return new LazyDirective(name, args, block, rawBody, recovered, this.lines, nameToken.startOffset, endOffset);
  }

  private word(token: IToken): Word {
    const type = token.tokenType;
    if (type === UnterminatedQuoted) {
      this.endOfFile('unexpected end of file, expecting ";" or "}" (a quote is never closed)', token.startOffset);
      return wordFromToken(token, this.lines, token.image[0] === '"' ? "double" : "single", false);
    }
    const quote: QuoteKind = type === DoubleQuoted ? "double" : type === SingleQuoted ? "single" : "none";
    return wordFromToken(token, this.lines, quote);
  }

  private luaBody(token: IToken): Directive["rawBody"] {
    const image = token.image;
    const closed = image.length > 1 && image.endsWith("}");
    if (!closed) this.endOfFile('unexpected end of file, expecting "}" (the Lua block is never closed)', token.startOffset);
    return { text: image.slice(1, closed ? -1 : undefined), range: tokenRange(this.lines, token) };
  }

  /**
   * The file ended too early: reported once (every open block and statement ends there too), with a range
   * from what was left open to the end of the file, the line nginx names.
   */
  private endOfFile(message: string, from: number): void {
    if (this.eofReported) return;
    this.eofReported = true;
    this.issueRange(message, this.lines.range(from, this.textLength));
  }

  private issue(message: string, token: IToken): void {
    this.issueRange(message, tokenRange(this.lines, token));
  }

  private issueRange(message: string, range: Directive["range"]): void {
    this.issues.push({ message, range });
  }
}

const NO_COMMENTS: readonly Comment[] = Object.freeze([]);

/** Ranges of directives and blocks are built on first use: most are never asked for. */
class LazyDirective implements Directive {
  // Shared while empty (nearly always): one array per directive was measurable garbage on large configs.
  innerComments: Directive["innerComments"] = NO_COMMENTS;
  private cachedRange: Range | undefined;

  constructor(
    readonly name: Word,
    readonly args: Word[],
    readonly block: Block | undefined,
    readonly rawBody: Directive["rawBody"],
    readonly recovered: boolean,
    private readonly lines: LineIndex,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {}

  get range(): Range {
    return (this.cachedRange ??= this.lines.range(this.startOffset, this.endOffset));
  }
}

class LazyBlock implements Block {
  private cachedRange: Range | undefined;

  constructor(
    readonly directives: Directive[],
    private readonly lines: LineIndex,
    readonly startOffset: number,
    readonly endOffset: number,
    readonly closed: boolean,
  ) {}

  get range(): Range {
    return (this.cachedRange ??= this.lines.range(this.startOffset, this.endOffset));
  }
}

/** One parser instance, reused: Chevrotain's self-analysis is costly, parsing is not. */
export const nginxParser = new NginxParser();
