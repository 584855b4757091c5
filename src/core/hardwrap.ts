/**
 * Hard-wrapped text: a paragraph broken into lines of one fixed width, as in text copied out of
 * a PDF or a mail, or HTML pages with a <br> at the end of every printed line. Such breaks cut
 * headings, figures and sentences apart. This module finds them in a source text so that
 * normalization can join the lines back into paragraphs.
 *
 * A text counts as hard-wrapped when many of its lines have (nearly) the same length, measured
 * in characters or in display width (Chinese characters two columns, ASCII one), and hardly any
 * line is longer. A break is a wrap when the line before it has that width and does not end a
 * title, and the next line is neither indented, nor a numbered heading, nor a date. A full line
 * that ends a sentence is joined too: a paragraph ends there only by chance (about one in the
 * wrap width), and where it does, the paragraphs run together, which the analysis tolerates
 * better than a paragraph cut in two.
 */

/** Lines shorter than this say nothing about the wrap width (titles, dates, headings). */
const MIN_LINE = 8;
/**
 * Share of the lines of MIN_LINE or more that must be near the width: every paragraph ends in a
 * shorter line, and reports have many short paragraphs.
 */
const MIN_SHARE = 0.25;
/** Narrower "wraps" are lists of short lines (header fields, a table of contents). */
const MIN_WIDTH = 16;
const MIN_WRAPPED_LINES = 5;
/** Share of lines allowed to be clearly longer than the width. */
const MAX_LONGER_SHARE = 0.1;
/** Widths of hard-wrapped text we expect (characters). */
const MAX_WIDTH_CHARS = 120;

const HEADING_START =
  /^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.](?!\d)|第[一二三四五六七八九十]{1,3}[部分章节条、]|[①-⑳])/u;
const INDENT = /^[ \t\u3000\u00a0]/u;
const SECTION_HEADING =
  /^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}部分)/u;
const SENTENCE_END = /[。！？；!?;]$/u;
/** A title that happens to fill the width ends here, and a 落款 date stands alone. */
const TITLE_END = /报告》?$/u;
const DATE_LINE =
  /^(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d〇○零一二三四五六七八九十]{1,2}月[\d〇○零一二三四五六七八九十]{1,3}日$/u;

interface Line {
  /** Source offset of the line break after the line (-1 for the last line). */
  breakAt: number;
  text: string;
  indented: boolean;
  chars: number;
  columns: number;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  // The line breaks of normalize.ts (isLineBreak).
  const re = /\r\n|[\n\r\u2028\u2029\u0085]/gu;
  let start = 0;
  for (;;) {
    const m = re.exec(source);
    const end = m ? m.index : source.length;
    const raw = source.slice(start, end);
    const text = raw.trim();
    // Indentation takes room on the line too: measure from the start of the line.
    const measured = raw.trimEnd();
    let columns = 0;
    for (const ch of measured) columns += (ch.codePointAt(0) as number) > 0x2e7f ? 2 : 1;
    lines.push({
      breakAt: m ? m.index : -1,
      text,
      indented: INDENT.test(raw),
      chars: [...measured].length,
      columns,
    });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return lines;
}

/** The wrap width under one measure, or null when the lines do not look wrapped at one width. */
function wrapWidth(lengths: number[], tolerance: number, minWidth: number, maxWidth: number): number | null {
  const long = lengths.filter((n) => n >= MIN_LINE);
  if (long.length < MIN_WRAPPED_LINES) return null;
  const counts = new Map<number, number>();
  for (const n of long) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best: { width: number; near: number } | null = null;
  for (const width of counts.keys()) {
    if (width > maxWidth || width < minWidth) continue;
    let near = 0;
    for (const [n, c] of counts) if (n <= width && n >= width - tolerance) near += c;
    if (!best || near > best.near || (near === best.near && width > best.width)) best = { width, near };
  }
  if (!best || best.near < MIN_WRAPPED_LINES || best.near < long.length * MIN_SHARE) return null;
  const longer = long.filter((n) => n > best.width + tolerance).length;
  return longer <= long.length * MAX_LONGER_SHARE ? best.width : null;
}

/**
 * Source offsets of the line breaks that only wrap a paragraph (empty when the text is not
 * hard-wrapped).
 *
 * @example
 * softLineBreaks(wrapped).has(wrapped.indexOf('\n')) // true when the first line is a wrapped one
 */
export function softLineBreaks(source: string): Set<number> {
  const soft = new Set<number>();
  const lines = splitLines(source);
  const measures: { of: (l: Line) => number; tolerance: number }[] = [];
  const byChars = wrapWidth(
    lines.map((l) => l.chars),
    2,
    MIN_WIDTH,
    MAX_WIDTH_CHARS,
  );
  if (byChars !== null) measures.push({ of: (l) => byChars - l.chars, tolerance: 2 });
  const byColumns = wrapWidth(
    lines.map((l) => l.columns),
    4,
    MIN_WIDTH * 2,
    MAX_WIDTH_CHARS * 2,
  );
  if (byColumns !== null) measures.push({ of: (l) => byColumns - l.columns, tolerance: 4 });
  if (measures.length === 0) return soft;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] as Line;
    const next = lines[i + 1] as Line;
    if (line.text === '' || next.text === '' || next.indented) continue;
    if (TITLE_END.test(line.text)) continue;
    if (HEADING_START.test(next.text) || DATE_LINE.test(next.text)) continue;
    const atWidth = (l: Line) => measures.some((m) => m.of(l) <= m.tolerance && m.of(l) >= 0);
    if (!atWidth(line)) continue;
    // A heading (一、 or (一)) that fills the width exactly is followed by its body: a full line,
    // or a short paragraph that ends a sentence; one that is longer, by the rest of it.
    if (SECTION_HEADING.test(line.text) && (atWidth(next) || SENTENCE_END.test(next.text))) continue;
    soft.add(line.breakAt);
  }
  return soft;
}
