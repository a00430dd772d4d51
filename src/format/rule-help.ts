// A rule's documentation from its metadata, as plain text (`wslint explain`) and Markdown (SARIF help).
import type { RuleMeta } from "../engine/rule.js";

export const DOCS_BASE = "https://github.com/wslint/wslint/blob/main/docs/rules/";

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

interface OptionDoc {
  name: string;
  type?: string;
  description?: string;
  default?: unknown;
}

/** The rule's options from its JSON Schema's top-level properties, with their defaults. */
export function ruleOptions(meta: RuleMeta): OptionDoc[] {
  const props = (meta.options?.schema.properties ?? {}) as Record<string, { type?: unknown; description?: unknown }>;
  return Object.entries(props).map(([name, p]) => ({
    name,
    type: typeof p.type === "string" ? p.type : Array.isArray(p.type) ? p.type.join(" | ") : undefined,
    description: typeof p.description === "string" ? p.description : undefined,
    default: meta.options?.defaults[name],
  }));
}

function optionLine(o: OptionDoc): string {
  const facts = [o.type, o.default !== undefined ? `default ${JSON.stringify(o.default)}` : undefined].filter(Boolean).join(", ");
  return `${o.name}${facts ? ` (${facts})` : ""}${o.description ? `: ${o.description}` : ""}`;
}

const indent = (text: string, by = "    "): string => text.replace(/\n$/, "").split("\n").map((l) => (l ? by + l : l)).join("\n");

/** `wslint explain`: everything the docs page says, readable in a terminal without a network. */
export function ruleHelpText(meta: RuleMeta): string {
  const facts = [meta.severity, meta.type, meta.fixable ? "fixable with --fix" : undefined].filter(Boolean).join(", ");
  const out = [`${meta.id} (${facts})`, "", meta.docs.summary, "", "Why:", indent(meta.docs.why), "", "Fix:", indent(meta.docs.fix)];
  const options = ruleOptions(meta);
  if (options.length) out.push("", "Options:", ...options.map((o) => indent(optionLine(o))));
  meta.examples.bad.forEach((e, i) => out.push("", `Bad${meta.examples.bad.length > 1 ? ` (${i + 1})` : ""}:`, indent(e)));
  meta.examples.good.forEach((e, i) => out.push("", `Good${meta.examples.good.length > 1 ? ` (${i + 1})` : ""}:`, indent(e)));
  out.push("", `More: ${ruleDocsUrl(meta.id)}`);
  return out.join("\n") + "\n";
}

/** Fenced so that an example containing ``` cannot end its block early. */
function fence(code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((m) => m.length));
  const f = "`".repeat(longest + 1);
  return `${f}nginx\n${code.replace(/\n$/, "")}\n${f}`;
}

/** SARIF `help.markdown`: what code scanning shows under "Show more". */
export function ruleHelpMarkdown(meta: RuleMeta): string {
  const out = [`**${meta.docs.summary}**`, "", "## Why", "", meta.docs.why, "", "## Fix", "", meta.docs.fix];
  const options = ruleOptions(meta);
  if (options.length) out.push("", "## Options", "", ...options.map((o) => `- ${optionLine(o)}`));
  if (meta.examples.bad.length) out.push("", "## Bad", "", meta.examples.bad.map(fence).join("\n\n"));
  if (meta.examples.good.length) out.push("", "## Good", "", meta.examples.good.map(fence).join("\n\n"));
  return out.join("\n");
}

/** SARIF `help.text`, for viewers that do not render Markdown. */
export function ruleHelpPlain(meta: RuleMeta): string {
  return `${meta.docs.summary}\n\nWhy: ${meta.docs.why}\n\nFix: ${meta.docs.fix}`;
}
