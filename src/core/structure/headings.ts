/**
 * The heading tree of a report: the 公文 numbering grammar 一、 > (一) > 1. > (1) > ① and the
 * in-paragraph enumerators 一是…二是…, including headings that run into their paragraph
 * ("(一)强化组织领导。一是…") and headings glued to it without punctuation.
 */
import { parseChineseNumeral } from '../../figures/numerals.js';
import type { Heading, NumberingStyle, Span } from '../types.js';

const CN_NUM = '[一二三四五六七八九十]{1,3}';

/** Rank in the official hierarchy; a heading nests under the nearest open heading of lower rank. */
const RANK: Record<NumberingStyle, number> = {
  'cn-dun': 1,
  'cn-di': 1,
  'cn-paren': 2,
  'arabic-dot': 3,
  'arabic-dun': 3,
  'arabic-paren': 4,
  circled: 5,
  'cn-shi': 6,
};

interface MarkerPattern {
  style: NumberingStyle;
  re: RegExp;
}

/** Markers at the start of a paragraph. Order matters: 一是 must not be read as 一、. */
const LINE_MARKERS: MarkerPattern[] = [
  { style: 'cn-dun', re: new RegExp(`^(${CN_NUM})\\s*[、.]\\s*`, 'u') },
  { style: 'cn-paren', re: new RegExp(`^[(（]\\s*(${CN_NUM})\\s*[)）]\\s*[、.]?\\s*`, 'u') },
  { style: 'arabic-paren', re: /^[(（]\s*(\d{1,2})\s*[)）]\s*[、.]?\s*/u },
  { style: 'arabic-dot', re: /^(\d{1,2})\s*[.．](?!\d)\s*/u },
  { style: 'arabic-dun', re: /^(\d{1,2})\s*、\s*/u },
  { style: 'circled', re: /^([①-⑳])\s*/u },
  { style: 'cn-di', re: new RegExp(`^第(${CN_NUM})(?:部分)?\\s*[,，、:：]\\s*`, 'u') },
  { style: 'cn-di', re: new RegExp(`^第(${CN_NUM})部分\\s*`, 'u') },
  { style: 'cn-shi', re: new RegExp(`^(${CN_NUM})是\\s*[:：,，]?\\s*`, 'u') },
];

/** 一是/二是 inside a paragraph, after a sentence or clause boundary (never inside a word: 统一是). */
const INLINE_SHI = new RegExp(`(?<=[。；;:：!！?？,，])\\s*(${CN_NUM})是\\s*[:：,，]?`, 'gu');

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23. */
export function cnOrdinal(s: string): number {
  return parseChineseNumeral(s) ?? 0;
}

function ordinalOf(style: NumberingStyle, token: string): number {
  if (style === 'circled') return (token.codePointAt(0) ?? 0x2460) - 0x2460 + 1;
  if (/^\d+$/u.test(token)) return Number(token);
  return cnOrdinal(token);
}

/** Longest a heading that is not ended by punctuation may plausibly be. */
const MAX_BARE_TITLE = 50;

/**
 * Where the heading sentence after a marker ends. A heading ends at the first full stop or
 * semicolon; without one, a short line is all heading; a long line is a heading glued to its
 * paragraph and ends at the first comma or colon, if that comes early enough.
 */
function titleEnd(line: string, from: number): { end: number; runIn: boolean } {
  const rest = line.slice(from);
  const stop = rest.search(/[。；;！!？?]/u);
  if (stop >= 0) {
    const afterStop = rest.slice(stop + 1).trim();
    return { end: from + stop, runIn: afterStop.length > 0 };
  }
  if (rest.length <= MAX_BARE_TITLE) return { end: line.length, runIn: false };
  const comma = rest.search(/[,，:：]/u);
  if (comma > 0 && comma <= MAX_BARE_TITLE) return { end: from + comma, runIn: true };
  return { end: from + Math.min(rest.length, MAX_BARE_TITLE), runIn: true };
}

interface FlatHeading {
  style: NumberingStyle;
  ordinal: number;
  marker: string;
  title: string;
  span: Span;
  runIn: boolean;
}

/** Headings of one paragraph (a line of the normalized text starting at `offset`). */
function headingsInParagraph(line: string, offset: number): FlatHeading[] {
  const found: FlatHeading[] = [];
  for (const { style, re } of LINE_MARKERS) {
    const m = re.exec(line);
    if (!m) continue;
    const markerEnd = m[0].length;
    if (markerEnd >= line.length) break; // a bare marker is not a heading
    const { end, runIn } = titleEnd(line, markerEnd);
    found.push({
      style,
      ordinal: ordinalOf(style, m[1] as string),
      marker: m[0].trim(),
      title: line.slice(markerEnd, end).trim(),
      span: { start: offset, end: offset + end },
      runIn,
    });
    break;
  }
  // 一是…二是… running through the paragraph: accept a sequence that starts at 一 (or continues one).
  let expected = found[0]?.style === 'cn-shi' ? (found[0]?.ordinal ?? 0) + 1 : 1;
  for (const m of line.matchAll(INLINE_SHI)) {
    const ordinal = cnOrdinal(m[1] as string);
    if (ordinal !== expected) continue;
    expected++;
    const markerStart = (m.index ?? 0) + (m[0].length - m[0].trimStart().length);
    const markerEnd = (m.index ?? 0) + m[0].length;
    const { end, runIn } = titleEnd(line, markerEnd);
    found.push({
      style: 'cn-shi',
      ordinal,
      marker: line.slice(markerStart, markerEnd).trim(),
      title: line.slice(markerEnd, end).trim(),
      span: { start: offset + markerStart, end: offset + end },
      runIn,
    });
  }
  return found;
}

/**
 * Build the heading tree of the paragraphs `lines` (spans into `text`), ending sections at `end`.
 *
 * @example
 * buildHeadingTree('一、情况\n(一)领导。一是学法。二是考核。', spans, end)
 * // → [ 一、情况 [ (一)领导 [ 一是学法, 二是考核 ] ] ]
 */
export function buildHeadingTree(text: string, lines: Span[], end: number): Heading[] {
  const roots: Heading[] = [];
  const stack: Heading[] = [];
  for (const lineSpan of lines) {
    const line = text.slice(lineSpan.start, lineSpan.end);
    for (const flat of headingsInParagraph(line, lineSpan.start)) {
      const rank = RANK[flat.style];
      while (stack.length > 0 && RANK[(stack[stack.length - 1] as Heading).style] >= rank) {
        stack.pop();
      }
      const parent = stack[stack.length - 1];
      const heading: Heading = {
        ...flat,
        level: stack.length + 1,
        sectionSpan: { start: flat.span.start, end },
        children: [],
      };
      if (parent) parent.children.push(heading);
      else roots.push(heading);
      stack.push(heading);
    }
  }
  // A section ends where the next heading of the same or a higher level starts.
  closeSections(roots, end);
  return roots;
}

function closeSections(siblings: Heading[], end: number): void {
  siblings.forEach((heading, i) => {
    const next = siblings[i + 1];
    heading.sectionSpan = { start: heading.span.start, end: next ? next.span.start : end };
    closeSections(heading.children, heading.sectionSpan.end);
  });
}

/** Every heading of a tree, in document order. */
export function flattenHeadings(roots: Heading[]): Heading[] {
  const out: Heading[] = [];
  const walk = (hs: Heading[]): void => {
    for (const h of hs) {
      out.push(h);
      walk(h.children);
    }
  };
  walk(roots);
  return out;
}
