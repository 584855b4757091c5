/**
 * Normalization: one text that every later stage and every span uses, with a map back to the
 * reader's text. Full-width ASCII forms become half-width (（一） → (一), ９７.６％ → 97.6%),
 * white space is unified (one paragraph per line, no indentation, single spaces; the lines of a
 * hard-wrapped text are joined back into paragraphs, see hardwrap.ts), zero-width
 * characters go. Chinese punctuation without an ASCII twin (、。“”《》) is kept as is. A text in
 * traditional characters is converted to simplified, character for character.
 */

import { softLineBreaks } from './hardwrap.js';

/** Maps offsets of the normalized text back to offsets of the source text. */
export class OffsetMap {
  /** Normalized offsets where a run of identical mapping starts, ascending. */
  private readonly normStarts: number[] = [];
  /** Source offset at each run start. */
  private readonly sourceStarts: number[] = [];

  /** Record that normalized offset `norm` comes from source offset `source`. Must be called in order. */
  add(norm: number, source: number): void {
    const last = this.normStarts.length - 1;
    if (last >= 0) {
      const prevNorm = this.normStarts[last] as number;
      const prevSource = this.sourceStarts[last] as number;
      if (source - prevSource === norm - prevNorm) return; // same run continues
    }
    this.normStarts.push(norm);
    this.sourceStarts.push(source);
  }

  /** Source offset of the normalized offset `offset`. */
  toSource(offset: number): number {
    let lo = 0;
    let hi = this.normStarts.length - 1;
    if (hi < 0) return offset;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.normStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.sourceStarts[lo] as number) + offset - (this.normStarts[lo] as number);
  }

  /** Number of runs; a measure of how much normalization changed. */
  get runs(): number {
    return this.normStarts.length;
  }
}

export interface NormalizedText {
  text: string;
  map: OffsetMap;
  /** True when the text was written in traditional characters and converted to simplified. */
  convertedFromTraditional: boolean;
}

export interface NormalizeOptions {
  /** Traditional → simplified characters (one to one). When given and the text is mostly
   * traditional, characters are converted so the simplified-script analysis applies. */
  t2s?: Map<number, number>;
}

/** A line this long that goes on past a sentence end into 一、 or (一) is several paragraphs run together. */
const RUN_ON_LINE = 150;
const SENTENCE_END = new Set([0x3002, 0x3b, 0x3a, 0x21, 0x3f, 0xff1b, 0xff1a]); // 。 ; : ! ?
const HEADING_AHEAD = /[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]/y;

function startsHeading(source: string, at: number): boolean {
  HEADING_AHEAD.lastIndex = at;
  return HEADING_AHEAD.test(source);
}

/** Two words broken across wrapped lines keep a space between them; digits of a number do not. */
const isLatinLetter = (code: number): boolean =>
  (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** Share of traditional-only characters above which a text counts as traditional. */
const TRADITIONAL_SHARE = 0.02;

function isMostlyTraditional(source: string, t2s: Map<number, number>): boolean {
  let cjk = 0;
  let traditional = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code < 0x4e00 || code > 0x9fff) continue;
    cjk++;
    if (t2s.has(code)) traditional++;
  }
  return cjk > 0 && traditional / cjk >= TRADITIONAL_SHARE;
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);

/** Horizontal white space, including NBSP, ideographic space and the other Unicode spaces. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f
  );
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029 || code === 0x85;
}

/** The half-width twin of a full-width form, or the character itself. */
function unifyWidth(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  switch (code) {
    case 0xffe0: // ￠
      return 0xa2;
    case 0xffe5: // ￥
      return 0xa5;
    case 0x2236: // ∶ ratio, used as a colon in 发布时间∶
      return 0x3a;
    case 0xfe50: // small comma
      return 0x2c;
    case 0xfe52:
      return 0x2e;
    case 0xfe59:
      return 0x28;
    case 0xfe5a:
      return 0x29;
    default:
      return code;
  }
}

/**
 * Normalize reader text. Lines keep their order; blank lines are dropped (a paragraph is a
 * line); leading/trailing white space of a line is dropped; inner runs of white space become
 * one space. Spaces between CJK characters are kept: on saved pages they separate fields
 * ("发布机构 天门市人民政府 文 号") and joint issuers, so later stages tolerate them instead.
 *
 * @example
 * const { text, map } = normalize('  （一）全年受理１１５件。\r\n\r\n');
 * // text === '(一)全年受理115件。'; map.toSource(0) === 2
 */
export function normalize(source: string, options: NormalizeOptions = {}): NormalizedText {
  const map = new OffsetMap();
  const t2s = options.t2s && isMostlyTraditional(source, options.t2s) ? options.t2s : null;
  const out: string[] = [];
  let outLength = 0;
  // Pending state for the current line.
  let lineHasText = false;
  let pendingSpace = -1; // source offset of a collapsed space run, -1 if none
  let lineLength = 0;
  let lastCode = 0;
  let runOn = false; // this source line has been found to hold several paragraphs
  const soft = softLineBreaks(source);
  let joining = false; // after a wrap: drop the next line's leading spaces

  const emit = (code: number, sourceOffset: number): void => {
    map.add(outLength, sourceOffset);
    out.push(String.fromCharCode(code));
    outLength += 1;
    lineLength = code === 0x0a ? 0 : lineLength + 1;
    lastCode = code;
  };

  for (let i = 0; i < source.length; i++) {
    const raw = source.charCodeAt(i);
    if (isLineBreak(raw)) {
      if (soft.has(i)) {
        // A wrapped line goes on: Chinese and numbers join directly, two Latin words keep a space.
        if (raw === 0x0d && source.charCodeAt(i + 1) === 0x0a) i++;
        pendingSpace = isLatinLetter(lastCode) ? i : -1;
        joining = true;
        continue;
      }
      if (raw === 0x0d && source.charCodeAt(i + 1) === 0x0a) i++;
      if (lineHasText) {
        emit(0x0a, i);
        lineHasText = false;
      }
      pendingSpace = -1;
      runOn = false;
      continue;
    }
    if (ZERO_WIDTH.has(raw)) continue;
    if (isSpace(raw)) {
      if (lineHasText && pendingSpace < 0 && !joining) pendingSpace = i;
      continue;
    }
    const code = t2s?.get(raw) ?? unifyWidth(raw);
    if (joining) {
      if (!isLatinLetter(code)) pendingSpace = -1;
      joining = false;
    }
    if ((runOn || lineLength >= RUN_ON_LINE) && SENTENCE_END.has(lastCode) && startsHeading(source, i)) {
      emit(0x0a, i); // a page whose paragraphs were run together: break before 一、 and (一)
      pendingSpace = -1;
      runOn = true;
    }
    if (pendingSpace >= 0) {
      emit(0x20, pendingSpace);
      pendingSpace = -1;
    }
    // Surrogate pairs pass through as two code units with the same mapping run.
    emit(code, i);
    lineHasText = true;
  }
  // Drop a trailing line break so the text ends with its last paragraph.
  let text = out.join('');
  if (text.endsWith('\n')) text = text.slice(0, -1);
  return { text, map, convertedFromTraditional: t2s !== null };
}

/** Spans of the lines (paragraphs) of a normalized text. */
export function lineSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) spans.push({ start, end });
    start = end + 1;
  }
  return spans;
}
