/**
 * Quantities in report text: a number with its counting unit and qualifier ("近24万余次",
 * "百余场次", "97.6%", "百分之九十五", "3-5件"), with exact offsets. One left-to-right pass with a
 * hand-written scanner; no I/O, no dependencies.
 *
 * What is not a quantity is skipped here rather than left to the caller: dates and years, ordinals
 * (第四次, 十五届), document and index numbers (〔2021〕33号, MB1A08302/2023), phone and hotline
 * numbers, names and slogans that contain numerals ("八五"普法, "1+3", 三项制度, 一件事), and Chinese
 * numerals inside words (统一部署, 一部分, 十分).
 *
 * Choices (see also the tests):
 * - A Chinese numeral is a quantity only with a counting unit or as a percentage (百分之X); an
 *   Arabic figure without a unit is returned with `unit: ''` unless it looks like a year, date,
 *   code, phone or hotline number or list marker. Callers that want figures filter on `unit`.
 * - 余/多 (after the number), 超/逾/超过 (before) and 以上 (after) make `approx: 'over'`; 近/不足/不到
 *   and 以下/以内 make `'under'`; 约/大约/左右 make `'about'`; an over and an under together
 *   ("近24万余次") make `'about'`. The qualifier never changes `value`.
 * - Vague numerals count from their lower bound with `'over'`: 数十 and 几十 are 10, 十几 is 10,
 *   数万 is 10000.
 * - `range` is set only for an explicit range of two numbers (3-5件, 三至五件, 10%—20%, 两三个);
 *   `value` is then the low end. 百余/十余 carry no range: their bound is `approx`.
 */
import { Kind, NUMERAL_KIND, type NumeralReading, readNumeral, startsFenWord } from './numerals.js';

export type Approx = 'over' | 'under' | 'about';

export interface Quantity {
  /** The plain number: 2014.63万 → 20146300, 97.6% → 97.6, 2.5万元 → 25000. */
  value: number;
  /** Counting unit ('件', '人次', '场(次)', '个百分点', '元'), '%', '‰', '‱', or '' when there is none. */
  unit: string;
  /** Qualifier: 余/多/超/逾/以上 → over; 近/不足/不到 → under; 约/左右 → about. */
  approx: Approx | null;
  /** The whole expression, qualifiers and unit included ("近24万余次", "百分之九十五"). */
  start: number;
  end: number;
  /** The numeral itself ("24万", "九十五"; for a range, from the first number to the last). */
  numberStart: number;
  numberEnd: number;
  /** An explicit range ("3-5件"); `value` is `low`. */
  range?: { low: number; high: number };
  /** `text.slice(start, end)`. */
  raw: string;
}

/**
 * Counting units. The scanner takes the longest one that matches right after the number (or after
 * 余/多), so 人次 wins over 人 and 个百分点 over 个. Units that sit inside a multiplier ("120万人次",
 * "2.5万元") need no entry of their own: 万/亿 belong to the number.
 */
export const UNITS: readonly string[] = [
  // rates
  '%',
  '％',
  '‰',
  '‱',
  '个百分点',
  '百分点',
  // person-times and other event counts
  '人次',
  '件次',
  '户次',
  '家次',
  '车次',
  '场次',
  '批次',
  '班次',
  '架次',
  '期次',
  '份次',
  '册次',
  '条次',
  '项次',
  '名次',
  '台次',
  '次',
  // cases, items, documents
  '件',
  '起',
  '宗',
  '例',
  '项',
  '条',
  '部门',
  '部',
  '份',
  '册',
  '本',
  '卷',
  '张',
  '篇',
  '套',
  '幅',
  '块',
  '则',
  '封',
  '集',
  // people, bodies, places
  '人',
  '名',
  '位',
  '户',
  '家',
  '所',
  '处',
  '座',
  '个工作日',
  '个季度',
  '个星期',
  '个小时',
  '个月',
  '个',
  '支',
  '组',
  '对',
  '类',
  '种',
  '辆',
  '间',
  '栋',
  // sessions
  '场',
  '期',
  '轮',
  '批',
  '堂',
  '节',
  // money, time and measures
  '元',
  '工作日',
  '小时',
  '分钟',
  '天',
  '年',
  '岁',
  '倍',
  '平方公里',
  '平方米',
  '公顷',
  '亩',
  '公里',
  '千米',
  '米',
  '吨',
  '公斤',
  '千克',
  // only after Arabic figures (see ARABIC_ONLY)
  '分',
  '台',
  '门',
  '道',
  '页',
];

/** Units that are words after a Chinese numeral: 十分 (very), 七台河, 一门式, 一道 (together), 一页. */
const ARABIC_ONLY = new Set(['分', '台', '门', '道', '页']);

/** Units after which a trailing 多/余 still belongs to the quantity: 两年多, 一个多月. */
const TIME_UNITS = new Set(['年', '天', '小时', '个小时', '个月', '个工作日', '工作日', '个季度', '个星期']);

/** What may follow 个多: 一个多月, 两个多小时. */
const GE_DUO_UNITS: readonly string[] = ['月', '小时', '工作日', '星期', '季度'];

/** Counters that may be written in parentheses after a unit: 场(次), 人(次), 个(家). */
const PAREN_UNITS = new Set(['次', '个', '家', '人', '件', '场', '项', '名', '期']);

/** Units by first char code, longest first. */
const UNITS_BY_FIRST = new Map<number, string[]>();
for (const unit of UNITS) {
  const first = unit.charCodeAt(0);
  const list = UNITS_BY_FIRST.get(first) ?? [];
  list.push(unit);
  list.sort((a, b) => b.length - a.length);
  UNITS_BY_FIRST.set(first, list);
}

/**
 * Qualifiers written before the number, longest first within each last character. 达/共/累计 are
 * neutral and are not listed. 不超过 must win over 超过.
 */
const PREFIXES: ReadonlyArray<readonly [string, Approx]> = [
  ['不超过', 'under'],
  ['不少于', 'over'],
  ['不低于', 'over'],
  ['不高于', 'under'],
  ['超过', 'over'],
  ['多于', 'over'],
  ['高于', 'over'],
  ['大于', 'over'],
  ['至少', 'over'],
  ['突破', 'over'],
  ['少于', 'under'],
  ['低于', 'under'],
  ['小于', 'under'],
  ['将近', 'under'],
  ['接近', 'under'],
  ['不足', 'under'],
  ['不到', 'under'],
  ['不满', 'under'],
  ['大约', 'about'],
  ['大概', 'about'],
  ['约为', 'about'],
  ['超', 'over'],
  ['逾', 'over'],
  ['近', 'under'],
  ['约', 'about'],
];
const PREFIXES_BY_LAST = new Map<number, Array<readonly [string, Approx]>>();
for (const entry of PREFIXES) {
  const last = entry[0].charCodeAt(entry[0].length - 1);
  const list = PREFIXES_BY_LAST.get(last) ?? [];
  list.push(entry);
  list.sort((a, b) => b[0].length - a[0].length);
  PREFIXES_BY_LAST.set(last, list);
}

/** A one-character qualifier is a word part after these: 最近, 附近, 签约, 预约, 节约, 赶超. */
const NOT_BEFORE: Readonly<Record<string, string>> = {
  近: '最附靠亲临邻就贴走浅',
  约: '预签履违公合条契集简节制邀特协缔解守相租婚隐誓规',
  超: '赶高',
};

/** Qualifiers written after the unit. */
const SUFFIXES: ReadonlyArray<readonly [string, Approx]> = [
  ['及以上', 'over'],
  ['以上', 'over'],
  ['有余', 'over'],
  ['及以下', 'under'],
  ['以下', 'under'],
  ['以内', 'under'],
  ['左右', 'about'],
];
const SUFFIX_FIRST = new Set(SUFFIXES.map(([word]) => word.charCodeAt(0)));

/**
 * Words that start with a numeral but are not quantities, checked at the numeral: 一次性, 一件事,
 * 三项制度, 四个亲自. Numerals followed by no counting unit (一网通办, 三统一, 二十大) need no entry.
 */
const STOP_WORDS: readonly string[] = [
  '一次性',
  '一次办',
  '一次告知',
  '一件事',
  '一条龙',
  '一部分',
  '一批',
  '一起',
  '一种',
  '一张网',
  '一张图',
  '一张蓝图',
  '一本账',
  '一套材料',
  '一个样',
  '三项制度',
  '四个亲自',
  '两个维护',
  '两个确立',
  '两个责任',
  '两个大局',
  '两个结合',
  '两个一百年',
  '三个代表',
  '三个一批',
  '四个意识',
  '四个自信',
  '四个全面',
  '四个最严',
  '五个一',
  '八项规定',
  '五家渠',
];
const STOP_BY_FIRST = new Map<number, string[]>();
for (const word of STOP_WORDS) {
  const first = word.charCodeAt(0);
  const list = STOP_BY_FIRST.get(first) ?? [];
  list.push(word);
  STOP_BY_FIRST.set(first, list);
}

/**
 * A Chinese numeral right after one of these is part of a word (统一, 唯一, 进一步, 之一, 每一, 初三) or an
 * ordinal without 第 (十五届三次全会). 周 is left out: 周一 has no unit after it, while 每周两次 is a count.
 */
const WORD_BEFORE = new Set(
  Array.from('统唯进逐同单划专合归之每这那此某另任其跑初届', (c) => c.charCodeAt(0)),
);

/** Characters after a unit-less Arabic figure that make it a date, time, designator or rank. */
const DESIGNATOR_AFTER = new Set(
  Array.from('年月日号时点分秒周届级版楼层室栋路街巷期#', (c) => c.charCodeAt(0)),
);

/** Service numbers that appear bare in reports (110报警, 120急救). 123xx hotlines are caught as 5-digit codes. */
const SERVICE_NUMBERS = new Set([110, 119, 120, 122]);

const YU = 0x4f59; // 余
const DUO = 0x591a; // 多
const DI = 0x7b2c; // 第
const ZHI = 0x4e4b; // 之
const FEN = 0x5206; // 分
/** Quote and clause classes for the quote check, by char code: 1 opens, 2 closes, 3 ends a clause, 4 is '"'. */
const QUOTE_CLASS = new Uint8Array(0x10000);
for (const c of [0x201c, 0x300c, 0x300e, 0x300a, 0x2018]) QUOTE_CLASS[c] = 1;
for (const c of [0x201d, 0x300d, 0x300f, 0x300b, 0x2019]) QUOTE_CLASS[c] = 2;
QUOTE_CLASS[0x22] = 4;
// Punctuation that ends the look-around of the quote check.
for (const c of '。;；!！?？,，:：\n') QUOTE_CLASS[c.charCodeAt(0)] = 3;
/** How far a short quoted name reaches on either side of the number. */
const QUOTE_REACH = 10;

function isAsciiLetter(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a)
  );
}

function isAsciiDigit(c: number): boolean {
  return NUMERAL_KIND[c] === Kind.Arabic;
}

/** Value of an Arabic digit (half or full width). */
function digitValue(c: number): number {
  return c >= 0xff10 ? c - 0xff10 : c - 0x30;
}

function isHan(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff;
}

function isComma(c: number): boolean {
  return c === 0x2c || c === 0xff0c;
}

function isDot(c: number): boolean {
  return c === 0x2e || c === 0xff0e;
}

/** '+' and '×' join names and formulas: "1+3", "5+2", 7×24小时. */
function isPlusOrTimes(c: number): boolean {
  return c === 0x2b || c === 0xff0b || c === 0xd7 || c === 0x2a;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0xa0;
}

/** '-' and its look-alikes, which join ranges but also dates, phone and index numbers. */
function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0xff0d || c === 0x2013 || c === 0x2014 || c === 0x2212;
}

/** Length of a range connector at `p` (3-5, 3—5, 3——5, 3~5, 3至5, 3到5), or 0. */
function connectorAt(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c === 0x2014 && text.charCodeAt(p + 1) === 0x2014) return 2;
  if (isHyphen(c) || c === 0x7e || c === 0xff5e || c === 0x301c || c === 0x81f3 || c === 0x5230) return 1;
  return 0;
}

function combine(over: boolean, under: boolean, about: boolean): Approx | null {
  if (about || (over && under)) return 'about';
  if (over) return 'over';
  if (under) return 'under';
  return null;
}

interface Tail {
  unit: string;
  /** A 余/多 between number and unit, or after a time unit. */
  over: boolean;
  /** End of the unit (or of the bare 余). */
  end: number;
}

interface NumberRead {
  start: number;
  end: number;
  reading: NumeralReading;
  arabic: boolean;
  /** Arabic: digits before any `,` or `.` (4 for "2022", 1 for "1,100"); 0 for Chinese. */
  intLen: number;
  /** Arabic digits only, no `,` group and no decimals ("2022", "0728", not "1,100" or "2023.3"). */
  plain: boolean;
  /** The first two digits as a number (20 for "2022"), for year checks. */
  lead2: number;
}

interface Flags {
  over: boolean;
  under: boolean;
  about: boolean;
}

/**
 * Find every quantity in `text[from, to)`.
 *
 * Offsets are offsets of `text`; qualifiers and units are looked for only inside the window, while
 * the checks that rule a number out (第 before it, a letter next to it) may look one character
 * beyond it.
 *
 * @example
 * findQuantities('受理行政复议申请115件,审结近24万余次,比例达97.6%');
 * // → [{ value: 115, unit: '件', approx: null, raw: '115件', … },
 * //    { value: 240000, unit: '次', approx: 'about', raw: '近24万余次', … },
 * //    { value: 97.6, unit: '%', approx: null, raw: '97.6%', … }]
 */
export function findQuantities(text: string, from = 0, to: number = text.length): Quantity[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  const out: Quantity[] = [];

  /** Longest unit at `p`, with 余/多 after time units and a parenthesized counter ("场(次)"). */
  function unitAt(p: number, arabic: boolean): Tail | null {
    const list = UNITS_BY_FIRST.get(text.charCodeAt(p));
    if (!list) return null;
    for (const u of list) {
      if (p + u.length > hi || !text.startsWith(u, p)) continue;
      if (!arabic && ARABIC_ONLY.has(u)) continue;
      let unit = u === '％' ? '%' : u;
      let end = p + u.length;
      let over = false;
      if (unit === '个' && text.charCodeAt(end) === DUO && end + 1 < hi) {
        // 一个多月, 两个多小时
        for (const t of GE_DUO_UNITS) {
          if (end + 1 + t.length <= hi && text.startsWith(t, end + 1))
            return { unit: `个${t}`, over: true, end: end + 1 + t.length };
        }
      }
      if (TIME_UNITS.has(unit) && end < hi && (text.charCodeAt(end) === DUO || text.charCodeAt(end) === YU)) {
        over = true; // 两年多
        end++;
      } else {
        const open = text.charCodeAt(end);
        if ((open === 0x28 || open === 0xff08) && end + 2 < hi) {
          const inner = text.charAt(end + 1);
          const close = text.charCodeAt(end + 2);
          if (PAREN_UNITS.has(inner) && (close === 0x29 || close === 0xff09)) {
            unit = `${unit}(${inner})`;
            end += 3;
          }
        }
      }
      return { unit, over, end };
    }
    return null;
  }

  /** The unit after a number ending at `p`, with a 余/多 before it. */
  function tailAt(p: number, arabic: boolean): Tail {
    const c = text.charCodeAt(p);
    if (p < hi && (c === YU || c === DUO)) {
      const u = unitAt(p + 1, arabic);
      if (u) return { unit: u.unit, over: true, end: u.end };
      // "共计300余," — a bare figure with 余 at the end of a clause
      if (arabic && (p + 1 >= hi || !isHan(text.charCodeAt(p + 1))))
        return { unit: '', over: true, end: p + 1 };
      return { unit: '', over: false, end: p };
    }
    if (p >= hi) return { unit: '', over: false, end: p };
    const u = unitAt(p, arabic) ?? (arabic && isSpace(c) && p + 1 < hi ? unitAt(p + 1, arabic) : null);
    return u ?? { unit: '', over: false, end: p };
  }

  function prefixBefore(p: number): { start: number; approx: Approx } | null {
    if (p - 1 < lo) return null;
    const list = PREFIXES_BY_LAST.get(text.charCodeAt(p - 1));
    if (!list) return null;
    for (const [word, approx] of list) {
      const s = p - word.length;
      if (s < lo || !text.startsWith(word, s)) continue;
      const not = NOT_BEFORE[word];
      if (not && s > 0 && not.includes(text.charAt(s - 1))) continue;
      return { start: s, approx };
    }
    return null;
  }

  function suffixAfter(p: number): { end: number; approx: Approx } | null {
    if (!SUFFIX_FIRST.has(text.charCodeAt(p))) return null;
    for (const [word, approx] of SUFFIXES) {
      if (p + word.length <= hi && text.startsWith(word, p)) return { end: p + word.length, approx };
    }
    return null;
  }

  /** Whether an ASCII '"' at `k` opens a quotation (an even number of them before it on its line). */
  function asciiQuoteOpens(k: number): boolean {
    let n = 0;
    for (let j = k - 1; j >= 0; j--) {
      const c = text.charCodeAt(j);
      if (c === 0x0a) break;
      if (c === 0x22) n++;
    }
    return n % 2 === 0;
  }

  /** A number inside a short quotation is a name: “三项制度”, "1+3", “四所一庭”. */
  function inShortQuote(s: number, e: number): boolean {
    let open = false;
    for (let k = s - 1; k >= 0 && k >= s - QUOTE_REACH; k--) {
      const cls = QUOTE_CLASS[text.charCodeAt(k)];
      if (cls === 0) continue;
      if (cls === 1 || (cls === 4 && asciiQuoteOpens(k))) open = true;
      break;
    }
    if (!open) return false;
    for (let k = e; k < text.length && k < e + QUOTE_REACH; k++) {
      const cls = QUOTE_CLASS[text.charCodeAt(k)];
      if (cls === 0) continue;
      return cls === 2 || cls === 4;
    }
    return false;
  }

  /** Skip a code-like chain: 2023-03-17, 0728-4812345, MB1A08302/2023, 17:01, 1.2.3. */
  function skipChain(p: number): number {
    let k = p;
    while (k < text.length) {
      const c = text.charCodeAt(k);
      if (isAsciiDigit(c) || isAsciiLetter(c) || c === 0x5f) {
        k++;
        continue;
      }
      const joiner = isHyphen(c) || c === 0x2f || c === 0x3a || c === 0xff1a || isDot(c) || isPlusOrTimes(c);
      if (joiner && k + 1 < text.length) {
        const n = text.charCodeAt(k + 1);
        if (isAsciiDigit(n) || isAsciiLetter(n)) {
          k++;
          continue;
        }
      }
      break;
    }
    return Math.max(k, p + 1);
  }

  /**
   * Read the Arabic figure at `p` with its multipliers ("2014.63万", "1,100万", "1亿2000万").
   * Returns null when the digits are a code: grouping that is not 3-digit, a second decimal point.
   */
  function readArabicAt(p: number): NumberRead | null {
    let k = p;
    while (k < hi && isAsciiDigit(text.charCodeAt(k))) k++;
    const intLen = k - p;
    const lead2 = intLen >= 2 ? digitValue(text.charCodeAt(p)) * 10 + digitValue(text.charCodeAt(p + 1)) : -1;
    let grouped = false;
    // Thousands groups: "1,100万", "12,345件" — the first group has 1-3 digits, each next one 3.
    if (intLen <= 3) {
      while (
        k + 3 < hi &&
        isComma(text.charCodeAt(k)) &&
        isAsciiDigit(text.charCodeAt(k + 1)) &&
        isAsciiDigit(text.charCodeAt(k + 2)) &&
        isAsciiDigit(text.charCodeAt(k + 3)) &&
        !isAsciiDigit(text.charCodeAt(k + 4))
      ) {
        k += 4;
        grouped = true;
      }
    }
    if (k < hi - 1 && isDot(text.charCodeAt(k)) && isAsciiDigit(text.charCodeAt(k + 1))) {
      k++;
      while (k < hi && isAsciiDigit(text.charCodeAt(k))) k++;
      // 2023.03.17, 1.2.3: a date or a section number
      if (isDot(text.charCodeAt(k)) && isAsciiDigit(text.charCodeAt(k + 1))) return null;
      grouped = true; // not plain digits any more
    }
    k = multipliersAt(k);
    const reading = readNumeral(text, p, k);
    if (!reading) return null;
    return { start: p, end: k, reading, arabic: true, intLen, plain: !grouped, lead2 };
  }

  /** Extend a number over 十百千万亿, an inner 余/多 ("10余万") and "亿2000万". */
  function multipliersAt(p: number): number {
    let k = p;
    let lastBig = false;
    while (k < hi) {
      const c = text.charCodeAt(k);
      const kind = NUMERAL_KIND[c];
      if ((kind === Kind.Small || kind === Kind.Big) && !startsFenWord(text, k)) {
        lastBig = kind === Kind.Big;
        k++;
        continue;
      }
      if ((c === YU || c === DUO) && k + 1 < hi) {
        const n = text.charCodeAt(k + 1);
        const nk = NUMERAL_KIND[n];
        if ((nk === Kind.Small || nk === Kind.Big) && !startsFenWord(text, k + 1)) {
          k++;
          continue;
        }
      }
      if (lastBig && kind === Kind.Arabic) {
        let j = k;
        while (j < hi && isAsciiDigit(text.charCodeAt(j))) j++;
        const nk = NUMERAL_KIND[text.charCodeAt(j)];
        if (j < hi && (nk === Kind.Small || nk === Kind.Big) && !startsFenWord(text, j)) {
          k = j;
          lastBig = false;
          continue;
        }
      }
      break;
    }
    return k;
  }

  /** The end of a Chinese numeral run at `p` ("二十万多亿", "三点五", "十几"). */
  function chineseRunEnd(p: number): number {
    let k = p;
    while (k < hi) {
      const c = text.charCodeAt(k);
      const kind = NUMERAL_KIND[c];
      if (kind === Kind.Digit) {
        k++;
        continue;
      }
      if (kind === Kind.Small || kind === Kind.Big) {
        if (startsFenWord(text, k)) break;
        k++;
        continue;
      }
      const next = k + 1 < hi ? text.charCodeAt(k + 1) : 0;
      const nk = NUMERAL_KIND[next];
      const nextIsMultiplier = (nk === Kind.Small || nk === Kind.Big) && !startsFenWord(text, k + 1);
      if (kind === Kind.Vague) {
        // 数十, 几百; 十几, 二十几
        if (nextIsMultiplier || (k > p && NUMERAL_KIND[text.charCodeAt(k - 1)] === Kind.Small)) {
          k++;
          continue;
        }
        break;
      }
      if (c === 0x70b9 && k > p && nk === Kind.Digit) {
        k++; // 三点五
        continue;
      }
      if ((c === YU || c === DUO) && k > p && nextIsMultiplier) {
        k++; // 十余万, 三十万多亿
        continue;
      }
      break;
    }
    return k;
  }

  function readChineseAt(p: number): NumberRead | null {
    const end = chineseRunEnd(p);
    if (end === p) return null;
    const reading = readNumeral(text, p, end);
    if (!reading) return null;
    return { start: p, end, reading, arabic: false, intLen: 0, plain: false, lead2: -1 };
  }

  function push(
    start: number,
    end: number,
    numberStart: number,
    numberEnd: number,
    value: number,
    unit: string,
    flags: Flags,
    range?: { low: number; high: number },
  ): void {
    const q: Quantity = {
      value,
      unit,
      approx: combine(flags.over, flags.under, flags.about),
      start,
      end,
      numberStart,
      numberEnd,
      raw: text.slice(start, end),
    };
    if (range) q.range = range;
    out.push(q);
  }

  /** Qualifiers around a number and its tail; returns the span start and end. */
  function qualify(numberStart: number, tailEnd: number, flags: Flags): { start: number; end: number } {
    let start = numberStart;
    const pre = prefixBefore(numberStart);
    if (pre) {
      start = pre.start;
      flags[pre.approx] = true;
    }
    let end = tailEnd;
    const suf = suffixAfter(tailEnd);
    if (suf) {
      end = suf.end;
      flags[suf.approx] = true;
    }
    return { start, end };
  }

  /** 1900-2099 written as four plain digits. */
  function isYearLike(n: NumberRead): boolean {
    return n.plain && n.intLen === 4 && (n.lead2 === 19 || n.lead2 === 20);
  }

  /**
   * A range after a first number ("3-5件", "三至五件", "10%—20%"). Returns the index to continue
   * from when it consumed the text (as a range, or as a year/date range to skip), else -1.
   */
  function tryRange(first: NumberRead, tail1: Tail): number {
    const c = tail1.unit ? tail1.end : first.end;
    if (tail1.over) return -1;
    const clen = connectorAt(text, c);
    if (clen === 0 || c + clen >= hi) return -1;
    const s2 = c + clen;
    const k2 = NUMERAL_KIND[text.charCodeAt(s2)];
    let second: NumberRead | null = null;
    if (k2 === Kind.Arabic) second = readArabicAt(s2);
    else if (k2 === Kind.Digit || k2 === Kind.Small) second = readChineseAt(s2);
    if (!second) return -1;
    const hyphen = isHyphen(text.charCodeAt(c));
    if (hyphen && second.intLen > 1 && second.lead2 < 10) {
      return -1; // 2023-02723, 2023-03-17: the caller skips the chain
    }
    const tail2 = tailAt(second.end, second.arabic);
    const next2 = text.charCodeAt(tail2.end);
    // 2021—2025年, 2021-2023, 1至3月, 10月16日至20日: years and dates, not quantities
    if ((tail2.unit === '年' || tail2.unit === '') && (isYearLike(first) || isYearLike(second))) {
      return tail2.end;
    }
    if (tail2.unit === '' && DESIGNATOR_AFTER.has(next2)) return tail2.end;
    const unit = tail2.unit || tail1.unit;
    if (!unit) return -1;
    if (tail1.unit && tail2.unit && tail1.unit !== tail2.unit) return -1;
    let low = first.reading.value;
    const high = second.reading.value;
    // 3-5万元 is 3万-5万元; 三至五百人 is 300-500
    if (!tail1.unit && first.reading.multiplier === 1 && second.reading.multiplier > 1) {
      const scaled = low * second.reading.multiplier;
      if (scaled < high) low = Number(scaled.toPrecision(15));
    }
    if (!(low < high)) return -1;
    if (inShortQuote(first.start, second.end)) return tail2.end;
    const flags: Flags = {
      over: first.reading.over || second.reading.over || tail2.over,
      under: false,
      about: false,
    };
    const span = qualify(first.start, tail2.end, flags);
    push(span.start, span.end, first.start, second.end, low, unit, flags, { low, high });
    return span.end;
  }

  /** 百分之九十五, 千分之一, 万分之三 at `p`. */
  function percentAt(p: number): number {
    const head = text.charCodeAt(p);
    const unit = head === 0x767e ? '%' : head === 0x5343 ? '‰' : '‱';
    const s = p + 3;
    if (s >= hi) return s;
    const k = NUMERAL_KIND[text.charCodeAt(s)];
    let n: NumberRead | null = null;
    if (k === Kind.Arabic) n = readArabicAt(s);
    else if (k === Kind.Digit || k === Kind.Small) n = readChineseAt(s);
    if (!n || n.reading.digitsOnly) return s;
    const flags: Flags = { over: n.reading.over, under: false, about: false };
    const span = qualify(p, n.end, flags);
    push(span.start, span.end, n.start, n.end, n.reading.value, unit, flags);
    return span.end;
  }

  function arabicAt(p: number): number {
    const prev = p > 0 ? text.charCodeAt(p - 1) : 0;
    // Part of a code: MB1A08302, No.5, 1+3, /2023, 备05005537号-1 (an em dash is punctuation, not a joiner)
    if (isAsciiLetter(prev) || prev === 0x2f || prev === 0x5f || prev === 0x5c || isPlusOrTimes(prev)) {
      return skipChain(p);
    }
    if (prev === 0x2d || prev === 0xff0d) return skipChain(p);
    const n = readArabicAt(p);
    if (!n) return skipChain(p);
    const after = n.end < text.length ? text.charCodeAt(n.end) : 0;
    const after1 = n.end + 1 < text.length ? text.charCodeAt(n.end + 1) : 0;
    // 5G, 0728-..., 17:01, 2023/3/17, 1+3, 7×24
    if (isAsciiLetter(after) || isPlusOrTimes(after)) return skipChain(p);
    if ((after === 0x3a || after === 0xff1a || after === 0x2f) && isAsciiDigit(after1)) return skipChain(p);
    if (n.intLen > 1 && n.lead2 < 10) return skipChain(p); // 0728, 05005537
    // Ordinals: 第4次, 第 3 批
    if (prev === DI || (isSpace(prev) && p > 1 && text.charCodeAt(p - 2) === DI)) return n.end;
    // Document numbers: 〔2021〕33号, [2019]
    if (prev === 0x3014 || prev === 0x5b || prev === 0x3010 || prev === 0xff3b || prev === 0x3016)
      return n.end;
    if (after === 0x3015 || after === 0x5d || after === 0x3011 || after === 0xff3d || after === 0x3017)
      return n.end;

    const tail = tailAt(n.end, true);
    const ranged = tryRange(n, tail);
    if (ranged >= 0) return Math.max(ranged, p + 1);
    // A hyphen that joined no range joins a date, phone or index number.
    if (!tail.unit && isHyphen(after) && isAsciiDigit(after1)) return skipChain(p);

    const value = n.reading.value;
    if (tail.unit === '年' && isYearLike(n)) return tail.end; // 2022年
    // 2024228 (2024年2月28日), 20222023年 (2022—2023年): dates that lost their 年/月/—
    if (n.plain && (n.intLen === 7 || n.intLen === 8) && (n.lead2 === 19 || n.lead2 === 20)) {
      if (tail.unit === '' || TIME_UNITS.has(tail.unit)) return Math.max(tail.end, n.end);
    }
    if (tail.unit === '') {
      if (DESIGNATOR_AFTER.has(after) && !tail.over) return n.end; // 3月, 18日, 33号, 17时
      if (n.plain) {
        if (isYearLike(n)) return n.end; // a bare year
        if (n.intLen >= 5) return n.end; // 12345, 2024228, phone and index numbers
        if (SERVICE_NUMBERS.has(value)) return n.end;
      } else if (n.intLen === 4 && (n.lead2 === 19 || n.lead2 === 20) && isDot(text.charCodeAt(p + 4))) {
        return n.end; // 2023.3
      }
      // List markers: 1. 1、 (1)
      if (after === 0x3001 || after === 0x29 || after === 0xff09 || (isDot(after) && !isAsciiDigit(after1)))
        return n.end;
    }
    if (inShortQuote(p, tail.end)) return tail.end;
    const flags: Flags = { over: n.reading.over || tail.over, under: false, about: false };
    const span = qualify(p, tail.end, flags);
    push(span.start, span.end, p, n.end, value, tail.unit, flags);
    return span.end;
  }

  function chineseAt(p: number, kind: number): number {
    const code = text.charCodeAt(p);
    // 百分之九十五, 千分之一, 万分之三
    if (
      (code === 0x767e || code === 0x5343 || code === 0x4e07) &&
      text.charCodeAt(p + 1) === FEN &&
      text.charCodeAt(p + 2) === ZHI
    ) {
      return percentAt(p);
    }
    const prev = p > 0 ? text.charCodeAt(p - 1) : 0;
    const runEnd = chineseRunEnd(p);
    if (runEnd === p) return p + 1;
    // Ordinals (第四次) and numerals inside words (统一部署, 之一, 星期三)
    if (
      prev === DI ||
      WORD_BEFORE.has(prev) ||
      (prev === 0x671f && p > 1 && text.charCodeAt(p - 2) === 0x661f)
    ) {
      return runEnd;
    }
    const stops = STOP_BY_FIRST.get(code);
    if (stops) {
      for (const w of stops) if (text.startsWith(w, p)) return p + w.length;
    }
    const n = readChineseAt(p);
    if (!n) return runEnd;
    const reading = n.reading;
    if (reading.value === 0) return runEnd; // 零件, 零容忍
    // A bare 百/千/万/亿 counts only as 百余/万余/千多: 百姓, 千万, 万家, 万人 are words.
    const bare =
      kind === Kind.Big || code === 0x767e || code === 0x4f70 || code === 0x5343 || code === 0x4edf;
    const afterRun = text.charCodeAt(runEnd);
    if (bare && !reading.over && afterRun !== YU && afterRun !== DUO) return runEnd;
    if (kind === Kind.Vague && !reading.over) return runEnd;

    const tail = tailAt(runEnd, false);
    if (reading.digitsOnly) {
      // 二〇二二年 and other digit-by-digit runs are years or codes.
      if (reading.digitCount !== 2 || !tail.unit) return Math.max(tail.end, runEnd);
      // 两三个, 一两次, 三四项: two neighbouring digits are a range
      const d0 = digitAt(p);
      const d1 = digitAt(p + 1);
      if (d0 === null || d1 === null || d0 === 0 || d1 !== d0 + 1) return tail.end;
      if (inShortQuote(p, tail.end)) return tail.end;
      const flags: Flags = { over: tail.over, under: false, about: false };
      const span = qualify(p, tail.end, flags);
      push(span.start, span.end, p, runEnd, d0, tail.unit, flags, { low: d0, high: d1 });
      return span.end;
    }
    const ranged = tryRange(n, tail);
    if (ranged >= 0) return Math.max(ranged, p + 1);
    if (!tail.unit) return runEnd;
    // Slogans where a unit is followed by another numeral: 一人一档, 一对一, 五位一体, 四所一庭
    if (tail.end - runEnd === 1 && NUMERAL_KIND[text.charCodeAt(tail.end)] === Kind.Digit) return tail.end;
    if (inShortQuote(p, tail.end)) return tail.end;
    const flags: Flags = { over: reading.over || tail.over, under: false, about: false };
    const span = qualify(p, tail.end, flags);
    push(span.start, span.end, p, runEnd, reading.value, tail.unit, flags);
    return span.end;
  }

  /** Value of the Chinese digit at `k` (两 = 2), or null. */
  function digitAt(k: number): number | null {
    const r = readNumeral(text, k, k + 1);
    return r ? r.value : null;
  }

  let i = lo;
  while (i < hi) {
    const kind = NUMERAL_KIND[text.charCodeAt(i)] as number;
    if (kind === Kind.None) {
      i++;
      continue;
    }
    const next = kind === Kind.Arabic ? arabicAt(i) : chineseAt(i, kind);
    i = next > i ? next : i + 1;
  }
  return out;
}
