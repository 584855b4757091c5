/**
 * A small element tree over saxes, for the XML parts of a DOCX. The parts are at most a few
 * megabytes, so a tree (simple to walk in document order) is cheaper to get right than a
 * streaming state machine. Names keep their prefix; {@link local} drops it.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Qualified name as written, e.g. "w:p". */
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Parse XML text into a tree. Throws on malformed XML. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    const el: XmlElement = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
    };
    stack[stack.length - 1]?.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    stack[stack.length - 1]?.children.push(t);
  });
  parser.on('cdata', (t) => {
    stack[stack.length - 1]?.children.push(t);
  });
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.write(text).close();
  if (failure) throw failure;
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new Error('no root element');
  return top;
}

/** Local part of a qualified name: "w:numPr" → "numPr". */
export function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Child elements, optionally only those with a given local name. */
export function childElements(el: XmlElement, localName?: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (localName === undefined || local(c.name) === localName),
  );
}

export function firstChild(el: XmlElement | undefined, localName: string): XmlElement | undefined {
  if (!el) return undefined;
  return el.children.find((c): c is XmlElement => typeof c !== 'string' && local(c.name) === localName);
}

/** An attribute by local name ("w:val" and "val" both answer to "val"). */
export function attr(el: XmlElement | undefined, localName: string): string | undefined {
  if (!el) return undefined;
  for (const [k, v] of Object.entries(el.attributes)) if (local(k) === localName) return v;
  return undefined;
}

/** All text below an element. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
