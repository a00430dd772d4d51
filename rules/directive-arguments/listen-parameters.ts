// `listen` parameters newer than the target nginx: it refuses them with `invalid parameter "quic"`.
import { atLeast, type NginxVersion } from "../../src/model/version.js";
import type { Word } from "../../src/syntax/ast.js";
import type { ConfigNode } from "../../src/workspace/tree.js";

/** Parameters and the release that brought them (changes.xml); older ones are in every nginx still shipped. */
const ADDED_IN: ReadonlyMap<string, { version: string; what: string }> = new Map([["quic", { version: "1.25.0", what: "HTTP/3" }]]);

export function listenParameterProblem(node: ConfigNode, target: NginxVersion): { message: string; range: Word["range"] } | undefined {
  if (node.name !== "listen" || node.context !== "server") return undefined;
  for (const word of node.directive.args.slice(1)) {
    const added = ADDED_IN.get(word.value);
    if (added && !atLeast(target, added.version)) {
      return { message: `invalid parameter "${word.value}": ${added.what} came with nginx ${added.version} (the target is ${target.text})`, range: word.range };
    }
  }
  return undefined;
}
