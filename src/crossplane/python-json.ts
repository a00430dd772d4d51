// JSON text as Python's json.dumps writes it (ASCII escapes, its separators), so output diffs cleanly with crossplane's.

export function pythonJson(value: unknown, indent?: number): string {
  return dump(value, indent, "");
}

function dump(value: unknown, indent: number | undefined, pad: string): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const inner = indent === undefined ? "" : pad + " ".repeat(Math.max(indent, 0));
  const open = indent === undefined ? "" : `\n${inner}`;
  const close = indent === undefined ? "" : `\n${pad}`;
  const comma = indent === undefined ? "," : `,\n${inner}`;
  const colon = indent === undefined ? ":" : ": ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[${open}${value.map((v) => dump(v, indent, inner)).join(comma)}${close}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return `{${open}${entries.map(([k, v]) => `${quote(k)}${colon}${dump(v, indent, inner)}`).join(comma)}${close}}`;
}

const SHORT: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

/** ensure_ascii: everything outside printable ASCII becomes \uXXXX (UTF-16 units, lowercase hex). */
function quote(text: string): string {
  return `"${text.replace(/["\\]|[^ -~]/g, (ch) => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}
