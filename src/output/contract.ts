/**
 * The JSON reading of a report, as `../shared/docs/gold-format.md` defines it (source, meta,
 * parts, indicators), plus what fazhi adds: spans for provenance, embedded parts, the heading
 * tree and date issues.
 */
import type { CheckResult, Finding, Score } from '../checks/index.js';
import type { Report } from '../core/analyze.js';
import type { Heading, PartKind, Span } from '../core/types.js';
import type { AnalyzedDocument } from '../pipeline.js';

export interface ContractPart {
  part: PartKind | PartKind[];
  heading: string;
  span: Span;
  headingSpan: Span;
}

export interface ContractHeading {
  marker: string;
  title: string;
  level: number;
  style: Heading['style'];
  runIn: boolean;
  span: Span;
  children: ContractHeading[];
}

export interface ContractReport {
  source: string;
  format: string;
  encoding?: string;
  meta: Report['meta'];
  parts: ContractPart[];
  indicators: ContractIndicator[];
  embeddedParts: { part: PartKind; within: number; cue: string; span: Span; quote: string }[];
  headings: ContractHeading[];
  dateIssues: Report['dateIssues'];
  spans: { meta: Report['metaSpans']; body: Span };
  warnings: string[];
  /** Findings of `fazhi check` (recommended preset unless the caller configured otherwise). */
  findings?: Finding[];
  /** The 0–100 score with its per-dimension breakdown (data/rubric.json). */
  score?: Score;
  /** 纲要 area label of each body paragraph (A01–A10, X_*), for the web app. */
  areaLabels?: { span: Span; area: string | null; areas: string[] }[];
}

export interface ContractIndicator {
  key: string;
  value: number;
  unit: string;
  approx: 'over' | 'under' | 'about' | null;
  quote: string;
  area: string;
  span: Span;
  quoteSpan: Span;
}

export interface ContractError {
  source: string;
  error: string;
  errorCode: string;
}

function toHeading(h: Heading): ContractHeading {
  return {
    marker: h.marker,
    title: h.title,
    level: h.level,
    style: h.style,
    runIn: h.runIn,
    span: h.span,
    children: h.children.map(toHeading),
  };
}

const QUOTE_LENGTH = 60;

export function toContract(
  source: string,
  analyzed: AnalyzedDocument,
  checks?: Pick<CheckResult, 'findings' | 'score' | 'labels'>,
): ContractReport {
  const { report, document } = analyzed;
  return {
    source,
    format: document.format,
    ...(document.encoding ? { encoding: document.encoding } : {}),
    meta: report.meta,
    parts: report.parts.map((p) => ({
      part: p.kinds.length === 1 ? (p.kinds[0] as PartKind) : p.kinds,
      heading: p.heading,
      span: p.span,
      headingSpan: p.headingSpan,
    })),
    indicators: report.figures.map((f) => ({
      key: f.key,
      value: f.value,
      unit: f.unit,
      approx: f.approx,
      quote: report.text.slice(f.quoteSpan.start, f.quoteSpan.end),
      area: f.area,
      span: f.span,
      quoteSpan: f.quoteSpan,
    })),
    embeddedParts: report.embeddedParts.map((e) => ({
      part: e.kind,
      within: e.within,
      cue: e.cue,
      span: e.span,
      quote: report.text.slice(e.span.start, Math.min(e.span.end, e.span.start + QUOTE_LENGTH)),
    })),
    headings: report.headings.map(toHeading),
    dateIssues: report.dateIssues,
    spans: { meta: report.metaSpans, body: report.body },
    warnings: document.warnings,
    ...(checks
      ? {
          findings: checks.findings,
          score: checks.score,
          areaLabels: checks.labels.paragraphs.map((p) => ({ span: p.span, area: p.area, areas: p.areas })),
        }
      : {}),
  };
}
