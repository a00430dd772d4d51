// A host for the corpus tests: the corpus from disk and nothing else, so results do not depend on the machine.
import { resolve, sep } from "node:path";
import { diskHost } from "../../src/cli/disk-host.js";
import type { Payload, Statement } from "../../src/crossplane/payload.js";
import type { Host } from "../../src/workspace/host.js";

/**
 * The references were made on a machine with Debian's nginx-common installed, so `include /etc/nginx/mime.types`
 * found a file there; its statements are in the reference itself. The host serves that one file as rebuilt from
 * them (same lines, same words) and answers "No such file or directory" for every other path outside the corpus.
 */
export function corpusHost(corpus: string, reference: Payload): Host {
  const disk = diskHost();
  const inside = (path: string): boolean => path.startsWith(resolve(corpus) + sep);
  const system = new Map<string, string>();
  for (const config of reference.config) {
    if (config.file.startsWith("/etc/") && config.status === "ok") system.set(config.file, rebuild(config.parsed));
  }
  return {
    readFile(path) {
      const text = system.get(path);
      if (text !== undefined) return { ok: true, text };
      return inside(path) ? disk.readFile(path) : { ok: false, error: "No such file or directory" };
    },
    glob(pattern) {
      return disk.glob(pattern).filter(inside);
    },
    isFile(path) {
      return system.has(path) || (inside(path) && disk.isFile(path));
    },
  };
}

/** Config text whose statements sit on the lines the payload gives them (plain words only: enough for mime.types). */
function rebuild(statements: Statement[]): string {
  const lines: string[] = [];
  const put = (line: number, text: string): void => {
    while (lines.length < line) lines.push("");
    lines[line - 1] += text;
  };
  const emit = (list: Statement[]): number => {
    let last = 0;
    for (const s of list) {
      const head = [s.directive, ...s.args].join(" ");
      if (s.block) {
        put(s.line, `${head} {`);
        last = Math.max(s.line, emit(s.block)) + 1;
        put(last, "}");
      } else {
        put(s.line, `${head};`);
        last = s.line;
      }
    }
    return last;
  };
  emit(statements);
  return `${lines.join("\n")}\n`;
}
