// The buffer sizes nginx checks when it merges the proxy (fastcgi, uwsgi, scgi) settings into a block
// (ngx_http_proxy_merge_loc_conf and its siblings): they must fit together, or nginx -t fails.
import { parseSize } from "../reference/values.js";
import type { ConfigNode, ConfigTree } from "../workspace/tree.js";
import { effective } from "./effective.js";

/** Modules whose buffers nginx checks the same way; the directive names are `<module>_buffer_size` and so on. */
const BUFFERED_MODULES = ["proxy", "fastcgi", "uwsgi", "scgi"] as const;
export type BufferedModule = (typeof BUFFERED_MODULES)[number];

/** One memory page, nginx's default buffer size: 4k on x86-64 and arm64 Linux as usually built. */
const PAGE = 4096;
const DEFAULT_BUFFERS = 8;

export interface BufferProblem {
  /** The directive in force nearest to the block: the one most likely to have been changed. */
  at: ConfigNode;
  message: string;
}

/** What nginx -t would say about the buffers in force in `block`, in plain words; undefined when they fit. */
export function busyBuffersProblem(block: ConfigNode, tree: ConfigTree, module: BufferedModule): BufferProblem | undefined {
  const names = SETTING_NAMES.get(module)!;
  const [bufferSize, buffers, busy, tempWrite, maxTemp] = names.map((n) => lastInForce(block, tree, n));
  const size = bufferSize ? sizeOf(bufferSize.directive.args[0]?.value) : PAGE;
  const count = buffers ? Number(buffers.directive.args[0]?.value) : DEFAULT_BUFFERS;
  const each = buffers ? sizeOf(buffers.directive.args[1]?.value) : PAGE;
  // Invalid values and variables are directive-arguments' to report; nothing to compare then.
  if (size === undefined || each === undefined || !Number.isInteger(count)) return undefined;
  const larger = Math.max(size, each);
  const largerText = `the larger of "${module}_buffer_size" (${bytes(size)}) and one of "${module}_buffers" (${bytes(each)})`;
  if (buffers && count < 2) return { at: buffers, message: `there must be at least 2 "${module}_buffers"` };

  const busyBytes = busy ? sizeOf(busy.directive.args[0]?.value) : 2 * larger;
  if (busyBytes === undefined) return undefined;
  const busyText = busy ? `"${module}_busy_buffers_size" (${bytes(busyBytes)})` : `"${module}_busy_buffers_size" (by default twice ${largerText}: ${bytes(busyBytes)})`;
  const at = nearest([busy, bufferSize, buffers]);
  if (at && busyBytes < larger) return { at, message: `${busyText} must be at least ${largerText}` };
  if (at && busyBytes > (count - 1) * each) {
    return { at, message: `${busyText} must be less than the size of all "${module}_buffers" but one (${count - 1} × ${bytes(each)} = ${bytes((count - 1) * each)})` };
  }
  const tempBytes = tempWrite && sizeOf(tempWrite.directive.args[0]?.value);
  if (tempWrite && tempBytes !== undefined && tempBytes < larger) {
    return { at: tempWrite, message: `"${module}_temp_file_write_size" (${bytes(tempBytes)}) must be at least ${largerText}` };
  }
  const maxBytes = maxTemp && sizeOf(maxTemp.directive.args[0]?.value);
  if (maxTemp && maxBytes !== undefined && maxBytes !== 0 && maxBytes < larger) {
    return { at: maxTemp, message: `"${module}_max_temp_file_size" (${bytes(maxBytes)}) must be 0 (no temporary files) or at least ${largerText}` };
  }
  return undefined;
}

const SETTING_NAMES = new Map(
  BUFFERED_MODULES.map((m) => [m, ["buffer_size", "buffers", "busy_buffers_size", "temp_file_write_size", "max_temp_file_size"].map((s) => `${m}_${s}`)]),
);

/**
 * The modules whose buffer settings a tree uses (`used`: Symbols.directiveNames); only those can be out of step,
 * since nginx's defaults always fit. Usually none, and then no block is looked at.
 */
export function modulesWithBufferSettings(used: ReadonlySet<string>): readonly BufferedModule[] {
  let modules = inUse.get(used);
  if (!modules) inUse.set(used, (modules = BUFFERED_MODULES.filter((m) => SETTING_NAMES.get(m)!.some((n) => used.has(n)))));
  return modules;
}

const inUse = new WeakMap<ReadonlySet<string>, readonly BufferedModule[]>();

function lastInForce(block: ConfigNode, tree: ConfigTree, name: string): ConfigNode | undefined {
  const { nodes } = effective(block, tree, name);
  return nodes[nodes.length - 1];
}

/** A size nginx reads at load time; a variable or a bad value gives undefined. */
function sizeOf(text: string | undefined): number | undefined {
  return text === undefined || text.includes("$") ? undefined : parseSize(text);
}

/** The deepest of the directives (all on the block's chain of levels): the nearest to the block. */
function nearest(nodes: (ConfigNode | undefined)[]): ConfigNode | undefined {
  const depth = (n: ConfigNode): number => {
    let d = 0;
    for (let p = n.parent; p; p = p.parent) d++;
    return d;
  };
  let best: ConfigNode | undefined;
  for (const n of nodes) if (n && (!best || depth(n) > depth(best))) best = n;
  return best;
}

function bytes(n: number): string {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)}m`;
  if (n % 1024 === 0) return `${n / 1024}k`;
  return `${n}`;
}
