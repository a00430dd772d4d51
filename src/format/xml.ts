// XML escaping shared by the checkstyle and junit formats.

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Escapes text for XML 1.0 attributes and content. Characters XML 1.0 cannot carry at all (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD: a message quoting a binary file must not make the report unparseable.
 * Tabs and line breaks are written as references so attribute-value normalisation does not turn them into spaces.
 */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/[&<>"'\t\n\r]/g, (c) => entities[c] ?? `&#${c.charCodeAt(0)};`);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
