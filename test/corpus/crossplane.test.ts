// Parser fidelity: wslint's crossplane payload against crossplane 0.5.7's own output for every corpus entry; every
// difference is a named entry of known-differences.ts, everything else must match exactly (key order included).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildPayload, type CrossplaneOptions } from "../../src/crossplane/build-payload.js";
import type { Payload } from "../../src/crossplane/payload.js";
import { pythonJson } from "../../src/crossplane/python-json.js";
import { corpusHost } from "./corpus-host.js";
import { KNOWN_DIFFERENCES } from "./known-differences.js";

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus");

/**
 * The options behind each reference's suffix (README.txt and the LICENSES.txt files). The `.strict` reference was
 * made with --include-comments as well, as crossplane's own test_parse_strict does: its payload lists a comment.
 */
const VARIANTS: Record<string, CrossplaneOptions> = {
  default: {},
  comments: { includeComments: true },
  combine: { combine: true },
  single: { singleFile: true },
  ignore: { ignore: ["listen", "server_name"] },
  strict: { strict: true, includeComments: true },
};

interface Reference {
  /** Path of the JSON, relative to the corpus. */
  id: string;
  dir: string;
  /** The entry file, relative to `dir` (crossplane ran with cwd = dir). */
  entry: string;
  variant: string;
}

/** crossplane[.<entry>][.<variant>].json beside `<entry>.conf` (or `_wrap.<entry>.conf`, or `<entry>` itself). */
function references(dir: string): Reference[] {
  const found: Reference[] = [];
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) found.push(...references(path));
    else if (/^crossplane(\..+)?\.json$/.test(item.name) && !item.name.endsWith(".lex.json")) {
      const parts = item.name.slice("crossplane".length, -".json".length).split(".").filter(Boolean);
      // "default" is no suffix: crossplane.default.json is h5bp's _wrap.default.conf.
      const last = parts[parts.length - 1];
      const variant = last !== undefined && last !== "default" && last in VARIANTS ? parts.pop()! : "default";
      const name = parts.join(".");
      const candidates = name ? [`${name}.conf`, `_wrap.${name}.conf`, name] : ["nginx.conf"];
      const entry = candidates.find((c) => existsSync(join(dir, c))) ?? candidates[0];
      found.push({ id: relative(CORPUS, path), dir, entry, variant });
    }
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : 1));
}

const all = existsSync(CORPUS) ? references(CORPUS) : [];
const differing = new Set(KNOWN_DIFFERENCES.flatMap((d) => d.references));

function run(ref: Reference): { actual: Payload; reference: Payload } {
  const reference = JSON.parse(readFileSync(join(CORPUS, ref.id), "utf8")) as Payload;
  // The reference names its own entry first: a check that the file-name convention was read right.
  expect(reference.config[0].file).toBe(ref.entry);
  const actual = buildPayload(ref.entry, VARIANTS[ref.variant], corpusHost(CORPUS, reference), ref.dir);
  return { actual, reference };
}

/** Compared as text so that key order counts and a failure shows a readable diff. */
const text = (p: Payload): string => JSON.stringify(p, null, 1);

describe("crossplane payload over the corpus", () => {
  it("finds the corpus and its references", () => {
    expect(all.length).toBeGreaterThan(100);
  });

  for (const ref of all.filter((r) => !differing.has(r.id))) {
    it(`${ref.id} (${ref.entry}, ${ref.variant}) matches exactly`, () => {
      const { actual, reference } = run(ref);
      expect(text(actual)).toBe(text(reference));
    });
  }

  describe("named differences", () => {
    const ids = [...new Set(KNOWN_DIFFERENCES.flatMap((d) => d.references))].sort();
    for (const id of ids) {
      const differences = KNOWN_DIFFERENCES.filter((d) => d.references.includes(id));
      it(`${id}: ${differences.map((d) => d.name).join("; ")}`, () => {
        const ref = all.find((r) => r.id === id);
        expect(ref, `${id} is not in the corpus`).toBeDefined();
        const { actual, reference } = run(ref!);
        // The difference must still be there: a fixed one should leave the table.
        expect(text(actual)).not.toBe(text(reference));
        const checks = differences.filter((d) => d.check);
        if (checks.length > 0) {
          for (const d of checks) d.check!(actual, reference);
          return;
        }
        const expected = structuredClone(reference);
        for (const d of differences) d.adjust!(expected);
        expect(text(actual)).toBe(text(expected));
      });
    }
  });

  it("prints JSON as Python's json.dumps does (the references were written with indent=2, ensure_ascii off)", () => {
    for (const ref of all) {
      const raw = readFileSync(join(CORPUS, ref.id), "utf8");
      const asciiOnly = raw.replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
      expect(`${pythonJson(JSON.parse(raw), 2)}\n`, ref.id).toBe(asciiOnly);
    }
  });
});
