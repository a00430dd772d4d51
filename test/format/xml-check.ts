// A strict little XML 1.0 reader for tests: throws on anything not well-formed, returns the element tree.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets), surrogate pairs checked as pairs.
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function decode(raw: string, where: string): string {
  if (raw.includes("<")) throw new Error(`raw "<" in ${where}`);
  return raw.replace(/&([^;]*);|&/g, (all, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare "&" in ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref];
    const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (!num) throw new Error(`unknown entity &${ref}; in ${where}`);
    const ch = String.fromCodePoint(num[1] ? parseInt(num[1], 16) : Number(num[2]));
    if (BAD_CHAR.test(ch)) throw new Error(`reference to a forbidden character in ${where}`);
    return ch;
  });
}

export function parseXml(xml: string): XmlElement {
  if (BAD_CHAR.test(xml)) throw new Error("a character XML 1.0 forbids");
  let i = 0;
  const skipSpace = (): void => {
    while (/\s/.test(xml[i] ?? "")) i++;
  };
  if (xml.startsWith("<?xml")) {
    const end = xml.indexOf("?>");
    if (end < 0) throw new Error("unclosed declaration");
    i = end + 2;
  }
  skipSpace();
  const element = (): XmlElement => {
    if (xml[i] !== "<") throw new Error(`expected "<" at ${i}`);
    i++;
    const name = NAME.exec(xml.slice(i))?.[0];
    if (!name) throw new Error(`bad element name at ${i}`);
    i += name.length;
    const el: XmlElement = { name, attrs: {}, children: [], text: "" };
    for (;;) {
      const before = i;
      skipSpace();
      if (xml.startsWith("/>", i)) {
        i += 2;
        return el;
      }
      if (xml[i] === ">") {
        i++;
        break;
      }
      if (i === before) throw new Error(`expected whitespace before an attribute at ${i}`);
      const attr = NAME.exec(xml.slice(i))?.[0];
      if (!attr) throw new Error(`bad attribute name at ${i}`);
      i += attr.length;
      if (xml[i] !== "=" || (xml[i + 1] !== '"' && xml[i + 1] !== "'")) throw new Error(`attribute ${attr} not quoted at ${i}`);
      const quote = xml[i + 1];
      const close = xml.indexOf(quote, i + 2);
      if (close < 0) throw new Error(`unclosed attribute ${attr}`);
      if (attr in el.attrs) throw new Error(`duplicate attribute ${attr}`);
      el.attrs[attr] = decode(xml.slice(i + 2, close), `attribute ${attr}`);
      i = close + 1;
    }
    for (;;) {
      const lt = xml.indexOf("<", i);
      if (lt < 0) throw new Error(`unclosed <${name}>`);
      el.text += decode(xml.slice(i, lt), `<${name}> content`);
      i = lt;
      if (xml.startsWith(`</`, i)) {
        const end = xml.indexOf(">", i);
        if (xml.slice(i + 2, end).trim() !== name) throw new Error(`</${xml.slice(i + 2, end)}> closes <${name}>`);
        i = end + 1;
        return el;
      }
      el.children.push(element());
    }
  };
  const root = element();
  skipSpace();
  if (i !== xml.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

export function findAll(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => findAll(c, name))];
}
