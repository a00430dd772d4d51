// The server's state: open documents, settings, and the latest lint, redone (debounced) when anything changes.
import type { Connection, Diagnostic } from "vscode-languageserver";
import { diskHost } from "../src/cli/disk-host.js";
import { mergeLintOptions } from "../src/config/load.js";
import { lint, type LintResult } from "../src/engine/lint.js";
import { configFileOptions } from "./config-file.js";
import { memoryHost, type Host } from "../src/workspace/host.js";
import { toDiagnostic } from "./diagnostics.js";
import { Documents } from "./documents.js";
import { adoptUnread, lintGroups, regroupStandalone, type LintGroup } from "./entries.js";
import { Lints } from "./lints.js";
import { configPathOf, lintOptions, type Settings } from "./settings.js";
import { Snapshot } from "./snapshot.js";
import { UriMap } from "./uri.js";

export interface SessionOptions {
  /** Quiet time after the last edit before linting; 0 lints on the next turn of the event loop. */
  debounceMs: number;
}

export class Session {
  settings: Settings = {};
  /** Workspace folders, as paths. */
  roots: string[] = [];
  readonly uris = new UriMap();
  readonly documents: Documents;
  private readonly disk: Host = diskHost();
  private latest: Lints | undefined;
  private dirty = true;
  private timer: NodeJS.Timeout | undefined;
  /** What each URI was last sent, so files that are not open are re-sent only when their diagnostics change. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    readonly options: SessionOptions,
  ) {
    this.documents = new Documents((m) => connection.console.log(m));
  }

  /**
   * Set while the client's settings are being fetched: a first lint without them would flash diagnostics for
   * rules the user turned off. Requests still lint on demand.
   */
  waitingForSettings = false;

  /** Something that affects linting changed: lint again once edits pause. */
  changed(): void {
    this.dirty = true;
    if (this.waitingForSettings) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.current(), this.options.debounceMs);
  }

  /** Lints now: for a closed document, whose diagnostics should go at once. */
  changedNow(): void {
    this.dirty = true;
    this.current();
  }

  /**
   * The lint of the documents as they are now. Requests call this too, so a hover or a code action right after
   * an edit sees that edit instead of waiting out the debounce; the diagnostics go out with it.
   */
  current(): Lints {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty && this.latest) return this.latest;
    this.dirty = false;
    try {
      this.latest = this.lint();
    } catch (e) {
      // A bug in the core, not the user's fault: keep serving the last good lint rather than none.
      this.connection.console.error(`wslint: lint failed: ${(e as Error).stack ?? String(e)}`);
      this.latest ??= new Lints([], this.emptySnapshot());
      return this.latest;
    }
    this.publish(this.latest);
    return this.latest;
  }

  private lint(): Lints {
    const files: Record<string, string> = {};
    const open = new Map<string, number>();
    for (const doc of this.documents.all()) {
      const path = this.uris.pathOf(doc.uri);
      files[path] = doc.getText();
      open.set(path, doc.version);
    }
    // An unsaved buffer wins over the file on disk, for the open file and for any file that includes it.
    const host = memoryHost(files, this.disk);
    const groups = lintGroups(open.keys(), configPathOf(this.settings, this.roots), host);
    const lintGroup = (group: LintGroup): { result: LintResult; configError?: string } => {
      const file = configFileOptions(group.configFor, this.roots[0]);
      return { result: lint(group.entries, host, mergeLintOptions(file.options, lintOptions(this.settings))), configError: file.error };
    };
    const lints = groups.map(lintGroup);
    const reads = (g: number, path: string): boolean => lints[g]?.result.workspace.files.has(path) ?? false;
    const relint = (changed: Set<number>): void => {
      for (const g of changed) if (groups[g].open.length > 0) lints[g] = lintGroup(groups[g]);
    };
    // With one configured main config there is one group: nothing to move.
    if (!configPathOf(this.settings, this.roots)) {
      relint(regroupStandalone(groups, (g, path) => lints[g].result.workspace.trees.some((t) => t.entry === path), reads));
      // A document moved to an includer that itself moved away is read by no lint now: it goes to its own config.
      relint(adoptUnread(groups, reads));
    }
    const kept = groups.map((group, g) => ({ group, ...lints[g] })).filter(({ group }) => group.open.length > 0);
    this.reportConfigErrors(kept.flatMap(({ configError }) => (configError ? [configError] : [])));
    const unreadable = [...new Set(kept.flatMap(({ result }) => result.workspace.unreadable.map((u) => `wslint: cannot read ${u.path}: ${u.error}`)))].join("\n");
    if (unreadable && unreadable !== this.lastUnreadable) this.connection.console.warn(unreadable);
    this.lastUnreadable = unreadable;
    const snapshots = kept.map(({ group, result }) => new Snapshot(result, new Map(group.open.map((path) => [path, open.get(path)!]))));
    return new Lints(snapshots, this.emptySnapshot());
  }

  private empty: Snapshot | undefined;

  /** What requests get when no lint read their file: made once, it never changes. */
  private emptySnapshot(): Snapshot {
    this.empty ??= new Snapshot(lint([], this.disk), new Map());
    return this.empty;
  }


  // Each said once while it lasts: the lint runs on every pause in typing, the same warning should not.
  private shownConfigErrors = new Set<string>();
  private lastUnreadable = "";

  /** One message per broken config file, when it breaks; not again while it stays broken, whatever else changes. */
  private reportConfigErrors(errors: string[]): void {
    const now = new Set(errors);
    for (const error of now) if (!this.shownConfigErrors.has(error)) void this.connection.window.showWarningMessage(`wslint: ${error}`);
    this.shownConfigErrors = now;
  }

  private publish(lints: Lints): void {
    // A file two lints read (a snippet shared by two projects) gets what both found, each thing once, at the most
    // severe of the severities the projects give it (so the order documents were opened in does not matter).
    const byFile = new Map<string, Diagnostic[]>();
    const seen = new Map<string, { list: Diagnostic[]; index: number }>();
    const versions = new Map<string, number>();
    // Every lint's related files first: which problems a file shows must not depend on the order of the lints.
    for (const snapshot of lints.snapshots) for (const file of snapshot.relatedFiles()) if (!byFile.has(file)) byFile.set(file, []);
    for (const snapshot of lints.snapshots) {
      for (const problem of snapshot.result.problems) {
        const list = byFile.get(problem.file);
        if (!list) continue;
        const diagnostic = toDiagnostic(problem, snapshot, this.uris);
        const key = `${problem.file}\0${problem.ruleId}\0${problem.range.start.offset}\0${problem.range.end.offset}\0${problem.message}`;
        const earlier = seen.get(key);
        if (!earlier) seen.set(key, { list, index: list.push(diagnostic) - 1 });
        // LSP severities: 1 error, 2 warning, 3 information; lower is more severe.
        else if ((diagnostic.severity ?? 3) < (earlier.list[earlier.index].severity ?? 3)) earlier.list[earlier.index] = diagnostic;
      }
      for (const [file, version] of snapshot.open) versions.set(file, version);
    }
    const sent = new Set<string>();
    for (const [file, diagnostics] of byFile) {
      const uri = this.uris.uriOf(file);
      sent.add(uri);
      const json = JSON.stringify(diagnostics);
      const version = versions.get(file);
      // An open document always gets an answer for its version: clients (and the tests) wait for it.
      if (version === undefined && this.published.get(uri) === json) continue;
      this.published.set(uri, json);
      void this.connection.sendDiagnostics({ uri, version, diagnostics });
    }
    // Files no longer related to any open document (closed, or no longer included) are cleared.
    for (const uri of [...this.published.keys()]) {
      if (sent.has(uri)) continue;
      this.published.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }
}
