// The model rules read: the include-expanded trees, the target nginx version and the symbols the config defines.
import type { Workspace } from "../workspace/workspace.js";
import type { ConfigTree } from "../workspace/tree.js";
import { collectSymbols, type Symbols } from "./symbols.js";
import { findWebSocketLocations, oncePerLocation, type WebSocketLocation } from "./websocket.js";
import type { NginxVersion } from "./version.js";
import { moduleOfLoadedName, thirdPartyModuleOf } from "../reference/third-party-modules.js";

export interface ModelOptions {
  nginxVersion: NginxVersion;
  /** Directive names of third-party modules the user declared as known. */
  extraDirectives: ReadonlySet<string>;
  /** Location paths the configuration declares as WebSocket endpoints. */
  websocketLocations?: readonly string[];
}

export class Model {
  private readonly symbolsByTree = new Map<ConfigTree, Symbols>();

  constructor(
    readonly workspace: Workspace,
    readonly options: ModelOptions,
  ) {
    // Every rule needs them: built here, so the model phase of lint()'s timings holds their cost.
    for (const tree of workspace.trees) this.symbolsByTree.set(tree, collectSymbols(tree));
  }

  /**
   * What one tree defines: its variables, upstreams and loaded modules. Per tree, because two main configs
   * linted in one run are two nginx instances: a map in one defines nothing for the other.
   */
  symbolsOf(tree: ConfigTree): Symbols {
    let symbols = this.symbolsByTree.get(tree);
    if (!symbols) this.symbolsByTree.set(tree, (symbols = collectSymbols(tree)));
    return symbols;
  }

  private websockets: WebSocketLocation[] | undefined;

  /** The locations that proxy WebSockets, each with the evidence that says so. */
  websocketLocations(): WebSocketLocation[] {
    this.websockets ??= findWebSocketLocations(this.trees, {
      symbolsOf: (tree) => this.symbolsOf(tree),
      declared: this.options.websocketLocations ?? [],
      commentsOf: (file) => this.workspace.files.get(file)?.file.comments ?? [],
    });
    return this.websockets;
  }

  private distinct: WebSocketLocation[] | undefined;

  /**
   * The WebSocket locations, one per location block: a location that proxies both in an `if` and directly is
   * one set of settings, so rules about its settings report (and fix) it once.
   */
  distinctWebsocketLocations(): WebSocketLocation[] {
    this.distinct ??= oncePerLocation(this.websocketLocations());
    return this.distinct;
  }

  /**
   * True for directives the user vouched for: declared as known (`modules`, `--known-directive`), or of a module
   * the tree loads with `load_module`: a third-party module we know the directives of (lua's `*_by_lua*`,
   * headers-more's `more_*`), or else any directive named after the module (its name as a prefix).
   */
  isDeclaredDirective(name: string, tree: ConfigTree): boolean {
    if (this.options.extraDirectives.has(name)) return true;
    // This runs for every directive: most configs load no module, and answer here.
    const modules = this.symbolsOf(tree).loadedModules;
    if (modules.length === 0) return false;
    const owner = thirdPartyModuleOf(name);
    return modules.some((m) => name === m || (name.startsWith(m) && name[m.length] === "_") || (owner !== undefined && moduleOfLoadedName(m) === owner));
  }

  /** The text of a loaded file, for fixes that insert or replace by offset. */
  textOf(file: string): string | undefined {
    return this.workspace.files.get(file)?.file.text;
  }

  get trees(): ConfigTree[] {
    return this.workspace.trees;
  }

  get nginxVersion(): NginxVersion {
    return this.options.nginxVersion;
  }
}
