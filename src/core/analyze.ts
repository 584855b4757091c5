/**
 * The analysis core: text in, the whole reading out. Pure and synchronous; everything it knows
 * comes from `options.knowledge`, which adapters load from the data files.
 */
import { extractFigures, type Figure } from '../figures/extract.js';
import type { Knowledge } from './knowledge.js';
import { findLayout } from './layout.js';
import { findGarbledMonthDays } from './meta/dates.js';
import { readMeta } from './meta/index.js';
import { normalize, type OffsetMap } from './normalize.js';
import { buildHeadingTree } from './structure/headings.js';
import { findParts } from './structure/parts.js';
import type {
  DateIssue,
  EmbeddedPart,
  Heading,
  MetaSpans,
  Paragraph,
  Part,
  ReportMeta,
  SourceHints,
  Span,
} from './types.js';

export interface AnalyzeOptions {
  knowledge: Knowledge;
  /** Metadata the container declared (HTML meta tags, DOCX properties). */
  hints?: SourceHints;
}

/** The reading of one report. Every span points into `text`. */
export interface Report {
  /** The normalized text. */
  text: string;
  /** Maps offsets of `text` back to the text the reader produced. */
  sourceMap: OffsetMap;
  paragraphs: Paragraph[];
  /** The report body: after the title and page header, before the signature and page trailer. */
  body: Span;
  meta: ReportMeta;
  metaSpans: MetaSpans;
  headings: Heading[];
  parts: Part[];
  embeddedParts: EmbeddedPart[];
  /** Catalogue indicators stated in the body. */
  figures: Figure[];
  dateIssues: DateIssue[];
  /** True when the source was in traditional characters; `text` is then its simplified form. */
  convertedFromTraditional: boolean;
  /** Why the text may not be a rule-of-law government report at all; null when it looks like one. */
  notAReport: string | null;
}

/** Words without which a text is not about rule-of-law government work. */
const TOPIC = /法治政府|依法行政|法治建设|法治.{0,4}建设|全面依法治/u;

function notAReportReason(
  text: string,
  report: Pick<Report, 'body' | 'parts' | 'meta'>,
  knowledge: Knowledge,
): string | null {
  const title = report.meta.title ?? '';
  const other = knowledge.otherDocuments.find((d) => d.re.test(title));
  if (other) return `the title names another kind of document (${other.what}): ${title}`;
  const bodyLength = report.body.end - report.body.start;
  if (bodyLength < 200) return `too short for a report (${bodyLength} characters of body text)`;
  if (!TOPIC.test(text)) return 'no mention of 法治政府/依法行政/法治建设';
  return null;
}

/**
 * Analyze a report text.
 *
 * @example
 * const report = analyze(text, { knowledge: loadKnowledge() });
 * report.meta.year; // 2022
 * report.parts.map((p) => p.kinds); // [['measures'], ['shortcomings'], ['plans']]
 */
export function analyze(source: string, options: AnalyzeOptions): Report {
  const { knowledge } = options;
  const hints = options.hints ?? {};
  const { text, map, convertedFromTraditional } = normalize(source, { t2s: knowledge.t2s });
  const layout = findLayout(text, knowledge, hints.title);
  const { meta, spans, dateIssues } = readMeta(text, layout, knowledge, hints);
  const bodyLines = layout.paragraphs.slice(layout.bodyStart, layout.bodyEnd).map((p) => p.span);
  const headings = buildHeadingTree(text, bodyLines, layout.body.end);
  const { parts, embedded } = findParts(text, headings, knowledge, meta.year);
  const figures = extractFigures(text, knowledge.catalogue, { body: layout.body, parts });

  // Dates in the body that lost their 月 ("820日").
  const bodyText = text.slice(layout.body.start, layout.body.end);
  for (const d of findGarbledMonthDays(bodyText, meta.year)) {
    dateIssues.push({
      raw: d.raw,
      span: { start: layout.body.start + d.start, end: layout.body.start + d.end },
      repaired: d.iso,
      note:
        d.readings.length === 1
          ? `"${d.raw}" lost 月; reads as ${d.readings[0]}`
          : `"${d.raw}" is not a valid day and has ${d.readings.length} readings`,
    });
  }
  dateIssues.sort((a, b) => a.span.start - b.span.start);

  const partial = { body: layout.body, parts, meta };
  return {
    text,
    sourceMap: map,
    paragraphs: layout.paragraphs,
    body: layout.body,
    meta,
    metaSpans: spans,
    headings,
    parts,
    embeddedParts: embedded,
    figures,
    dateIssues,
    convertedFromTraditional,
    notAReport: notAReportReason(text, partial, knowledge),
  };
}
