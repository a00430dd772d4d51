// The directive reference: every directive of @nginx/reference-lib with its contexts, argument count and value kind.
import { Format, getDirectives } from "@nginx/reference-lib";
import { type ContextName, type Family, contextsOf, familyOf, familyOfModule } from "./contexts.js";
import { OVERRIDES } from "./overrides.js";
import { type ArgCount, argumentsOfSyntax } from "./syntax-arguments.js";
import { type ValueKind, valueKindOf } from "./value-kinds.js";
import { compareVersions } from "./versions.js";

export type { ArgCount } from "./syntax-arguments.js";
export type { ValueKind } from "./value-kinds.js";

export interface DirectiveSpec {
  name: string;
  module: string;
  block: boolean;
  contexts: ContextName[];
  /** Arguments, not counting the block; the range nginx's own "invalid number of arguments" check allows. */
  args: ArgCount;
  /** nginx older than `version` allowed only `args`; see argsFor. */
  argsBefore?: { version: string; args: ArgCount };
  /** Set when the single argument must be of that kind (flag = on|off). */
  value?: ValueKind;
  /** Markdown syntax lines from the reference. */
  syntax: string[];
  /** Markdown. */
  default: string;
  /** Markdown. */
  description: string;
}

interface Index {
  all: DirectiveSpec[];
  byName: Map<string, DirectiveSpec[]>;
  families: Map<DirectiveSpec, Set<Family>>;
}

// getDirectives() builds a fresh list of ~970 entries per call: do it once, on first use rather than at import.
let index: Index | undefined;

function load(): Index {
  const all: DirectiveSpec[] = [];
  const byName = new Map<string, DirectiveSpec[]>();
  const families = new Map<DirectiveSpec, Set<Family>>();
  const seen = new Set<string>();
  for (const d of getDirectives(Format.Markdown)) {
    // The reference repeats some entries verbatim (acme's ssl_verify, state_path, ...).
    const key = `${d.module}\0${d.name}\0${d.contexts.join(" ")}\0${d.syntax.join("\n")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const contexts = contextsOf(d.module, d.contexts);
    const spec = new ReferenceDirective(d, contexts);
    all.push(spec);
    const named = byName.get(d.name);
    if (named) named.push(spec);
    else byName.set(d.name, [spec]);
    families.set(spec, new Set([familyOfModule(d.module, d.contexts), ...contexts.map(familyOf)]));
  }
  return { all, byName, families };
}

type ReferenceEntry = ReturnType<typeof getDirectives>[number];

/**
 * One directive of the reference. Argument counts and value kinds are read from the syntax lines on first use:
 * a run looks up a few dozen of the ~970 directives, and deriving them all was a tenth of the CLI's start-up.
 */
class ReferenceDirective implements DirectiveSpec {
  readonly name: string;
  readonly module: string;
  readonly block: boolean;
  readonly syntax: string[];
  readonly default: string;
  readonly description: string;
  readonly argsBefore?: { version: string; args: ArgCount };
  private derived: { args: ArgCount; value: ValueKind | undefined } | undefined;

  constructor(
    d: ReferenceEntry,
    readonly contexts: ContextName[],
  ) {
    this.name = d.name;
    this.module = d.module;
    this.block = d.isBlock;
    this.syntax = d.syntax;
    this.default = d.default;
    this.description = d.description;
    const before = OVERRIDES[`${d.module} ${d.name}`]?.before;
    if (before) this.argsBefore = before;
  }

  get args(): ArgCount {
    return this.derive().args;
  }

  get value(): ValueKind | undefined {
    return this.derive().value;
  }

  private derive(): { args: ArgCount; value: ValueKind | undefined } {
    this.derived ??= {
      args: OVERRIDES[`${this.module} ${this.name}`]?.args ?? argumentsOfSyntax(this.syntax),
      value: valueKindOf(this.name, this.syntax),
    };
    return this.derived;
  }
}

function getIndex(): Index {
  index ??= load();
  return index;
}

/**
 * The spec of that name valid in this context; else one of the same family (http, stream, mail, core), so a
 * rule can say "not allowed here" instead of "unknown"; else undefined.
 */
export function lookupDirective(name: string, context: ContextName): DirectiveSpec | undefined {
  // Every rule asks for every directive of the config: a config has few distinct names, so remember answers
  // (per context, then per name: no key string is built on this hot path).
  let byContext = lookups.get(context);
  if (!byContext) lookups.set(context, (byContext = new Map()));
  if (byContext.has(name)) return byContext.get(name);
  const spec = findDirective(name, context);
  byContext.set(name, spec);
  return spec;
}

const lookups = new Map<ContextName, Map<string, DirectiveSpec | undefined>>();

function findDirective(name: string, context: ContextName): DirectiveSpec | undefined {
  const { byName, families } = getIndex();
  const specs = byName.get(name) ?? [];
  const family = familyOf(context);
  return (
    specs.find((s) => s.contexts.includes(context)) ?? specs.find((s) => families.get(s)?.has(family) === true)
  );
}

const none: readonly DirectiveSpec[] = [];

export function directivesNamed(name: string): readonly DirectiveSpec[] {
  return getIndex().byName.get(name) ?? none;
}

export function isKnownDirective(name: string): boolean {
  return getIndex().byName.has(name);
}

export function allDirectives(): DirectiveSpec[] {
  return [...getIndex().all];
}

/** The argument count a given nginx version enforces for this directive. */
export function argsFor(spec: DirectiveSpec, version: string): ArgCount {
  const before = spec.argsBefore;
  return before && compareVersions(version, before.version) < 0 ? before.args : spec.args;
}
