// Entries of one `map` that nginx refuses to hold twice: a second `default` (`duplicate default map parameter`) and a
// key already in the map (`conflicting parameter "websocket"`), as ngx_http_map and ngx_hash_add_key decide
// (src/http/modules/ngx_http_map_module.c, src/core/ngx_hash.c; the stream map is the same code).
import type { Finding } from "../../src/engine/rule.js";
import { lineReference, type ConfigNode } from "../../src/workspace/tree.js";
import { asciiLower, firstHere } from "./pairs.js";

/**
 * The hash slots a key takes. String keys are lower-cased, so they compare ignoring case; regex keys (`~...`) are never
 * compared. After `hostnames`, `*.example.com` and `.example.com` share a wildcard slot, `.example.com` also takes
 * `example.com`'s exact slot, and `www.example.*` takes a tail slot. undefined: a key nginx rejects for another reason.
 */
function slots(key: string, hostnames: boolean): { check: string[]; take: string[] } | undefined {
  if (!hostnames) return { check: [`exact\0${key}`], take: [`exact\0${key}`] };
  if ((key.match(/\*/g)?.length ?? 0) > 1 || key.includes("..") || key.includes("\0")) return undefined;
  if (key.length > 1 && key.startsWith(".")) {
    const base = key.slice(1);
    return { check: [`exact\0${base}`, `head\0${base}`], take: [`exact\0${base}`, `head\0${base}`] };
  }
  if (key.length > 2 && key.startsWith("*.")) return { check: [`head\0${key.slice(2)}`], take: [`head\0${key.slice(2)}`] };
  if (key.length > 2 && key.endsWith(".*")) return { check: [`tail\0${key.slice(0, -2)}`], take: [`tail\0${key.slice(0, -2)}`] };
  if (key.includes("*")) return undefined;
  return { check: [`exact\0${key}`], take: [`exact\0${key}`] };
}

/** Reports the entries of one map block (its children, includes expanded) that nginx would fail on. */
export function checkMapEntries(map: ConfigNode, report: (finding: Finding) => void): void {
  let defaultEntry: ConfigNode | undefined;
  let hostnames = false;
  const taken = new Map<string, ConfigNode>();
  for (let i = 0; i < map.children.length; i++) {
    const entry = map.children[i];
    const d = entry.directive;
    if (d.block || d.recovered) continue;
    const name = entry.name;
    if (d.args.length === 0) {
      // `hostnames` applies to the entries after it (ngx_http_map sets a flag as it reads).
      if (name === "hostnames") hostnames = true;
      continue;
    }
    if (d.args.length !== 1 || name === "include") continue;
    if (name === "default") {
      if (!defaultEntry) defaultEntry = entry;
      else {
        const message = `duplicate default map parameter (first at ${lineReference(defaultEntry, entry)}): a map has one default value; delete one`;
        report({ node: entry, range: d.range, message, related: [firstHere(defaultEntry, "first default here")] });
      }
      continue;
    }
    if (name.startsWith("~")) continue;
    // A leading backslash escapes a key that would read as a regex or as `default`; nginx drops it.
    const key = asciiLower(name.startsWith("\\") ? name.slice(1) : name);
    const keySlots = slots(key, hostnames);
    if (!keySlots) continue;
    const earlier = keySlots.check.map((slot) => taken.get(slot)).find((n) => n !== undefined);
    if (earlier) {
      const message = `conflicting parameter "${key}": the map already has this key at ${lineReference(earlier, entry)} (nginx compares keys ignoring case); keep one of the two`;
      report({ node: entry, range: d.range, message, related: [firstHere(earlier, "first here")] });
      continue;
    }
    for (const slot of keySlots.take) taken.set(slot, entry);
  }
}
