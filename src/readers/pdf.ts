/**
 * PDF reader on pdf.js (legacy build, the one that runs in Node). pdf.js gives positioned text
 * items; this module rebuilds lines from their baselines and paragraphs from the layout: a
 * first-line indent or a short last line ends a paragraph, numbered headings stand alone, and
 * running headers, footers and page numbers are dropped.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { RawDocument, SourceHints } from '../core/types.js';
import { InputError } from '../errors.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * pdf.js's package folder as a file-system path ending in '/': its cMaps are needed for the
 * non-embedded CID fonts (STSong-Light + UniGB-UCS2-H) of many government PDFs, which give no
 * text at all without them.
 */
const PDFJS_DIR = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/`;

let pdfjsModule: Promise<PdfJs> | null = null;

/** Loaded on first use: pdf.js is large and most runs read no PDF. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsModule;
}

export interface PdfReadOptions {
  /** Give up on a PDF that takes longer than this to read (default 120 s). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** A positioned run of text as pdf.js reports it. */
interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A rebuilt line of text. */
export interface PdfTextLine {
  text: string;
  page: number;
  /** Left and right ends and baseline, in PDF points. */
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** How far from the end %%EOF may be: writers and servers append a little junk after it. */
const EOF_WINDOW = 8192;

function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW)));
  return tail.includes('%%EOF');
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(
        new InputError('corrupt', `reading the PDF took over ${Math.round(ms / 1000)} s; it may be damaged`),
      );
    }, ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function toInput(error: unknown): InputError {
  if (error instanceof InputError) return error;
  const name = (error as { name?: string } | null)?.name;
  const message = ((error as { message?: string } | null)?.message ?? String(error)).split('\n')[0];
  if (name === 'PasswordException') {
    return new InputError('encrypted', 'the PDF is password-protected', { cause: error });
  }
  if (name === 'InvalidPDFException') {
    return new InputError('corrupt', `not a valid PDF (${message})`, { cause: error });
  }
  return new InputError('corrupt', `damaged PDF (${message})`, { cause: error });
}

/** Lines of one page from its text items: same baseline → same line, left to right. */
export function itemsToLines(items: Item[], page: number): PdfTextLine[] {
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Item[][] = [];
  for (const item of sorted) {
    const group = groups[groups.length - 1];
    const first = group?.[0];
    if (group && first && Math.abs(first.y - item.y) <= Math.max(first.size, item.size) * 0.4)
      group.push(item);
    else groups.push([item]);
  }
  const lines: PdfTextLine[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    let previous: Item | null = null;
    for (const item of group) {
      // "Fake bold" draws the same text two or three times, a fraction of a point apart.
      if (previous && previous.str === item.str && Math.abs(previous.x - item.x) < item.size * 0.3) continue;
      // Chinese text has no spaces between items; a visible gap is one, a wide one a table column.
      const gap = item.x - end;
      if (text !== '' && gap > item.size * 0.3 && !/\s$/.test(text) && !/^\s/.test(item.str)) {
        text += gap > item.size * 2 ? '\t' : ' ';
      }
      text += item.str;
      end = Math.max(end, item.x + item.width);
      previous = item;
    }
    const trimmed = text.trim();
    if (trimmed === '') continue;
    const sizes = group.map((i) => i.size).sort((a, b) => a - b);
    lines.push({
      text: trimmed,
      page,
      x0: group[0]?.x ?? 0,
      x1: end,
      y: group[0]?.y ?? 0,
      size: sizes[sizes.length >> 1] ?? 12,
    });
  }
  return lines;
}

/** Page numbers as printed: "- 3 -", "— 3 —", "3", "第3页 共10页", "3/10", "Page 3 of 10". */
const PAGE_NUMBER =
  /^(?:[-—–－~\s]*\d{1,4}[-—–－~\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/iu;

/** Drop running headers/footers (the same text at a page's top or bottom on many pages) and page numbers. */
export function dropPageFurniture(pages: PdfTextLine[][]): PdfTextLine[][] {
  const key = (l: PdfTextLine): string => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const edges = (lines: PdfTextLine[]): PdfTextLine[] => {
    if (lines.length === 0) return [];
    const first = lines[0] as PdfTextLine;
    const last = lines[lines.length - 1] as PdfTextLine;
    return first === last ? [first] : [first, last];
  };
  const counts = new Map<string, number>();
  for (const lines of pages)
    for (const k of new Set(edges(lines).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const repeated = (l: PdfTextLine): boolean =>
    pages.length >= 2 && (counts.get(key(l)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines) => {
    const edge = new Set(edges(lines));
    return lines.filter((l) => !(edge.has(l) && (PAGE_NUMBER.test(l.text) || repeated(l))));
  });
}

/** Lines that open a numbered heading: 一、 （一） 1. （1） ① 第一章. */
const HEADING_START =
  /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|\d{1,2}\s*[.．、](?!\d)|[(（]\s*\d{1,2}\s*[)）]|[①-⑳]|第[一二三四五六七八九十百]+[章节部分])/u;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

/** The most common value after rounding to whole points. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/**
 * Join lines into paragraphs. A line starts a paragraph when it is indented past the left margin
 * (first-line indent, centred title, right-aligned 落款), opens a numbered heading, follows a
 * wider vertical gap, or follows a short line (the last line of the paragraph before).
 */
export function linesToParagraphs(lines: PdfTextLine[]): string[] {
  const body = lines.filter((l) => l.text.length >= 4);
  const size = median(lines.map((l) => l.size)) || 12;
  const left = mode((body.length > 0 ? body : lines).map((l) => l.x0));
  const right = percentile(
    (body.length > 0 ? body : lines).map((l) => l.x1),
    0.9,
  );
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1] as PdfTextLine;
    const b = lines[i] as PdfTextLine;
    if (a.page === b.page && a.y > b.y) gaps.push(a.y - b.y);
  }
  const leading = median(gaps) || size * 1.5;

  const paragraphs: string[] = [];
  let current = '';
  let prev: PdfTextLine | null = null;
  for (const line of lines) {
    const indented = line.x0 > left + size * 0.8;
    const newParagraph =
      prev === null ||
      indented ||
      HEADING_START.test(line.text) ||
      (prev.page === line.page && prev.y - line.y > leading * 1.6) ||
      prev.x1 < right - size * 1.5;
    if (newParagraph) {
      if (current) paragraphs.push(current);
      current = line.text;
    } else {
      // Chinese lines join directly; two Latin words broken across lines keep a space.
      current += /[A-Za-z]$/.test(current) && /^[A-Za-z]/.test(line.text) ? ` ${line.text}` : line.text;
    }
    prev = line;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** "Microsoft Word - 报告.docx" is a printer's label, not a title. */
function cleanTitle(title: unknown): string | undefined {
  if (typeof title !== 'string') return undefined;
  const t = title
    .replace(/^Microsoft Word\s*-\s*/i, '')
    .replace(/\.(docx?|wps|pdf)$/i, '')
    .trim();
  return t || undefined;
}

/**
 * Read a PDF's text layer into paragraphs.
 *
 * @example
 * (await readPdf(bytes)).text // '某县2023年度法治政府建设情况报告\n2023年，…'
 */
export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<RawDocument> {
  // A download cut short still parses (pdf.js rebuilds the xref) but silently loses pages.
  if (!hasEofMarker(bytes))
    throw new InputError('corrupt', 'truncated PDF (no %%EOF at the end of the file)');
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given.
    data: new Uint8Array(bytes),
    cMapUrl: `${PDFJS_DIR}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS_DIR}standard_fonts/`,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  const read = async (): Promise<RawDocument> => {
    const doc = await task.promise;
    const hints: SourceHints = {};
    try {
      const meta = await doc.getMetadata();
      const title = cleanTitle((meta.info as Record<string, unknown> | undefined)?.Title);
      if (title) hints.title = title;
    } catch {
      // Metadata is optional.
    }
    const pages: PdfTextLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [, , c = 0, d = 0, x = 0, y = 0] = it.transform as number[];
        items.push({ str: it.str, x, y, width: it.width, size: Math.hypot(c, d) || it.height || 12 });
      }
      pages.push(itemsToLines(items, n));
      page.cleanup();
    }
    const emptyPages = pages.filter((p) => p.length === 0).length;
    if (emptyPages === pages.length) {
      throw new InputError('no-text-layer', 'the PDF has no text layer (a scan?); OCR is out of scope');
    }
    const warnings: string[] = [];
    if (emptyPages > 0) warnings.push(`${emptyPages} of ${pages.length} pages have no text layer (scanned?)`);
    const text = linesToParagraphs(dropPageFurniture(pages).flat()).join('\n');
    return { format: 'pdf', text, hints, warnings };
  };
  try {
    return await withTimeout(read(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS, () => {
      void task.destroy();
    });
  } catch (error) {
    throw toInput(error);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
