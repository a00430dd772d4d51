// Document URIs ↔ the absolute paths the core works with; the client's own spelling of a URI is kept for replies.
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Editors spell one file's URI in more than one way (VS Code percent-encodes `:` on Windows drive letters);
 * answering in the spelling the client used for an open document keeps its diagnostics on that document.
 */
export class UriMap {
  private readonly uriOfPath = new Map<string, string>();

  /** The path of a URI; non-file URIs (untitled:, ...) get a stable pseudo-path so they can be linted in memory. */
  pathOf(uri: string): string {
    let path: string;
    if (uri.startsWith("file:")) {
      try {
        path = fileURLToPath(uri);
      } catch {
        path = pseudoPath(uri);
      }
    } else path = pseudoPath(uri);
    if (!this.uriOfPath.has(path)) this.uriOfPath.set(path, uri);
    return path;
  }

  uriOf(path: string): string {
    return this.uriOfPath.get(path) ?? pathToFileURL(path).href;
  }

  forget(path: string): void {
    this.uriOfPath.delete(path);
  }
}

function pseudoPath(uri: string): string {
  return resolve("/", "__wslint__", encodeURIComponent(uri));
}
