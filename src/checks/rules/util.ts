/** Helpers shared by rules: part names, anchors for findings about the whole report. */
import type { Report } from '../../core/analyze.js';
import { sentenceSpans } from '../../core/structure/parts.js';
import type { PartKind, Span } from '../../core/types.js';
import type { JsonSchema } from '../types.js';

/** The mandated parts as 《督察工作规定》 names them. */
export const PART_NAMES: Record<PartKind, string> = {
  measures: '主要举措和成效',
  shortcomings: '存在的不足和原因',
  leadership: '党政主要负责人履行推进法治建设第一责任人职责情况',
  plans: '下一年度主要安排',
  other: '其他需要报告的情况',
};

export const PART_KIND_SCHEMA: JsonSchema = {
  type: 'string',
  enum: ['measures', 'shortcomings', 'leadership', 'plans', 'other'],
};

/** Where a finding about the whole report points: the title, else the first body line. */
export function documentAnchor(report: Report): Span {
  if (report.metaSpans.title) return report.metaSpans.title;
  const first = report.paragraphs.find((p) => p.role === 'body' || p.role === 'title');
  if (first) return first.span;
  return { start: 0, end: Math.min(report.text.length, 1) };
}

/** The first sentence of a span (trimmed), for pointing at a passage without underlining all of it. */
export function firstSentence(text: string, span: Span): Span {
  return sentenceSpans(text, span)[0] ?? span;
}

/**
 * Where a finding about a part's content points: the heading of the part when it has its own
 * section of that kind, else the first sentence of the passage.
 */
export function partAnchor(report: Report, kind: PartKind, passage: Span): Span {
  const part = report.parts.find(
    (p) => p.kinds.includes(kind) && p.span.start <= passage.start && passage.start <= p.span.end,
  );
  if (part && part.kinds.length === 1) return part.headingSpan;
  return firstSentence(report.text, passage);
}

/** Texts of spans, joined by newlines. */
export function textOf(report: Report, spans: Span[]): string {
  return spans.map((s) => report.text.slice(s.start, s.end)).join('\n');
}

/** Compile option patterns, reporting the option name on a bad pattern. */
export function compilePatterns(patterns: readonly string[], option: string): RegExp[] {
  return patterns.map((p) => {
    try {
      return new RegExp(p, 'u');
    } catch (error) {
      throw new Error(`option ${option}: invalid pattern ${JSON.stringify(p)}: ${(error as Error).message}`);
    }
  });
}

/** 0.123 → "12.3%". */
export function percent(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}
