/**
 * Layout: which lines of a report text are site chrome, the 政务公开 metadata header, the title,
 * the body, the signature (落款) and the trailer. Text saved from government websites carries
 * all of these; documents (DOCX/PDF) usually only have title, body and signature.
 */
import type { Knowledge } from './knowledge.js';
import { type ParsedDate, parseLooseDate } from './meta/dates.js';
import { lineSpans } from './normalize.js';
import type { Paragraph, Span } from './types.js';

export interface HeaderField {
  field: string;
  value: string;
  /** Span of the value in the report text. */
  span: Span;
}

export interface Signature {
  /** Lines naming the issuing bodies, top to bottom. */
  issuers: Span[];
  date: (ParsedDate & { span: Span }) | null;
}

export interface Layout {
  paragraphs: Paragraph[];
  /** Index into `paragraphs` of the title line, -1 when none was found. */
  titleIndex: number;
  /** Span of the title text (without a "标题:" label). */
  title: Span | null;
  /** Index range [bodyStart, bodyEnd) of body paragraphs. */
  bodyStart: number;
  bodyEnd: number;
  /** Span from the first to the end of the last body paragraph. */
  body: Span;
  fields: HeaderField[];
  signature: Signature | null;
}

/** A report title names the rule-of-law work and is a report (or a summary). */
const TITLE_LIKE =
  /(法治政府|依法行政|法治建设|法治.{0,6}建设|法治工作).{0,40}(报告|总结|情况)|(报告|总结).{0,4}$(?<=法治.{0,60})/u;
const SENTENCE_PUNCT = /[。；;！!？?]/u;
const ORG_LIKE =
  /(人民政府|政府|办事处|行政公署|委员会|管委会|局|厅|部|委|办公室|办|中心|党委|党组|党工委|署|院)(\s*[(（][^)）]{1,12}[)）])?$/u;

export function isChromeLine(line: string, knowledge: Knowledge): boolean {
  return knowledge.pageChrome.some((p) => p.re.test(line));
}

/** Label/value pairs of a metadata line ("索 引 号 MB1A…/2023-02723 主题分类 司法"). */
export function parseFieldLine(line: string, lineStart: number, knowledge: Knowledge): HeaderField[] | null {
  // A metadata line starts with a label.
  if (!knowledge.metaLabels.some((l) => l.re.test(line))) return null;
  const hits: { field: string; labelStart: number; valueStart: number }[] = [];
  let pos = 0;
  while (pos < line.length) {
    const rest = line.slice(pos);
    // Inside a line a label counts after a separator, or anywhere when a colon follows it
    // ("发布时间:2023-03-14 12:59来源:伊春市司法局访问量:").
    const afterSeparator = pos === 0 || /[\s|｜,，;；]/u.test(line[pos - 1] as string);
    let advance = 1;
    for (const label of knowledge.metaLabels) {
      const m = label.re.exec(rest);
      if (m && m[0].length > 0 && (afterSeparator || /[:：]/u.test(m[0]))) {
        hits.push({ field: label.field, labelStart: pos, valueStart: pos + m[0].length });
        advance = m[0].length;
        break;
      }
    }
    pos += advance;
  }
  if (hits.length === 0) return null;
  return hits.map((hit, i) => {
    const next = hits[i + 1];
    const rawEnd = next ? next.labelStart : line.length;
    let start = hit.valueStart;
    let end = rawEnd;
    while (start < end && /\s/u.test(line[start] as string)) start++;
    while (end > start && /[\s|｜]/u.test(line[end - 1] as string)) end--;
    return {
      field: hit.field,
      value: line.slice(start, end),
      span: { start: lineStart + start, end: lineStart + end },
    };
  });
}

/** Lines that open with a heading marker are sections, not the title. */
const HEADING_START = /^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、])/u;

/** A page header line that is only a date and time ("2023-03-17 16:20") is the publication date. */
function bareDateField(line: string, span: Span): HeaderField[] | null {
  if (!/^(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?$/u.test(line)) return null;
  return [{ field: 'published', value: line, span }];
}

function isTitleLike(line: string): boolean {
  if (line.length > 90 || line.length < 6) return false;
  // A preamble ("…现将有关情况报告如下:") names the report too, but is a sentence.
  if (/[。；:：,，]$/u.test(line) || /如下|现将/u.test(line) || HEADING_START.test(line)) return false;
  return TITLE_LIKE.test(line);
}

function isOrgLine(line: string): boolean {
  return line.length <= 40 && !SENTENCE_PUNCT.test(line) && !/[,，、]/u.test(line) && ORG_LIKE.test(line);
}

/** A line that is nothing but a date, possibly garbled ("2024228"). */
function dateLine(line: string): ParsedDate | null {
  const date = parseLooseDate(line);
  if (!date) return null;
  const rest = (line.slice(0, date.start) + line.slice(date.end)).replace(/[\s年月日号]/gu, '');
  return rest.length === 0 ? date : null;
}

/** A line holding an issuer followed by a date ("天门市人民政府 2023年1月31日"). */
function orgAndDateLine(line: string): { orgEnd: number; date: ParsedDate } | null {
  const date = parseLooseDate(line);
  if (!date || date.start === 0) return null;
  if (line.slice(date.end).trim() !== '') return null;
  const org = line.slice(0, date.start).trimEnd();
  return isOrgLine(org) ? { orgEnd: org.length, date } : null;
}

/** Short menu entries and other fragments that only chrome produces. */
function isFragment(line: string): boolean {
  return line.length <= 6 && !SENTENCE_PUNCT.test(line) && !/^[一二三四五六七八九十]+[、.]/u.test(line);
}

/**
 * Find the layout of a normalized report text.
 *
 * @param titleHint a title the container declared (HTML ArticleTitle), preferred when it is a line of the text
 */
export function findLayout(text: string, knowledge: Knowledge, titleHint?: string): Layout {
  const spans = lineSpans(text);
  const lines = spans.map((s) => text.slice(s.start, s.end));
  const paragraphs: Paragraph[] = spans.map((span) => ({ span, role: 'body' }));
  const fields: HeaderField[] = [];
  const chrome = lines.map((line) => isChromeLine(line, knowledge));
  const fieldLines = lines.map((line, i) =>
    chrome[i] ? null : parseFieldLine(line, spans[i]?.start ?? 0, knowledge),
  );
  // Before the body, a line that is only a date is the page's publication date.
  for (let i = 0; i < lines.length && i < 20; i++) {
    if (chrome[i] || fieldLines[i]) continue;
    if (SENTENCE_PUNCT.test(lines[i] as string) || (lines[i] as string).length >= 40) break;
    fieldLines[i] = bareDateField(lines[i] as string, spans[i] as Span);
  }

  // Title: the last title-like line before the first substantive paragraph.
  let titleIndex = -1;
  /** The first line of the title (titleIndex, or the line before it for a title on two lines). */
  let titleFirst = -1;
  let title: Span | null = null;
  let firstSubstantive = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const f = fieldLines[i];
    if (chrome[i]) continue;
    if (f) {
      const titleField = f.find((x) => x.field === 'title' && isTitleLike(x.value));
      if (titleField && titleIndex < 0) {
        titleIndex = i;
        titleFirst = i;
        title = titleField.span;
      }
      continue;
    }
    if (isTitleLike(line) || (titleHint && line === titleHint)) {
      titleIndex = i;
      titleFirst = i;
      title = spans[i] as Span;
      continue;
    }
    // A title broken over two lines ("…关于2023年度法治政府" / "建设情况的报告"), neither half a title.
    const next = lines[i + 1];
    if (
      next !== undefined &&
      !chrome[i + 1] &&
      !fieldLines[i + 1] &&
      line.length < 40 &&
      !SENTENCE_PUNCT.test(line) &&
      !isTitleLike(next) &&
      isTitleLike(line + next)
    ) {
      titleIndex = i + 1;
      title = { start: (spans[i] as Span).start, end: (spans[i + 1] as Span).end };
      titleFirst = i;
      i++;
      continue;
    }
    if (line.length >= 25 || SENTENCE_PUNCT.test(line) || /^[一二三四五六七八九十]+、/u.test(line)) {
      firstSubstantive = i;
      break;
    }
  }
  if (titleIndex < 0) {
    // No title-like line: take the first short line that is neither chrome nor metadata.
    for (let i = 0; i < Math.min(firstSubstantive, lines.length); i++) {
      const line = lines[i] as string;
      if (
        !chrome[i] &&
        !fieldLines[i] &&
        line.length <= 60 &&
        !SENTENCE_PUNCT.test(line) &&
        !isFragment(line)
      ) {
        titleIndex = i;
        titleFirst = i;
        title = spans[i] as Span;
        break;
      }
    }
  }

  // Header: everything before the body that is chrome, metadata or a repeated title.
  let bodyStart = titleIndex + 1;
  for (let i = 0; i < bodyStart; i++) {
    const p = paragraphs[i] as Paragraph;
    p.role = i >= titleFirst && i <= titleIndex ? 'title' : 'header';
    for (const f of fieldLines[i] ?? []) fields.push(f);
  }
  while (bodyStart < lines.length) {
    const line = lines[bodyStart] as string;
    const f = fieldLines[bodyStart];
    if (chrome[bodyStart] || f || isFragment(line) || (titleIndex >= 0 && line === lines[titleIndex])) {
      (paragraphs[bodyStart] as Paragraph).role = 'header';
      for (const x of f ?? []) fields.push(x);
      bodyStart++;
      continue;
    }
    break;
  }

  // Trailer and signature, scanning back from the end.
  let bodyEnd = lines.length;
  const trailerFields: HeaderField[] = [];
  while (bodyEnd > bodyStart) {
    const i = bodyEnd - 1;
    const line = lines[i] as string;
    const f = fieldLines[i];
    if (chrome[i] || f || (isFragment(line) && !dateLine(line) && !isOrgLine(line))) {
      (paragraphs[i] as Paragraph).role = 'trailer';
      for (const x of f ?? []) trailerFields.unshift(x);
      bodyEnd--;
      continue;
    }
    break;
  }
  fields.push(...trailerFields);

  let signature: Signature | null = null;
  if (bodyEnd > bodyStart) {
    const i = bodyEnd - 1;
    const line = lines[i] as string;
    const span = spans[i] as Span;
    const date = dateLine(line);
    const combined = date ? null : orgAndDateLine(line);
    if (date || combined) {
      const d = (date ?? combined?.date) as ParsedDate;
      signature = {
        issuers: combined ? [{ start: span.start, end: span.start + combined.orgEnd }] : [],
        date: { ...d, span: { start: span.start + d.start, end: span.start + d.end } },
      };
      (paragraphs[i] as Paragraph).role = 'signature';
      bodyEnd--;
    }
    // Issuer lines above the date (or a signature without a date).
    const issuers: Span[] = [];
    while (bodyEnd > bodyStart && issuers.length < 3 && isOrgLine(lines[bodyEnd - 1] as string)) {
      const s = spans[bodyEnd - 1] as Span;
      issuers.unshift(s);
      (paragraphs[bodyEnd - 1] as Paragraph).role = 'signature';
      bodyEnd--;
    }
    if (issuers.length > 0) {
      signature = signature ?? { issuers: [], date: null };
      signature.issuers = [...issuers, ...signature.issuers];
    }
  }

  const first = spans[bodyStart];
  const last = spans[bodyEnd - 1];
  const body =
    first && last && bodyEnd > bodyStart ? { start: first.start, end: last.end } : { start: 0, end: 0 };
  return { paragraphs, titleIndex, title, bodyStart, bodyEnd, body, fields, signature };
}
