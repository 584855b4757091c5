/**
 * From a page's DOM to paragraphs: a block-aware serializer (one line per block, `<br>` breaks a
 * line, data tables row by row), removal of site chrome, and a text-density finder for the main
 * content that works on legacy table layouts where Readability does not.
 */
import {
  BLOCK_TAGS,
  collapseSpace,
  type DomElement,
  type DomNode,
  flatText,
  isElement,
  isHidden,
  isText,
  linkStats,
  renderText,
  SKIPPED_TAGS,
} from './html-dom.js';

/** A table cell longer than this makes the table a layout table (its cells are page regions). */
const LAYOUT_CELL_CHARS = 300;

/** Rows of a table, not of tables nested in it. */
function rowsOf(table: DomElement): DomElement[] {
  const rows: DomElement[] = [];
  for (const child of Array.from(table.childNodes)) {
    if (!isElement(child)) continue;
    if (child.localName === 'tr') rows.push(child);
    else if (child.localName === 'tbody' || child.localName === 'thead' || child.localName === 'tfoot') {
      rows.push(...rowsOf(child));
    }
  }
  return rows;
}

function cellsOf(row: DomElement): DomElement[] {
  return Array.from(row.childNodes).filter(
    (c): c is DomElement => isElement(c) && (c.localName === 'td' || c.localName === 'th') && !isHidden(c),
  );
}

/** A data table holds short cells and no nested tables; anything else is page layout. */
export function isDataTable(table: DomElement): boolean {
  for (const row of rowsOf(table)) {
    for (const cell of cellsOf(row)) {
      if (cell.querySelectorAll('table').length > 0) return false;
      if (flatText(cell).length > LAYOUT_CELL_CHARS) return false;
    }
  }
  return true;
}

/** Containers that are lists of links (menus, related links) rather than text. */
const LINK_LIST_TAGS = new Set([
  'ul',
  'ol',
  'dl',
  'div',
  'table',
  'td',
  'section',
  'aside',
  'nav',
  'p',
  'span',
]);

/** Whether an element is mostly links: menus, "related links" lists, pagers. */
export function isLinkList(el: DomElement): boolean {
  if (!LINK_LIST_TAGS.has(el.localName)) return false;
  const links = el.querySelectorAll('a').length;
  if (links < 2) return false;
  const { text, link } = linkStats(el);
  return link > 0 && link / (text + link) > 0.5;
}

class LineBuilder {
  readonly lines: string[] = [];
  private current = '';

  add(text: string): void {
    this.current += text;
  }

  /** End the current line; an empty one is dropped. */
  end(): void {
    const line = this.current.replace(/ {2,}/g, ' ').trim();
    if (line) this.lines.push(line);
    this.current = '';
  }

  push(line: string): void {
    this.end();
    if (line.trim()) this.lines.push(line.trim());
  }
}

export interface SerializeOptions {
  /** Leave out link lists (menus, related links) inside the serialized subtree. */
  skipLinkLists?: boolean;
}

/**
 * Lines of a subtree as a reader sees them: one per block element, a new line at each `<br>`,
 * a data table as one line per row with cells joined by a tab.
 *
 * @example
 * blockLines(article) // ['一、主要工作', '（一）加强组织领导。2023年…', '某县人民政府', '2024年1月31日']
 */
export function blockLines(root: DomNode, options: SerializeOptions = {}): string[] {
  const out = new LineBuilder();
  const visit = (node: DomNode, pre: boolean): void => {
    if (isText(node)) {
      if (!pre) {
        out.add(renderText(node.textContent ?? ''));
        return;
      }
      // Preformatted text keeps its line breaks.
      (node.textContent ?? '').split(/\r?\n/).forEach((segment, i) => {
        if (i > 0) out.end();
        out.add(collapseSpace(segment));
      });
      return;
    }
    if (!isElement(node)) return;
    const tag = node.localName;
    if (SKIPPED_TAGS.has(tag) || isHidden(node)) return;
    if (tag === 'br' || tag === 'hr') {
      out.end();
      return;
    }
    if (options.skipLinkLists && node !== root && isLinkList(node)) return;
    if (tag === 'table' && isDataTable(node)) {
      out.end();
      for (const row of rowsOf(node)) {
        const cells = cellsOf(row).map((cell) => blockLines(cell, options).join(' '));
        if (cells.some((c) => c !== '')) out.push(cells.join('\t'));
      }
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) out.end();
    for (const child of Array.from(node.childNodes)) visit(child, pre || tag === 'pre');
    if (block) out.end();
  };
  visit(root, false);
  out.end();
  return out.lines;
}

/** Lines that only site chrome produces, wherever they are. */
const CHROME_LINE: RegExp[] = [
  /^(您|你)?(当前|现在)(的)?(位置|所在位置)\s*[:：]?/u,
  /^首页\s*[>/＞»›]/u,
  /^[【[]?\s*字\s*[体号]\s*[:：]/u,
  /^[【[]?\s*字\s*[体号]\s*[】\]]?$/u,
  /^分享到?\s*[:：]?/u,
  /^(用)?(手机)?扫(一扫|描)/u,
  /^版权所有/u,
  /^(主办|承办|协办|技术支持|维护)(单位)?\s*[:：]/u,
  /^(政府)?网站标识码/u,
  /^(相关链接|相关文章|相关信息|相关新闻|相关阅读|相关文件|上一篇|下一篇)\s*[:：]?/u,
  /^(浏览|访问|阅读|点击)(次数|量|数)\s*[:：]?\s*\d*\s*$/u,
  /^[\s【】[\]|｜()（）]*((打印(本页|此页)?|关闭(窗口|本页)?|返回(顶部|首页)?|收藏(本页)?|保存|纠错|我要纠错|TOP|top|Top|大|中|小|默认|字体|字号)[\s【】[\]|｜()（）:：]*)+$/u,
];

/** Marks of a site footer; a short line or block containing one is chrome. */
const FOOTER_MARK = /ICP\s*[备证]|公网安备|网站标识码|版权所有|Copyright|©/iu;

/** Longest text of a line/block that a footer mark alone makes chrome. */
const FOOTER_MAX_CHARS = 300;

/** Whether a line of text is site chrome (breadcrumbs, share bars, font-size switches, footers). */
export function isChromeText(text: string): boolean {
  const t = text.trim();
  if (CHROME_LINE.some((re) => re.test(t))) return true;
  return t.length <= FOOTER_MAX_CHARS && FOOTER_MARK.test(t) && !/[。；]/u.test(t);
}

/** Sectioning elements that are chrome by definition on government pages. */
function isChromeElement(el: DomElement): boolean {
  const tag = el.localName;
  if (tag === 'nav' || tag === 'footer' || tag === 'aside') return true;
  if (tag === 'header') {
    // An <article>'s own header holds its title; the page header holds the site banner.
    for (let p = el.parentNode; p && isElement(p); p = p.parentNode) {
      if (p.localName === 'article' || p.localName === 'main') return false;
    }
    return true;
  }
  return false;
}

/**
 * Remove site chrome from a DOM: page header/nav/footer elements, and every short block whose
 * text is a breadcrumb, share bar, font-size switch, print/close links or a copyright footer.
 * Works top-down so a whole footer goes at once rather than line by line.
 */
export function removeChrome(root: DomElement): void {
  const visit = (el: DomElement): void => {
    for (const child of Array.from(el.childNodes)) {
      if (!isElement(child)) continue;
      if (SKIPPED_TAGS.has(child.localName) && child.localName !== 'head') {
        child.remove();
        continue;
      }
      if (isChromeElement(child) || isChromeBlock(child)) {
        child.remove();
        continue;
      }
      visit(child);
    }
  };
  visit(root);
}

function isChromeBlock(el: DomElement): boolean {
  if (el.localName === 'body' || el.localName === 'html' || el.localName === 'head') return false;
  // Cheap bound first: flatText of every large container would be quadratic.
  if ((el.textContent ?? '').length > FOOTER_MAX_CHARS * 4) return false;
  const text = flatText(el);
  if (text === '' || text.length > FOOTER_MAX_CHARS) return false;
  return isChromeText(text);
}

/** Minimum text of a block for it to count as a paragraph of content. */
const MIN_PARAGRAPH_CHARS = 10;

/** Share of the whole page's content text the chosen container must hold. */
const CONTAINER_SHARE = 0.85;

/**
 * The element holding the page's main text, by text density: every block's own inline text
 * counts when it is long enough and not mostly links; the container is the deepest element
 * that still holds 85% of that text. Unlike Readability this works on legacy pages whose report
 * sits in one `<td>` as `<font>` text broken by `<br>`, beside sidebars of related links.
 */
export function findContentRoot(body: DomElement): DomElement {
  const good = new Map<DomElement, number>();
  const score = (el: DomElement, inLink: boolean): { text: number; link: number; good: number } => {
    let text = 0;
    let link = 0;
    let total = 0;
    for (const child of Array.from(el.childNodes)) {
      if (isText(child)) {
        const len = (child.textContent ?? '').replace(/\s+/g, '').length;
        if (inLink) link += len;
        else text += len;
      } else if (isElement(child) && !SKIPPED_TAGS.has(child.localName) && !isHidden(child)) {
        const r = score(child, inLink || child.localName === 'a');
        text += r.text;
        link += r.link;
        total += r.good;
      }
    }
    if (BLOCK_TAGS.has(el.localName)) {
      // A block owns the inline text gathered so far; it does not flow up to its parent.
      if (text >= MIN_PARAGRAPH_CHARS && link / (text + link) < 0.5) total += text;
      good.set(el, total);
      return { text: 0, link: 0, good: total };
    }
    good.set(el, total);
    return { text, link, good: total };
  };
  score(body, false);
  const whole = good.get(body) ?? 0;
  let current = body;
  for (;;) {
    const next = Array.from(current.childNodes).find(
      (c): c is DomElement => isElement(c) && (good.get(c) ?? 0) >= whole * CONTAINER_SHARE,
    );
    if (!next) return current;
    current = next;
  }
}

/** Characters of text in lines, white space not counted. */
export function textLength(lines: string[]): number {
  return lines.reduce((n, l) => n + l.replace(/\s+/g, '').length, 0);
}
