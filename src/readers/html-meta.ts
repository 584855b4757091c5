/**
 * Metadata a government page carries besides the report: `<meta>` tags of the CMS (TRS, 大汉 …:
 * ArticleTitle, PubDate, ContentSource …) and the 政务公开 block (索引号, 发布机构, 成文日期 …),
 * which is a table, a list or a line of label/value pairs anywhere on the page.
 */
import type { SourceHints } from '../core/types.js';
import {
  type DomDocument,
  type DomElement,
  type DomNode,
  flatText,
  isElement,
  isText,
  renderText,
} from './html-dom.js';

/** `<meta name>` (lower case) → hint. Description and keywords have no hint to go to. */
const META_HINTS: Record<string, keyof SourceHints> = {
  articletitle: 'title',
  pubdate: 'published',
  contentsource: 'publisher',
  sitename: 'site',
  columnname: 'column',
};

/** Hints from the CMS `<meta>` tags. */
export function metaTagHints(doc: DomDocument): SourceHints {
  const hints: SourceHints = {};
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').trim().toLowerCase();
    const key = META_HINTS[name];
    const content = collapse(meta.getAttribute('content') ?? '');
    if (key && content && hints[key] === undefined) hints[key] = content;
  }
  return hints;
}

/** What a field of the metadata block fills. Fields without a hint still become text lines. */
export type MetaField =
  | 'indexNumber'
  | 'topic'
  | 'publisher'
  | 'signed'
  | 'published'
  | 'documentNumber'
  | 'validity'
  | 'source'
  | 'title'
  | 'disclosure'
  | 'expiry'
  | 'views';

/** Labels may be written with spaces between their characters ("索 引 号"). */
function spaced(pattern: string): string {
  return pattern.replace(/([\u4e00-\u9fff])(?=[\u4e00-\u9fff])/gu, '$1[\\s\\u3000]*');
}

const LABELS: { field: MetaField; pattern: string }[] = [
  { field: 'indexNumber', pattern: '索引号' },
  { field: 'topic', pattern: '(?:主题|组配|信息|体裁)分类' },
  { field: 'publisher', pattern: '(?:发布|发文)(?:机构|机关|单位)' },
  { field: 'signed', pattern: '(?:成文|印发)日期' },
  { field: 'published', pattern: '(?:发布|公开|上网)(?:日期|时间)' },
  { field: 'documentNumber', pattern: '(?:发文字号|发文编号|文号)' },
  { field: 'validity', pattern: '(?:有效性|时效性|时效|效力状态)' },
  { field: 'expiry', pattern: '(?:废止|失效)日期' },
  { field: 'disclosure', pattern: '公开(?:方式|范围|形式)' },
  { field: 'source', pattern: '(?:信息)?来源' },
  { field: 'title', pattern: '(?:标题|文件名称|名称)' },
  // Read so that a visit counter does not end up in the value before it; never reported.
  { field: 'views', pattern: '(?:浏览|访问|阅读|点击)(?:次数|量|数)' },
];

const LABEL_SOURCE = LABELS.map((l) => `(${spaced(l.pattern)})`).join('|');
/** A label at the start of a text, its colon, and the rest. */
const LEADING_LABEL = new RegExp(`^(?:${LABEL_SOURCE})[\\s\\u3000]*([:：]?)[\\s\\u3000]*`, 'u');
/**
 * A further label inside a value ("发布时间:2023-03-14 12:59来源:某市司法局"): after white space,
 * or anywhere when a colon follows it.
 */
const INNER_LABEL = new RegExp(
  `(?:(?<=[\\s\\u3000|｜])(?:${LABEL_SOURCE})(?=[\\s\\u3000:：]|$)|(?:${LABEL_SOURCE})(?=[\\s\\u3000]*[:：]))`,
  'u',
);

/** Labels that are too common as words to trust without a colon or a table cell of their own. */
const WEAK_FIELDS = new Set<MetaField>(['title', 'source']);

/** A label/value pair of the metadata block, as the page writes it. */
export interface MetaPair {
  field: MetaField;
  /** The label as written, white space collapsed ("索 引 号"). */
  label: string;
  /** The colon the page writes after the label, or '' when none. */
  colon: string;
  value: string;
}

/** Longest text a metadata atom can have; body paragraphs are longer. */
const MAX_ATOM_CHARS = 160;

interface Atom {
  node: DomNode;
  text: string;
}

function isBlank(s: string): boolean {
  return s.replace(/[:：\s\u3000]/g, '') === '';
}

/** ASCII white space collapses as rendered; an ideographic space (文　　号) is text and stays. */
function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

function matchLabel(text: string): { field: MetaField; label: string; colon: string; rest: string } | null {
  const m = LEADING_LABEL.exec(text);
  if (!m) return null;
  const index = m.slice(1, LABELS.length + 1).findIndex((g) => g !== undefined);
  const label = LABELS[index];
  if (!label) return null;
  const colon = m[LABELS.length + 1] ?? '';
  const rest = text.slice(m[0].length);
  // "发布日期为3月5日" is a sentence: a label is followed by a colon, white space or nothing.
  if (!colon && rest !== '' && !/[\s\u3000]$/u.test(m[0])) return null;
  return { field: label.field, label: collapse(m[index + 1] ?? ''), colon, rest };
}

/** Split "2023-03-14 12:59来源:某市司法局" into the value and what starts at the next label. */
function splitAtNextLabel(rest: string): [string, string] {
  const m = INNER_LABEL.exec(rest);
  if (!m || m.index === 0) return [rest, ''];
  return [rest.slice(0, m.index), rest.slice(m.index)];
}

function cellOf(node: DomNode): DomElement | null {
  for (let p = node.parentNode; p && isElement(p); p = p.parentNode) {
    if (p.localName === 'td' || p.localName === 'th') return p;
    if (p.localName === 'table' || p.localName === 'body') return null;
  }
  return null;
}

/** The next cell in the same row. */
function nextCell(cell: DomElement): DomElement | null {
  let sib = nextSibling(cell);
  while (sib && !(isElement(sib) && (sib.localName === 'td' || sib.localName === 'th')))
    sib = nextSibling(sib);
  return sib && isElement(sib) ? sib : null;
}

function nextSibling(node: DomNode): DomNode | null {
  const parent = node.parentNode;
  if (!parent) return null;
  const siblings = Array.from(parent.childNodes);
  return siblings[siblings.indexOf(node) + 1] ?? null;
}

/**
 * Whether a label cell and the cell after it are a label/value pair of a metadata table, rather
 * than column headings of a table in the report ("序号 | 名称 | 数量"): metadata tables alternate
 * label and value, so labels sit in even columns, and a value is not itself a heading or a label.
 */
function isCellPair(label: DomElement, value: DomElement, field: MetaField, text: string): boolean {
  if (!text || matchLabel(text)) return false;
  if (label.localName === 'th' && value.localName === 'th') return false;
  const row = label.parentNode;
  if (row) {
    const cells = Array.from(row.childNodes).filter(
      (c) => isElement(c) && (c.localName === 'td' || c.localName === 'th'),
    );
    if (cells.indexOf(label) % 2 !== 0) return false;
  }
  if (field === 'title') return text.length >= 6;
  if (WEAK_FIELDS.has(field)) return text.length >= 2 && !/^[\d.,%\s]+$/.test(text);
  return true;
}

/** Whether a text node is all the text of its parent element. */
function ownsElement(node: DomNode, text: string): boolean {
  const parent = node.parentNode;
  return (
    parent !== null && isElement(parent) && parent.localName !== 'body' && collapse(flatText(parent)) === text
  );
}

/** Empty a text node (its words are read as metadata and must not reach the body too). */
function consume(node: DomNode): void {
  node.textContent = '';
}

function textAtoms(root: DomElement): Atom[] {
  const atoms: Atom[] = [];
  const visit = (n: DomNode): void => {
    if (isText(n)) {
      const text = collapse(renderText(n.textContent ?? ''));
      if (text) atoms.push({ node: n, text });
      return;
    }
    if (!isElement(n)) return;
    if (['script', 'style', 'noscript', 'template', 'head'].includes(n.localName)) return;
    for (const c of Array.from(n.childNodes)) visit(c);
  };
  visit(root);
  return atoms;
}

/**
 * Find the metadata block's label/value pairs anywhere in the page, and empty the text nodes
 * they came from so the body does not repeat them. Labels with no value (an empty 文号 cell)
 * are skipped.
 *
 * @example
 * // <td>索 引 号</td><td>MB1A08302/2023-02723</td>
 * extractMetaPairs(body) // [{ field: 'indexNumber', label: '索 引 号', colon: '', value: 'MB1A08302/2023-02723' }]
 */
export function extractMetaPairs(root: DomElement): MetaPair[] {
  const atoms = textAtoms(root);
  const pairs: MetaPair[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i] as Atom;
    if (atom.text.length > MAX_ATOM_CHARS) continue;
    let m = matchLabel(atom.text);
    if (!m) continue;
    const cell = cellOf(atom.node);
    const ownCell = cell !== null && collapse(flatText(cell)) === atom.text;
    // "标题" or "来源" as a word in a sentence is not a label; one with a colon or its own cell is.
    if (WEAK_FIELDS.has(m.field) && !m.colon && !ownCell) continue;
    const found: MetaPair[] = [];
    const used: DomNode[] = [atom.node];
    // A text that is nothing but a label ("发布机构", "成文日期：").
    const bare = isBlank(m.rest);
    // One text may hold several pairs: "来源：某镇人民政府 发布时间：2023-03-30 14:27".
    let rest = m.rest;
    let open: typeof m | null = null;
    for (;;) {
      const [value, after] = splitAtNextLabel(rest);
      if (isBlank(value)) open = m;
      else found.push({ field: m.field, label: m.label, colon: m.colon, value: collapse(value) });
      if (!after) break;
      const next = matchLabel(after);
      if (!next) break;
      m = next;
      rest = next.rest;
      open = null;
    }
    if (open) {
      // The last label has its value elsewhere: in the next cell of the row, or the next text.
      if (ownCell && cell) {
        const valueCell = nextCell(cell);
        const value = valueCell ? collapse(flatText(valueCell)) : '';
        if (valueCell && isCellPair(cell, valueCell, open.field, value)) {
          found.push({ field: open.field, label: open.label, colon: open.colon, value });
          used.push(...textAtoms(valueCell).map((a) => a.node));
        }
      } else {
        let j = i + 1;
        let colon = open.colon;
        if (atoms[j] && /^[:：]$/.test(atoms[j]?.text ?? '')) {
          colon = atoms[j]?.text ?? colon;
          used.push((atoms[j] as Atom).node);
          j++;
        }
        const next = atoms[j];
        // Without a colon, only a label in an element of its own (<dt>, <span>, <label>) has a value after it.
        const labelled = colon !== '' || (bare && ownsElement(atom.node, atom.text));
        if (next && labelled && next.text.length <= MAX_ATOM_CHARS && !matchLabel(next.text)) {
          const [value] = splitAtNextLabel(next.text);
          if (!isBlank(value)) {
            found.push({ field: open.field, label: open.label, colon, value: collapse(value) });
            used.push(next.node);
            i = j;
          }
        }
      }
    }
    // Only what was read goes; a bare label may be a column heading of a table in the report.
    if (found.length === 0) continue;
    for (const node of used) consume(node);
    pairs.push(...found.filter((p) => p.field !== 'views'));
  }
  return dedupe(pairs);
}

function dedupe(pairs: MetaPair[]): MetaPair[] {
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const key = `${p.field}\u0000${p.label}\u0000${p.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Hints from the metadata block; the first pair of a field wins. */
export function pairHints(pairs: MetaPair[]): SourceHints {
  const first = (...fields: MetaField[]): string | undefined => {
    for (const f of fields) {
      const p = pairs.find((x) => x.field === f);
      if (p) return p.value;
    }
    return undefined;
  };
  const hints: SourceHints = {};
  const set = (key: keyof SourceHints, value: string | undefined): void => {
    if (value) hints[key] = value;
  };
  set('title', first('title'));
  set('published', first('published'));
  set('signed', first('signed'));
  set('publisher', first('publisher', 'source'));
  set('indexNumber', first('indexNumber'));
  set('documentNumber', first('documentNumber'));
  return hints;
}

/** The text line a pair becomes at the top of the document: "发布时间:2023-03-17 17:01". */
export function pairLine(pair: MetaPair): string {
  return `${pair.label}${pair.colon || ':'}${pair.value}`;
}
