/**
 * The few DOM members the HTML reader uses. The project compiles without the DOM library (it is a
 * Node tool), so linkedom's documents are seen through these structural types.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  parentNode: DomNode | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  /** Lower-case tag name. */
  localName: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement;
  body: DomElement | null;
  title: string;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: DomNode): boolean {
  return node.nodeType === TEXT_NODE;
}

/** Elements that never hold report text. */
export const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'svg',
  'canvas',
  'video',
  'audio',
  'map',
  'input',
  'select',
  'option',
  'textarea',
  'button',
  'head',
  'title',
  'meta',
  'link',
]);

/** Block-level elements: each starts a new paragraph. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Whether inline CSS hides the element (hidden copies of menus, templates). */
export function isHidden(el: DomElement): boolean {
  const style = el.getAttribute('style');
  if (style && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true';
}

/** ASCII white space collapses as a browser renders it; NBSP and U+3000 are text and stay. */
export function collapseSpace(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, ' ');
}

const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const SEGMENT_BREAK = new RegExp(`(?<=[${WIDE}])[ \\t]*[\\r\\n][ \\t\\r\\n]*(?=[${WIDE}])`, 'g');

/**
 * Text of a text node as rendered: a source line break between two Chinese characters is no
 * space at all (CSS Text 3 segment-break rule), other white-space runs become one space.
 */
export function renderText(data: string): string {
  return collapseSpace(data.replace(SEGMENT_BREAK, ''));
}

/** Rendered text of a subtree on one line (hidden and skipped elements left out). */
export function flatText(node: DomNode): string {
  let out = '';
  const visit = (n: DomNode): void => {
    if (isText(n)) {
      out += renderText(n.textContent ?? '');
      return;
    }
    if (!isElement(n) || SKIPPED_TAGS.has(n.localName) || isHidden(n)) return;
    if (n.localName === 'br' || BLOCK_TAGS.has(n.localName)) out += ' ';
    for (const c of Array.from(n.childNodes)) visit(c);
    if (BLOCK_TAGS.has(n.localName)) out += ' ';
  };
  visit(node);
  return collapseSpace(out).trim();
}

/** Text length of a subtree that sits inside links, and outside them. */
export function linkStats(node: DomNode): { text: number; link: number } {
  let text = 0;
  let link = 0;
  const visit = (n: DomNode, inLink: boolean): void => {
    if (isText(n)) {
      const len = (n.textContent ?? '').replace(/\s+/g, '').length;
      if (inLink) link += len;
      else text += len;
      return;
    }
    if (!isElement(n) || SKIPPED_TAGS.has(n.localName) || isHidden(n)) return;
    const a = inLink || n.localName === 'a';
    for (const c of Array.from(n.childNodes)) visit(c, a);
  };
  visit(node, false);
  return { text, link };
}

/** Elements of a subtree in document order, the root included. */
export function* elementsOf(root: DomElement): Generator<DomElement> {
  yield root;
  for (const c of Array.from(root.childNodes)) if (isElement(c)) yield* elementsOf(c);
}
