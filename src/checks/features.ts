/**
 * Analyses several rules and the score share, computed lazily once per report: 纲要 area labels,
 * the text of each part, numeric facts, and the measurements behind the content rules.
 */
import type { Report } from '../core/analyze.js';
import { type Knowledge, partCuesFor } from '../core/knowledge.js';
import { sentenceSpans } from '../core/structure/parts.js';
import type { Part, PartKind, Span } from '../core/types.js';
import { findQuantities, type Quantity } from '../figures/quantity.js';
import { type Labelling, labelReport } from './areas.js';
import type { Inconsistency } from './consistency-source.js';
import type { CheckData, SharedAnalysis } from './types.js';

/** Measurements behind the content rules and the score, for transparency. */
export interface Features {
  /** Characters of the body without white space. */
  bodyChars: number;
  numericFacts: number;
  numericFactsPer1000: number;
  /** 纲要 areas (A01–A10) with enough material in the measures and leadership parts. */
  coveredAreas: string[];
  /** Share of body characters in sentences labelled X_security, X_judiciary or X_economy. */
  offScopeShare: number;
}

function nonSpace(text: string, span: Span): number {
  let n = 0;
  for (let i = span.start; i < span.end; i++) if (!/\s/u.test(text[i] as string)) n++;
  return n;
}

/** A one-sentence "plans" passage that only promises to solve the problems ("认真加以解决"). */
const CLOSING_PROMISE = /(?:认真|切实|着力|逐步|努力|加以|予以)(?:加以|予以)?(?:解决|改进|整改|克服|改正)/u;

/** Compute the shared analyses lazily, once per report. */
export function createShared(report: Report, knowledge: Knowledge, data: CheckData): SharedAnalysis {
  let labels: Labelling | null = null;
  let inconsistencies: Inconsistency[] | null = null;
  let facts: Quantity[] | null = null;
  const partTexts = new Map<PartKind, Span[]>();

  /** Sentence index where the plans begin inside a part that holds both problems and plans. */
  const planStart = (span: Span, from: number): number | null => {
    const cues = partCuesFor(knowledge, 'content', report.meta.year).filter((c) => c.kind === 'plans');
    for (const s of sentenceSpans(report.text, { start: from, end: span.end })) {
      if (cues.some((c) => c.re.test(report.text.slice(s.start, s.end)))) return s.start;
    }
    return null;
  };

  const bodyStart = (part: Part): number =>
    Math.min(part.span.end, Math.max(part.span.start, part.headingSpan.end));
  const splitOf = (part: Part): number | null =>
    part.kinds.includes('shortcomings') && part.kinds.includes('plans')
      ? planStart(part.span, bodyStart(part))
      : null;

  /**
   * The kinds of a part, without plans that are only a closing promise: a section of problems
   * that ends "这些问题需要在今后的工作中认真加以解决。" holds no plans.
   */
  const kindsOf = (part: Part): PartKind[] => {
    const split = splitOf(part);
    if (split === null) return part.kinds;
    const rest = { start: split, end: part.span.end };
    const sentences = sentenceSpans(report.text, rest);
    const promise = CLOSING_PROMISE.test(report.text.slice(rest.start, rest.end));
    return sentences.length <= 1 && promise ? part.kinds.filter((k) => k !== 'plans') : part.kinds;
  };

  const computePartText = (kind: PartKind): Span[] => {
    const spans: Span[] = [];
    for (const part of report.parts) {
      const kinds = kindsOf(part);
      if (!kinds.includes(kind)) continue;
      const from = bodyStart(part);
      const split = kinds.includes('shortcomings') && kinds.includes('plans') ? splitOf(part) : null;
      if (split === null) spans.push({ start: from, end: part.span.end });
      else if (kind === 'shortcomings') spans.push({ start: from, end: split });
      else if (kind === 'plans') spans.push({ start: split, end: part.span.end });
      else spans.push({ start: from, end: part.span.end });
    }
    if (spans.length === 0) {
      for (const e of report.embeddedParts) if (e.kind === kind) spans.push(e.span);
    }
    return spans.filter((s) => s.end > s.start);
  };

  return {
    labels() {
      labels ??= labelReport(report, data.areas);
      return labels;
    },
    inconsistencies() {
      inconsistencies ??= data.consistency ? data.consistency(report, knowledge) : [];
      return inconsistencies;
    },
    partKinds(part) {
      return kindsOf(part);
    },
    partText(kind) {
      let spans = partTexts.get(kind);
      if (!spans) {
        spans = computePartText(kind);
        partTexts.set(kind, spans);
      }
      return spans;
    },
    numericFacts() {
      if (!facts) {
        const planOnly = report.parts.filter((p) => p.kinds.length === 1 && p.kinds[0] === 'plans');
        facts = findQuantities(report.text, report.body.start, report.body.end).filter(
          (q) => q.unit !== '' && !planOnly.some((p) => p.span.start <= q.start && q.start < p.span.end),
        );
      }
      return facts;
    },
  };
}

/** The measurements of {@link Features}. */
export function computeFeatures(report: Report, shared: SharedAnalysis, data: CheckData): Features {
  const bodyChars = nonSpace(report.text, report.body);
  const planOnlyChars = report.parts
    .filter((p) => p.kinds.length === 1 && p.kinds[0] === 'plans')
    .reduce((s, p) => s + nonSpace(report.text, p.span), 0);
  const factsBase = Math.max(1, bodyChars - planOnlyChars);
  const numericFacts = shared.numericFacts().length;
  const { sentences } = shared.labels();
  const offIds = new Set(data.areas.areas.filter((a) => a.scope === 'off').map((a) => a.id));
  let off = 0;
  for (const s of sentences) if (s.area && offIds.has(s.area)) off += nonSpace(report.text, s.span);
  return {
    bodyChars,
    numericFacts,
    numericFactsPer1000: Math.round((numericFacts / factsBase) * 1000 * 100) / 100,
    coveredAreas: coveredAreas(report, shared, data),
    offScopeShare: bodyChars > 0 ? Math.round((off / bodyChars) * 1000) / 1000 : 0,
  };
}

/** Areas A01–A10 whose summed score over sentences labelled with them reaches `minScore`. */
export function coveredAreas(
  report: Report,
  shared: SharedAnalysis,
  data: CheckData,
  minScore = 2,
): string[] {
  const scope = [...shared.partText('measures'), ...shared.partText('leadership')];
  const within = (s: Span): boolean =>
    scope.length === 0
      ? s.start >= report.body.start && s.end <= report.body.end
      : scope.some((p) => p.start <= s.start && s.start < p.end);
  const totals = new Map<string, number>();
  for (const s of shared.labels().sentences) {
    if (!s.area || !within(s.span)) continue;
    totals.set(s.area, (totals.get(s.area) ?? 0) + (s.scores[s.area] ?? 0));
  }
  return data.areas.areas
    .filter((a) => a.scope === 'in' && (totals.get(a.id) ?? 0) >= minScore)
    .map((a) => a.id);
}
