/**
 * Chinese numerals as the reports write them: 一百零五, 两万三, 二十万亿, 二〇二二, 三点五, 壹万,
 * and Arabic figures with Chinese multipliers (2014.63万, 1,100万, 3千). Pure and synchronous.
 *
 * The evaluator works on a slice of a larger text (`readNumeral(text, start, end)`) so the
 * quantity scanner can parse in place without cutting substrings.
 */

/** Character classes of the numeral grammar; `NUMERAL_KIND[code]` is one of these. */
export const Kind = {
  None: 0,
  /** 0-9 and ０-９. */
  Arabic: 1,
  /** 〇零一…九两 and the 大写 forms. */
  Digit: 2,
  /** 十百千 (拾佰仟). */
  Small: 3,
  /** 万亿 (萬億). */
  Big: 4,
  /** 数 and 几: "数十", "几百", "十几" — a vague digit. */
  Vague: 5,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** Value of each digit character, by char code. */
const DIGIT_VALUE = new Int8Array(0x10000).fill(-1);
/** Kind of each character, by char code. */
export const NUMERAL_KIND = new Uint8Array(0x10000);
/** Value of 十百千万亿 and their 大写 forms, by char code (0 when not a unit). */
const UNIT_VALUE = new Float64Array(0x10000);

function defineDigits(chars: string, value: number): void {
  for (const ch of chars) {
    const code = ch.charCodeAt(0);
    DIGIT_VALUE[code] = value;
    NUMERAL_KIND[code] = Kind.Digit;
  }
}

function defineUnits(chars: string, value: number, kind: Kind): void {
  for (const ch of chars) {
    const code = ch.charCodeAt(0);
    UNIT_VALUE[code] = value;
    NUMERAL_KIND[code] = kind;
  }
}

// ○ (U+25CB) stands in for 〇 in many typed documents ("二○二二年").
defineDigits('〇零○', 0);
defineDigits('一壹', 1);
defineDigits('二贰貳两兩俩倆', 2);
defineDigits('三叁參', 3);
defineDigits('四肆', 4);
defineDigits('五伍', 5);
defineDigits('六陆陸', 6);
defineDigits('七柒', 7);
defineDigits('八捌', 8);
defineDigits('九玖', 9);
defineUnits('十拾', 10, Kind.Small);
defineUnits('百佰', 100, Kind.Small);
defineUnits('千仟', 1000, Kind.Small);
defineUnits('万萬', 1e4, Kind.Big);
defineUnits('亿億', 1e8, Kind.Big);
for (let c = 0x30; c <= 0x39; c++) {
  NUMERAL_KIND[c] = Kind.Arabic;
  DIGIT_VALUE[c] = c - 0x30;
}
for (let c = 0xff10; c <= 0xff19; c++) {
  NUMERAL_KIND[c] = Kind.Arabic;
  DIGIT_VALUE[c] = c - 0xff10;
}
NUMERAL_KIND[0x6570] = Kind.Vague; // 数
NUMERAL_KIND[0x51e0] = Kind.Vague; // 几

const POINT = 0x70b9; // 点
const YU = 0x4f59; // 余
const DUO = 0x591a; // 多
const FEN = 0x5206; // 分

/** True for ',' and '，' (thousands separators). */
function isComma(code: number): boolean {
  return code === 0x2c || code === 0xff0c;
}

/** True for '.' and '．' (decimal point). */
function isDot(code: number): boolean {
  return code === 0x2e || code === 0xff0e;
}

/**
 * True when a 百/千/万 at `i` begins a 百分/千分/万分 word (百分之, 百分点, 百分位) and so ends the
 * numeral before it: "百分之七十百分位" is 70 followed by a word, not 70 × 100.
 */
export function startsFenWord(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (
    (NUMERAL_KIND[code] === Kind.Small || NUMERAL_KIND[code] === Kind.Big) && text.charCodeAt(i + 1) === FEN
  );
}

/** Removes floating-point noise: 2014.63 × 10⁴ is 20146300, not 20146299.999999996. */
function clean(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(15));
}

/** What `readNumeral` found. */
export interface NumeralReading {
  value: number;
  /** A 余/多 inside or after the numeral, or a vague digit (数十, 十几): `value` is a lower bound. */
  over: boolean;
  /** Two or more digits, no 十百千万亿 and no Arabic figure: 二〇二二, 三四. */
  digitsOnly: boolean;
  /** Number of digits of a digits-only numeral (4 for 二〇二二). */
  digitCount: number;
  /** The value of the trailing multiplier (1e4 for "5万", 1e12 for "3万亿"), 1 when there is none. */
  multiplier: number;
}

/**
 * Read the numeral that fills `text[start, end)` exactly; null when it is not a well-formed numeral.
 *
 * Accepts Arabic figures (with `,` groups and a decimal point, half or full width), Chinese digits
 * including 两 and 大写 forms, 十百千万亿 in any nesting ("二十万亿"), 零 gaps ("一万零十二"), the
 * colloquial trailing digit ("两万三" = 23000, "一千五" = 1500), 点 decimals ("三点五"), digit-by-digit
 * forms ("二〇二二" = 2022), and vague digits ("数十" = 10, "十几" = 10, flagged `over`). A 余/多 before a
 * multiplier ("十余万", "三十万多亿") or at the end ("百余") sets `over` and leaves the value at its
 * lower bound.
 *
 * @example
 * readNumeral('共计二十万亿元', 2, 6); // { value: 2e13, over: false, multiplier: 1e12, … }
 * readNumeral('十余万'); // { value: 100000, over: true, multiplier: 1e4, … }
 */
export function readNumeral(text: string, start = 0, end = text.length): NumeralReading | null {
  let total = 0; // committed at the 亿 level
  let wan = 0; // committed at the 万 level
  let sec = 0; // the current section below 万
  let digit: number | null = null; // pending digit (or Arabic figure, or decimal)
  let secUnit = Number.POSITIVE_INFINITY; // last 十百千 of the current section (must descend)
  let lastUnit = 0; // the last multiplier seen
  let digitAfterUnit = false; // the pending digit follows a multiplier directly (两万三)
  let zero = false; // a 零 since the last multiplier (一万零三: no colloquial scaling)
  let over = false;
  let sawUnit = false;
  let sawArabic = false;
  let sawPoint = false;
  let seq = 0; // digits-only value
  let seqLen = 0;
  let seqAll = true; // every token so far is a Chinese digit

  let i = start;
  if (i >= end) return null;
  while (i < end) {
    const code = text.charCodeAt(i);
    const kind = NUMERAL_KIND[code];
    if (kind === Kind.Arabic) {
      if (digit !== null || seqLen > 0) return null;
      // Accumulate digits; the fraction is divided once, and clean() removes the rounding noise.
      let j = i;
      let n = 0;
      let fracDigits = -1; // -1: no decimal point yet
      while (j < end) {
        const c = text.charCodeAt(j);
        if (NUMERAL_KIND[c] === Kind.Arabic) {
          n = n * 10 + (DIGIT_VALUE[c] as number);
          if (fracDigits >= 0) fracDigits++;
          j++;
        } else if (isComma(c) && j > i && fracDigits < 0) {
          j++; // group separator; the scanner has already checked the grouping
        } else if (
          isDot(c) &&
          fracDigits < 0 &&
          j + 1 < end &&
          NUMERAL_KIND[text.charCodeAt(j + 1)] === Kind.Arabic
        ) {
          fracDigits = 0;
          j++;
        } else break;
      }
      digit = fracDigits > 0 ? clean(n / 10 ** fracDigits) : n;
      digitAfterUnit = false; // "2万3" is not read colloquially
      sawArabic = true;
      seqAll = false;
      i = j;
      continue;
    }
    if (kind === Kind.Digit) {
      const d = DIGIT_VALUE[code] as number;
      if (!sawUnit && !sawArabic && !sawPoint) {
        // Could still be digit-by-digit (二〇二二) until a multiplier turns up.
        seq = seq * 10 + d;
        seqLen++;
      }
      if (d === 0) {
        zero = true;
        if (sawUnit && digit !== null) return null; // "十零" etc.
        i++;
        continue;
      }
      if (digit !== null) {
        if (sawUnit || sawArabic || sawPoint) return null; // 十四五: two digits in a row after a multiplier
        digit = digit * 10 + d; // provisional; only the digits-only reading is valid
      } else {
        digit = d;
        digitAfterUnit = lastUnit > 0 && !zero;
      }
      i++;
      continue;
    }
    if (kind === Kind.Small || kind === Kind.Big) {
      if (seqLen > 1 && !sawUnit) return null; // 二三十: a run of digits before a multiplier
      const u = UNIT_VALUE[code] as number;
      seqAll = false;
      if (kind === Kind.Small) {
        if (u >= secUnit) return null; // 十百, 百百
        if (digit !== null && !Number.isInteger(digit) && sawPoint) {
          // 三点五十 is not a numeral
          return null;
        }
        sec += (digit ?? 1) * u;
        secUnit = u;
      } else if (u === 1e4) {
        if (wan > 0 || lastUnit === 1e4) return null; // 一万万
        let v = sec + (digit ?? 0);
        if (v === 0) v = 1; // 万 alone, 万余
        wan = v * 1e4;
        sec = 0;
        secUnit = Number.POSITIVE_INFINITY;
      } else {
        let v = wan + sec + (digit ?? 0);
        if (v === 0) v = 1; // 亿 alone
        // 亿 multiplies everything below it that has not yet been committed: 二十万亿 = 20万 × 亿.
        total += v * 1e8;
        wan = 0;
        sec = 0;
        secUnit = Number.POSITIVE_INFINITY;
      }
      digit = null;
      lastUnit = u;
      sawUnit = true;
      zero = false;
      digitAfterUnit = false;
      i++;
      continue;
    }
    if (code === POINT) {
      // 三点五 / 二十三点五万: the integer so far and the fraction become one pending number.
      if (sawPoint || sawArabic) return null;
      const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
      if (NUMERAL_KIND[next] !== Kind.Digit) return null;
      let intPart: number;
      if (!sawUnit && seqLen > 0) intPart = seq;
      else if (digit === null && sec === 0) return null;
      else intPart = sec + (digit ?? 0);
      let frac = '';
      let j = i + 1;
      while (j < end && NUMERAL_KIND[text.charCodeAt(j)] === Kind.Digit) {
        frac += String(DIGIT_VALUE[text.charCodeAt(j)]);
        j++;
      }
      digit = intPart + Number(`0.${frac}`);
      sec = 0;
      secUnit = Number.POSITIVE_INFINITY;
      sawPoint = true;
      seqAll = false;
      digitAfterUnit = false;
      zero = false;
      i = j;
      continue;
    }
    if (code === YU || code === DUO) {
      // 十余万, 三十万多亿, 百余: allowed before a multiplier or at the end, after something numeric.
      if (i === start) return null;
      const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
      const nk = NUMERAL_KIND[next];
      if (i + 1 < end && nk !== Kind.Small && nk !== Kind.Big) return null;
      over = true;
      i++;
      continue;
    }
    if (kind === Kind.Vague) {
      // 数十 / 几百: a digit of at least 1 before a multiplier; 十几 / 二十几: nothing more after 十.
      const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
      const nk = NUMERAL_KIND[next];
      over = true;
      seqAll = false;
      if (i + 1 < end && (nk === Kind.Small || nk === Kind.Big)) {
        if (digit !== null) return null;
        // 数十 / 几百 count at least 1; in 十几万 the 几 adds nothing to the lower bound.
        digit = secUnit === Number.POSITIVE_INFINITY ? 1 : 0;
        digitAfterUnit = false;
      } else if (lastUnit > 0 && digit === null && i + 1 >= end) {
        // trailing 几 adds nothing to the lower bound
      } else return null;
      i++;
      continue;
    }
    return null;
  }

  // 一百零 / 十零: a 零 after a multiplier must lead to a digit.
  const lastCode = text.charCodeAt(end - 1);
  if (sawUnit && NUMERAL_KIND[lastCode] === Kind.Digit && DIGIT_VALUE[lastCode] === 0) return null;
  let value: number;
  const digitsOnly = seqAll && seqLen > 1;
  if (digitsOnly) {
    value = seq;
  } else {
    let tail = digit ?? 0;
    if (digit !== null && digitAfterUnit && lastUnit > 10 && Number.isInteger(digit) && digit < 10) {
      // Colloquial trailing digit: 两万三 = 2万3千, 一千五 = 1500, 一亿五 = 1.5亿.
      tail = digit * (lastUnit / 10);
    }
    value = total + wan + sec + tail;
  }
  // The trailing multiplier ("5万" → 1e4, "3万亿" → 1e12, "5百万" → 1e6), so a range can share
  // it: 3-5万 is 3万-5万. 十 is left out: 三至五十人 may be 3-50 as well as 30-50.
  let multiplier = 1;
  let j = end - 1;
  while (j >= start && (text.charCodeAt(j) === YU || text.charCodeAt(j) === DUO)) j--;
  while (j >= start && NUMERAL_KIND[text.charCodeAt(j)] === Kind.Big)
    multiplier *= UNIT_VALUE[text.charCodeAt(j--)] as number;
  if (j >= start && NUMERAL_KIND[text.charCodeAt(j)] === Kind.Small) {
    const u = UNIT_VALUE[text.charCodeAt(j)] as number;
    if (u >= 100) multiplier *= u;
  }
  return { value: clean(value), over, digitsOnly, digitCount: digitsOnly ? seqLen : 0, multiplier };
}

/**
 * Parse a numeral string to a plain number, or null when it is not one.
 *
 * A 余/多 inside or at the end ("百余", "三十万多亿") and vague digits ("数十", "十几") give the lower
 * bound (100, 3e13, 10, 10); `readNumeral` reports them as `over`.
 *
 * @example
 * parseChineseNumeral('两万三'); // 23000
 * parseChineseNumeral('2014.63万'); // 20146300
 * parseChineseNumeral('二〇二二'); // 2022
 * parseChineseNumeral('一万零十二'); // 10012
 */
export function parseChineseNumeral(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  return readNumeral(t, 0, t.length)?.value ?? null;
}
