// --combine: every include replaced by the statements of the files it names, into one config entry.
import type { ConfigEntry, Payload, Statement } from "./payload.js";

export function combinePayload(payload: Payload): Payload {
  const configs = payload.config;
  const inline = (statements: Statement[], open: number[]): Statement[] => {
    const out: Statement[] = [];
    for (const stmt of statements) {
      if (stmt.includes) {
        // A file already being inlined further up would recurse forever (crossplane's own --combine does).
        for (const index of stmt.includes) {
          if (!open.includes(index)) out.push(...inline(configs[index].parsed, [...open, index]));
        }
        continue;
      }
      out.push(stmt.block ? { ...stmt, block: inline(stmt.block, open) } : stmt);
    }
    return out;
  };
  const combined: ConfigEntry = {
    file: configs[0].file,
    status: configs.some((c) => c.status === "failed") ? "failed" : "ok",
    errors: configs.flatMap((c) => c.errors),
    parsed: inline(configs[0].parsed, [0]),
  };
  return { status: payload.status, errors: payload.errors, config: [combined] };
}
