// The open documents, kept from didOpen/didChange/didClose with every field checked: a malformed notification
// is dropped and logged, so it can never leave a broken document behind that poisons every later lint.
import type {
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  TextDocumentContentChangeEvent,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";

export class Documents {
  private readonly docs = new Map<string, TextDocument>();

  constructor(private readonly log: (message: string) => void) {}

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }

  /** Returns the opened document, or undefined when the message was unusable. */
  open(params: DidOpenTextDocumentParams): TextDocument | undefined {
    const td = params?.textDocument;
    if (!td || typeof td.uri !== "string" || typeof td.text !== "string") return this.drop("didOpen without uri and text");
    const doc = TextDocument.create(td.uri, typeof td.languageId === "string" ? td.languageId : "nginx", num(td.version), td.text);
    this.docs.set(td.uri, doc);
    return doc;
  }

  change(params: DidChangeTextDocumentParams): TextDocument | undefined {
    const uri = params?.textDocument?.uri;
    const doc = typeof uri === "string" ? this.docs.get(uri) : undefined;
    if (!doc) return this.drop(`didChange for a document that is not open: ${String(uri)}`);
    const changes = params.contentChanges;
    if (!Array.isArray(changes) || !changes.every(isChange)) return this.drop(`didChange with malformed contentChanges for ${uri}`);
    const version = typeof params.textDocument.version === "number" ? params.textDocument.version : doc.version + 1;
    const updated = TextDocument.update(doc, changes, version);
    this.docs.set(uri!, updated);
    return updated;
  }

  close(params: DidCloseTextDocumentParams): string | undefined {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== "string" || !this.docs.delete(uri)) return this.drop(`didClose for a document that is not open: ${String(uri)}`);
    return uri;
  }

  private drop(reason: string): undefined {
    this.log(`ignored: ${reason}`);
    return undefined;
  }
}

function num(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function isPosition(p: unknown): boolean {
  const q = p as { line?: unknown; character?: unknown } | null;
  return !!q && Number.isInteger(q.line) && Number.isInteger(q.character) && (q.line as number) >= 0 && (q.character as number) >= 0;
}

function isChange(c: unknown): c is TextDocumentContentChangeEvent {
  const change = c as { text?: unknown; range?: { start?: unknown; end?: unknown } } | null;
  if (!change || typeof change.text !== "string") return false;
  if (change.range === undefined) return true;
  return !!change.range && isPosition(change.range.start) && isPosition(change.range.end);
}
