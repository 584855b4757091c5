/**
 * Folding: the character sequence that copy detection compares. Two reports that copy a passage
 * rarely copy it byte for byte: the figures change ("共办理案件120件" → "共办理案件95件"), the
 * punctuation is retyped, and a county writes 我县/全县/县委 where the city wrote 我市/全市/市委. So
 * folding keeps letters only, turns every number into one symbol and the level word of a
 * self-reference into another, and remembers for each kept character where it came from, so that
 * any match can be pointed at in the normalized report text.
 *
 * Folding is one-to-one per kept character (a number run counts as one), never reorders, and
 * always yields BMP code units, so `text.length` is the number of folded characters.
 */

/** What every number (a run of digits, with `.` or `,` inside) folds to. */
export const NUMBER_SYMBOL = '#';
/** What a level word of a self-reference (市 in 我市, 全市, 市委, 市政府) folds to. */
export const LEVEL_SYMBOL = '□';

/** The folded form of a text. */
export interface FoldedText {
  /** One UTF-16 code unit per folded character. */
  text: string;
  /** Offset in the source text where folded character i starts. Ascending. */
  starts: Uint32Array;
  /** Offset in the source text just after folded character i (a number covers all its digits). */
  ends: Uint32Array;
}

/** Level words that differ between otherwise identical sentences of a city, a county, a district … */
const LEVEL = '省市区县镇乡州旗盟局厅';
/** A level word after one of these refers to the reporter itself: 我市, 全县, 本区, 各镇. */
const LEVEL_BEFORE = '我全本该各此';
/** … or before one of these: 市委, 县政府, 区级, 市直, 市人大, 市属. */
const LEVEL_AFTER = '委政级直人属';

const IS_LEVEL = 1;
const IS_BEFORE = 2;
const IS_AFTER = 4;
const FLAGS = new Uint8Array(0x10000);
for (const [chars, flag] of [
  [LEVEL, IS_LEVEL],
  [LEVEL_BEFORE, IS_BEFORE],
  [LEVEL_AFTER, IS_AFTER],
] as const) {
  for (const c of chars) FLAGS[c.charCodeAt(0)] = (FLAGS[c.charCodeAt(0)] as number) | flag;
}

const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;
/** Astral letters (CJK extension B and beyond) fold into this private-use block, 4,096 apart. */
const ASTRAL_BASE = 0xe000;

const SKIP = 1;
const KEEP = 2;
const DIGIT = 3;
/** Character class of each BMP code unit, filled on first sight (Unicode property tests are slow). */
const CLASS = new Uint8Array(0x10000);

function classify(code: number): number {
  let c = CLASS[code] as number;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = code >= 0x30 && code <= 0x39 ? DIGIT : NUMBER.test(ch) ? DIGIT : LETTER.test(ch) ? KEEP : SKIP;
    CLASS[code] = c;
  }
  return c;
}
for (let c = 0x4e00; c <= 0x9fff; c++) CLASS[c] = KEEP;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Fold a text: drop white space, punctuation and symbols; lower-case letters; fold each number
 * to {@link NUMBER_SYMBOL} and each self-referring level word to {@link LEVEL_SYMBOL}.
 *
 * @example
 * fold('我市共办理案件120件。').text; // '我□共办理案件#件'
 */
export function fold(source: string): FoldedText {
  const chars = new Uint16Array(source.length);
  const starts = new Uint32Array(source.length);
  const ends = new Uint32Array(source.length);
  let size = 0;
  let inNumber = false;
  for (let i = 0; i < source.length; ) {
    const unit = source.charCodeAt(i);
    const astral = unit >= 0xd800 && unit <= 0xdbff && i + 1 < source.length;
    let cls: number;
    let code = unit;
    let width = 1;
    if (astral) {
      const cp = source.codePointAt(i) as number;
      width = cp > 0xffff ? 2 : 1;
      const ch = String.fromCodePoint(cp);
      cls = NUMBER.test(ch) ? DIGIT : LETTER.test(ch) ? KEEP : SKIP;
      if (cls === KEEP) {
        const lower = ch.toLowerCase().codePointAt(0) as number;
        code = lower > 0xffff ? ASTRAL_BASE + (lower & 0xfff) : lower;
      }
    } else {
      cls = classify(unit);
      if (cls === KEEP && unit < 0x4e00) {
        if (unit >= 0x41 && unit <= 0x5a) code = unit + 0x20;
        else if (unit >= 0x80) code = String.fromCharCode(unit).toLowerCase().charCodeAt(0);
      }
    }
    if (cls === DIGIT) {
      if (inNumber) ends[size - 1] = i + width;
      else {
        chars[size] = 0x23;
        starts[size] = i;
        ends[size] = i + width;
        size++;
        inNumber = true;
      }
    } else if (inNumber && (unit === 0x2e || unit === 0x2c) && isDigit(source.charCodeAt(i + 1))) {
      // "1,234" and "95.74" are one number: a separator between two digits stays inside it.
    } else {
      inNumber = false;
      if (cls === KEEP) {
        chars[size] = code;
        starts[size] = i;
        ends[size] = i + width;
        size++;
      }
    }
    i += width;
  }
  // Level words depend on both neighbours, so they are folded in a second pass over the letters.
  const level = LEVEL_SYMBOL.charCodeAt(0);
  let previous = 0;
  for (let k = 0; k < size; k++) {
    const c = chars[k] as number;
    const next = k + 1 < size ? (chars[k + 1] as number) : 0;
    if (
      ((FLAGS[c] as number) & IS_LEVEL) !== 0 &&
      (((FLAGS[previous] as number) & IS_BEFORE) !== 0 || ((FLAGS[next] as number) & IS_AFTER) !== 0)
    ) {
      chars[k] = level;
    }
    previous = c;
  }
  return {
    text: codesToString(chars.subarray(0, size)),
    starts: starts.slice(0, size),
    ends: ends.slice(0, size),
  };
}

const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** The string of UTF-16 code units (native decoding; spreading into fromCharCode is slow and overflows). */
function codesToString(codes: Uint16Array): string {
  return UTF16.decode(codes);
}

/** Index of the first folded character that starts at or after source offset `offset`. */
export function foldedIndexAt(folded: FoldedText, offset: number): number {
  let lo = 0;
  let hi = folded.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((folded.starts[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
