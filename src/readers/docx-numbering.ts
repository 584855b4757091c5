/**
 * Word's automatic numbering. Headings of Chinese reports are often list numbering (一、 （一）
 * 1. （1） ①) that exists only in word/numbering.xml, not in the text runs; without it every
 * heading would lose its marker. Counters follow Word: lists that share an abstract definition
 * share their counters, a `w:startOverride` restarts a level the first time its list is used, and
 * a level restarts whenever a higher level advances (or as `w:lvlRestart` says).
 */
import { attr, childElements, firstChild, type XmlElement } from './xml.js';

/** One level of a list definition. */
export interface NumberingLevel {
  start: number;
  /** ST_NumberFormat: decimal, chineseCounting, decimalEnclosedCircle, bullet … */
  format: string;
  /** Template with %1…%9 for the counters of levels 1…9, e.g. "（%2）" or "%1.%2". */
  text: string;
  /** 1-based level whose use restarts this one; 0 never restarts; undefined: the level above. */
  restartAfter?: number;
  /** Legal numbering: every counter shown in decimal. */
  legal: boolean;
  /** What follows the number: a tab (default), a space or nothing. */
  suffix: 'tab' | 'space' | 'nothing';
  /** Paragraph style linked to this level (numbering of heading styles). */
  style?: string;
}

interface AbstractNum {
  levels: Map<number, NumberingLevel>;
  /** This definition is that of the numbering style it names (w:numStyleLink). */
  numStyleLink?: string;
}

interface NumInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, NumberingLevel>;
}

/** Paragraph style: what it inherits and the numbering it carries. */
export interface StyleDef {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

export interface Styles {
  byId: Map<string, StyleDef>;
  /** The style of paragraphs that name none. */
  defaultParagraph?: string;
}

export interface Numbering {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, NumInstance>;
}

/** A paragraph's own numbering properties (`w:pPr/w:numPr`). */
export interface NumPr {
  numId?: string;
  ilvl?: number;
}

function intAttr(el: XmlElement | undefined, name = 'val'): number | undefined {
  const v = attr(el, name);
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

function parseLevel(lvl: XmlElement): NumberingLevel {
  const suff = attr(firstChild(lvl, 'suff'), 'val');
  const isLgl = firstChild(lvl, 'isLgl');
  return {
    start: intAttr(firstChild(lvl, 'start')) ?? 0,
    format: attr(firstChild(lvl, 'numFmt'), 'val') ?? 'decimal',
    text: attr(firstChild(lvl, 'lvlText'), 'val') ?? '',
    restartAfter: intAttr(firstChild(lvl, 'lvlRestart')),
    legal: isLgl !== undefined && attr(isLgl, 'val') !== 'false' && attr(isLgl, 'val') !== '0',
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    style: attr(firstChild(lvl, 'pStyle'), 'val'),
  };
}

/** Read word/numbering.xml. */
export function parseNumbering(root: XmlElement | null): Numbering {
  const numbering: Numbering = { abstracts: new Map(), nums: new Map() };
  if (!root) return numbering;
  for (const a of childElements(root, 'abstractNum')) {
    const id = attr(a, 'abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, NumberingLevel>();
    for (const lvl of childElements(a, 'lvl')) levels.set(intAttr(lvl, 'ilvl') ?? 0, parseLevel(lvl));
    numbering.abstracts.set(id, { levels, numStyleLink: attr(firstChild(a, 'numStyleLink'), 'val') });
  }
  for (const n of childElements(root, 'num')) {
    const id = attr(n, 'numId');
    const abstractId = attr(firstChild(n, 'abstractNumId'), 'val');
    if (id === undefined || abstractId === undefined) continue;
    const startOverrides = new Map<number, number>();
    const levelOverrides = new Map<number, NumberingLevel>();
    for (const o of childElements(n, 'lvlOverride')) {
      const ilvl = intAttr(o, 'ilvl') ?? 0;
      const start = intAttr(firstChild(o, 'startOverride'));
      if (start !== undefined) startOverrides.set(ilvl, start);
      const lvl = firstChild(o, 'lvl');
      if (lvl) levelOverrides.set(ilvl, parseLevel(lvl));
    }
    numbering.nums.set(id, { abstractId, startOverrides, levelOverrides });
  }
  return numbering;
}

/** The numbering properties of a `w:numPr` element. */
export function parseNumPr(numPr: XmlElement | undefined): NumPr | undefined {
  if (!numPr) return undefined;
  return { numId: attr(firstChild(numPr, 'numId'), 'val'), ilvl: intAttr(firstChild(numPr, 'ilvl')) };
}

/** Read word/styles.xml (paragraph styles only). */
export function parseStyles(root: XmlElement | null): Styles {
  const styles: Styles = { byId: new Map() };
  if (!root) return styles;
  for (const s of childElements(root, 'style')) {
    const type = attr(s, 'type');
    const id = attr(s, 'styleId');
    if (id === undefined || (type !== undefined && type !== 'paragraph' && type !== 'numbering')) continue;
    const numPr = parseNumPr(firstChild(firstChild(s, 'pPr'), 'numPr'));
    styles.byId.set(id, {
      basedOn: attr(firstChild(s, 'basedOn'), 'val'),
      numId: numPr?.numId,
      ilvl: numPr?.ilvl,
    });
    const isDefault = attr(s, 'default');
    if (type === 'paragraph' && (isDefault === '1' || isDefault === 'true')) styles.defaultParagraph = id;
  }
  return styles;
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** A zero inside a counted number (一百零一); 〇 is the digit (二〇二四). */
const ZERO = '零';
const CN_LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/**
 * Chinese counting: 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十.
 * (Word's chineseCounting, chineseCountingThousand, taiwaneseCounting and japaneseCounting differ
 * only in corner cases no report numbering reaches; all render the way 公文 write them.)
 */
export function chineseCounting(n: number, digits = CN_DIGITS, units = ['', '十', '百', '千']): string {
  if (n <= 0) return digits[0] as string;
  if (n >= 10000) {
    const high = Math.floor(n / 10000);
    const low = n % 10000;
    const rest = low === 0 ? '' : (low < 1000 ? ZERO : '') + chineseCounting(low, digits, units);
    return `${chineseCounting(high, digits, units)}万${rest}`;
  }
  const parts = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = units[parts.length - 1 - i] as string;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += ZERO;
    zero = false;
    // 十一, not 一十一, when ten leads.
    if (!(d === 1 && unit === units[1] && out === '' && parts.length === 2)) out += digits[d];
    out += unit;
  });
  return out;
}

function letters(n: number, base: string): string {
  if (n <= 0) return '';
  // Word repeats the letter: 27 → AA, 28 → BB.
  const letter = base[(n - 1) % 26] as string;
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, sym] of table) {
    while (rest >= value) {
      out += sym;
      rest -= value;
    }
  }
  return out;
}

/** Unicode runs of enclosed numbers: [first number, code point of it] … */
function enclosed(n: number, runs: [number, number, number][]): string {
  for (const [from, to, code] of runs) if (n >= from && n <= to) return String.fromCodePoint(code + n - from);
  return String(n);
}

const CIRCLED: [number, number, number][] = [
  [1, 20, 0x2460],
  [21, 35, 0x3251],
  [36, 50, 0x32b1],
];
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/**
 * A counter in a numbering format (ST_NumberFormat). Bullets and "none" render nothing; formats
 * that no Chinese report uses fall back to decimal.
 *
 * @example
 * formatNumber(11, 'chineseCounting') // '十一'
 * formatNumber(3, 'decimalEnclosedCircle') // '③'
 */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'bullet':
    case 'none':
      return '';
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n)
        .split('')
        .map((d) => CN_DIGITS[Number(d)])
        .join('');
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(n - 1 + HEAVENLY_STEMS.length * 100) % HEAVENLY_STEMS.length] as string;
    case 'ideographZodiac':
      return EARTHLY_BRANCHES[(n - 1 + EARTHLY_BRANCHES.length * 100) % EARTHLY_BRANCHES.length] as string;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, CIRCLED);
    case 'decimalEnclosedParen':
      return enclosed(n, [[1, 20, 0x2474]]);
    case 'decimalEnclosedFullstop':
      return enclosed(n, [[1, 20, 0x2488]]);
    case 'ideographEnclosedCircle':
      return enclosed(n, [[1, 10, 0x3220]]);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/** Marker endings after which no space is needed: 一、 （一） 1. ①. */
const CLOSED_MARKER = /[、.．)）\]】:：,，\u2460-\u24ff\u3251-\u32bf]$/u;

interface ListState {
  counters: (number | undefined)[];
}

/**
 * Numbers paragraphs in document order. Call {@link Numberer.label} once per paragraph, in order:
 * it advances the counters and returns the text Word shows before the paragraph.
 */
export class Numberer {
  private readonly lists = new Map<string, ListState>();
  private readonly usedNums = new Set<string>();

  constructor(
    private readonly numbering: Numbering,
    private readonly styles: Styles,
  ) {}

  /**
   * The number text of a paragraph with numbering properties `own` and paragraph style `styleId`
   * ('' for none, and for bullets), including a space when the marker needs one.
   */
  label(own: NumPr | undefined, styleId: string | undefined): string {
    const resolved = this.resolve(own, styleId ?? this.styles.defaultParagraph);
    if (!resolved) return '';
    const { numId, abstractId, ilvl } = resolved;
    const num = this.numbering.nums.get(numId);
    if (!num) return '';
    const list = this.lists.get(abstractId) ?? { counters: [] };
    this.lists.set(abstractId, list);
    const levelOf = (k: number): NumberingLevel | undefined =>
      num.levelOverrides.get(k) ?? this.numbering.abstracts.get(abstractId)?.levels.get(k);
    const level = levelOf(ilvl);
    if (!level) return '';

    // An overridden level starts afresh the first time its list is used, and from then on
    // restarts at the overriding value.
    const startOf = (k: number): number => num.startOverrides.get(k) ?? levelOf(k)?.start ?? 1;
    if (!this.usedNums.has(numId)) {
      this.usedNums.add(numId);
      for (const k of new Set([...num.startOverrides.keys(), ...num.levelOverrides.keys()])) {
        list.counters[k] = undefined;
      }
    }
    const current = list.counters[ilvl];
    list.counters[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    for (let k = ilvl + 1; k < 9; k++) {
      const deeper = levelOf(k);
      // lvlRestart is 1-based: restart when a level at or above it (ilvl < value) is used.
      const restartAfter = deeper?.restartAfter ?? k;
      if (restartAfter !== 0 && ilvl < restartAfter) list.counters[k] = undefined;
    }

    if (level.format === 'bullet' || level.format === 'none') return '';
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const lvl = levelOf(k);
      const value = list.counters[k] ?? startOf(k);
      return formatNumber(value, level.legal && k !== ilvl ? 'decimal' : (lvl?.format ?? 'decimal'));
    });
    if (text === '' || level.suffix === 'nothing' || CLOSED_MARKER.test(text)) return text;
    return `${text} `;
  }

  /** The list and level of a paragraph: its own numPr, else its style's, following w:basedOn. */
  private resolve(
    own: NumPr | undefined,
    styleId: string | undefined,
  ): { numId: string; abstractId: string; ilvl: number } | null {
    let numId = own?.numId;
    let ilvl = own?.ilvl;
    let numberedStyle: string | undefined;
    const seen = new Set<string>();
    for (let id = styleId; id !== undefined && !seen.has(id); id = this.styles.byId.get(id)?.basedOn) {
      seen.add(id);
      const style = this.styles.byId.get(id);
      if (!style) break;
      if (numId === undefined && style.numId !== undefined) {
        numId = style.numId;
        numberedStyle = id;
      }
      if (ilvl === undefined && style.ilvl !== undefined && numberedStyle !== undefined) ilvl = style.ilvl;
    }
    if (numId === undefined || numId === '0') return null;
    const abstractId = this.abstractOf(numId);
    if (abstractId === undefined) return null;
    if (ilvl === undefined && numberedStyle !== undefined) {
      // Heading styles linked from a level (w:lvl/w:pStyle) take that level.
      for (const [k, lvl] of this.numbering.abstracts.get(abstractId)?.levels ?? []) {
        if (lvl.style === numberedStyle) ilvl = k;
      }
    }
    return { numId, abstractId, ilvl: Math.min(Math.max(ilvl ?? 0, 0), 8) };
  }

  /** The abstract definition of a list, through a numbering style link when there is one. */
  private abstractOf(numId: string): string | undefined {
    let abstractId = this.numbering.nums.get(numId)?.abstractId;
    for (let hops = 0; abstractId !== undefined && hops < 4; hops++) {
      const link = this.numbering.abstracts.get(abstractId)?.numStyleLink;
      if (!link) break;
      const linkedNum = this.styles.byId.get(link)?.numId;
      const next = linkedNum === undefined ? undefined : this.numbering.nums.get(linkedNum)?.abstractId;
      if (next === undefined || next === abstractId) break;
      abstractId = next;
    }
    return abstractId;
  }
}
