/**
 * HTML reader for report pages saved from government websites (UTF-8 or GBK): the 政务公开
 * metadata block and CMS `<meta>` tags become hints and header lines, the report becomes title +
 * paragraphs, and the site chrome around it is dropped. The body comes from Readability when
 * the page is "reader-able" and from our own text-density finder otherwise (legacy table layouts
 * with `<br>` and `<font>`, where Readability pulls in sidebars).
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { RawDocument, SourceHints } from '../core/types.js';
import { InputError } from '../errors.js';
import { decodeBytes } from './decode.js';
import {
  collapseSpace,
  type DomDocument,
  type DomElement,
  type DomNode,
  elementsOf,
  flatText,
} from './html-dom.js';
import { blockLines, findContentRoot, isChromeText, removeChrome, textLength } from './html-extract.js';
import { extractMetaPairs, metaTagHints, pairHints, pairLine } from './html-meta.js';

/** How far into the bytes a charset declaration is looked for. */
const CHARSET_SNIFF_BYTES = 4096;

/**
 * The charset a page declares in its first 4 KB: `<meta charset>`, `<meta http-equiv=
 * "Content-Type" content="…; charset=…">` or an XML declaration. Null when none.
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_SNIFF_BYTES));
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta?.[1]) return meta[1];
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return xml?.[1] ?? null;
}

/**
 * Readability's defaults are tuned for English: 140 characters of Chinese say as much as 400 of
 * English, so a page of ordinary Chinese paragraphs would never count as reader-able.
 */
const READERABLE_OPTIONS = { minContentLength: 60, minScore: 20 };

/** Readability output shorter than this share of the densest block means it lost text. */
const READABILITY_MIN_SHARE = 0.8;

const HEADING_LINE = /^([一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）])/u;

/** Whether Readability dropped headings or the signature lines that the density finder kept. */
function missesStructure(article: string[], fallback: string[]): boolean {
  const have = new Set(article);
  if (fallback.some((l) => HEADING_LINE.test(l) && !have.has(l))) return true;
  // The 落款 (issuer and date) are the last short lines.
  return fallback.slice(-2).some((l) => l.length <= 40 && !have.has(l));
}

/**
 * The report's title: the CMS's ArticleTitle (or the block's 标题), else a heading that reads
 * like a report title, else the page element whose text begins the page's `<title>` (which is
 * "<article>_<column>_<site>" or "<article>--<site>"), else the first `<h1>`, else that
 * `<title>` without its site suffix.
 */
function chooseTitle(doc: DomDocument, root: DomElement, preferred: string | undefined): string | null {
  if (preferred) return preferred;
  const candidates = Array.from(
    doc.querySelectorAll('h1, h2, h3, [class*="title"], [id*="title"], [class*="biaoti"], [class*="bt"]'),
  )
    .map((el) => flatText(el))
    .filter((t) => t.length >= 5 && t.length <= 150);
  const reportLike = candidates.find((t) => /报告|总结|情况/u.test(t));
  if (reportLike) return reportLike;
  const pageTitle = collapseSpace(doc.title ?? '').trim();
  const squeezed = pageTitle.replace(/\s+/g, '');
  if (squeezed) {
    let best = '';
    for (const el of elementsOf(root)) {
      if ((el.textContent ?? '').length > 200) continue;
      const t = flatText(el);
      if (t.length >= 5 && t.length > best.length && squeezed.startsWith(t.replace(/\s+/g, ''))) best = t;
    }
    if (best) return best;
  }
  const h1 = Array.from(doc.querySelectorAll('h1'))
    .map((el) => flatText(el))
    .find((t) => t.length >= 5);
  if (h1) return h1;
  return pageTitle.split(/\s*(?:_|-{2,}|——|\s[-|｜—]\s|[|｜])\s*/u)[0]?.trim() || null;
}

/** Whether the first lines of the body already carry the title (possibly over two lines). */
function titleInBody(lines: string[], title: string): boolean {
  const target = title.replace(/\s+/g, '');
  for (let start = 0; start < Math.min(lines.length, 5); start++) {
    let joined = '';
    for (let k = start; k < Math.min(lines.length, start + 3); k++) {
      joined += (lines[k] as string).replace(/\s+/g, '');
      if (joined === target) return true;
      if (!target.startsWith(joined)) break;
    }
  }
  return false;
}

function bodyLines(doc: DomDocument, body: DomElement): string[] {
  const clean = (lines: string[]): string[] => lines.filter((l) => !isChromeText(l));
  // Ours first: Readability rewrites the document it reads.
  const fallback = clean(blockLines(findContentRoot(body), { skipLinkLists: true }));
  let readerable = false;
  try {
    readerable = isProbablyReaderable(doc as never, READERABLE_OPTIONS);
  } catch {
    readerable = false;
  }
  if (!readerable) return fallback;
  let article: string[] | null = null;
  try {
    const parsed = new Readability<DomNode>(doc as never, {
      serializer: (node: unknown) => node as DomNode,
      charThreshold: 200,
    }).parse();
    if (parsed?.content) article = clean(blockLines(parsed.content, { skipLinkLists: true }));
  } catch {
    article = null;
  }
  return pickBody(article, fallback);
}

/**
 * Readability's lines unless they lost text or structure that the density finder kept: less than
 * 80% of its text, or a numbered heading or the 落款 missing.
 */
export function pickBody(article: string[] | null, fallback: string[]): string[] {
  if (!article || textLength(article) < textLength(fallback) * READABILITY_MIN_SHARE) return fallback;
  if (missesStructure(article, fallback)) return fallback;
  return article;
}

/**
 * Read an HTML page: metadata lines (as the page writes them) first, then the title, then the
 * report's paragraphs, one per line.
 *
 * @example
 * readHtml(bytes).text // '索引号:…\n发布时间:2023-03-17 17:01\n某县…报告\n2023年，…'
 */
export function readHtml(bytes: Uint8Array): RawDocument {
  const decoded = decodeBytes(bytes, { declared: sniffHtmlCharset(bytes) });
  const { document } = parseHTML(decoded.text);
  const doc = document as unknown as DomDocument;
  const root = doc.body ?? doc.documentElement;

  const tagHints = metaTagHints(doc);
  // Metadata first: a chrome block may share its line with 发布时间 or 来源.
  const pairs = extractMetaPairs(root);
  removeChrome(root);

  // The visible block is what later stages can point at, so it wins over invisible <meta>; the
  // title is the exception: ArticleTitle is the CMS's own field for it.
  const blockHints = pairHints(pairs);
  const hints: SourceHints = { ...tagHints, ...blockHints };
  const title = chooseTitle(doc, root, tagHints.title ?? blockHints.title);
  if (title) hints.title = title;

  const body = bodyLines(doc, root);
  const lines = pairs.map(pairLine);
  if (title && !titleInBody(body, title)) lines.push(title);
  lines.push(...body);
  if (textLength(body) === 0) throw new InputError('empty', 'the page has no readable text');
  return {
    format: 'html',
    text: lines.join('\n'),
    encoding: decoded.encoding,
    hints,
    warnings: decoded.warnings,
  };
}
