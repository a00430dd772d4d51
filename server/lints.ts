// The latest lints of the open documents, one per wslint.config.json in use, and which one answers for a file.
import type { Snapshot } from "./snapshot.js";

export class Lints {
  constructor(
    readonly snapshots: readonly Snapshot[],
    /** What requests get when no lint read the file (nothing open, or a file no open document reaches). */
    private readonly empty: Snapshot,
  ) {}

  /** The lint where `path` is open, else the first one that read it, else an empty one. */
  for(path: string): Snapshot {
    return (
      this.snapshots.find((s) => s.open.has(path)) ??
      this.snapshots.find((s) => s.result.workspace.files.has(path)) ??
      this.empty
    );
  }
}
