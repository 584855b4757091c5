/**
 * Map the top-level sections of a report to the mandated parts (督察工作规定: 主要举措和成效,
 * 存在的不足和原因, 党政主要负责人履行第一责任人职责, 下一年度主要安排, 其他), and find a mandated
 * part that has no section of its own but lives inside another one (embedded).
 */
import { type Knowledge, partCuesFor } from '../knowledge.js';
import type { EmbeddedPart, Heading, Part, PartKind, Span } from '../types.js';
import { flattenHeadings } from './headings.js';

const MANDATED: PartKind[] = ['measures', 'shortcomings', 'leadership', 'plans'];

/** Kinds whose heading cues match `title`, resolving the overlaps seen in practice. */
export function classifyHeading(title: string, knowledge: Knowledge, year: number | null): PartKind[] {
  const kinds = new Set<PartKind>();
  let plansOnlyByYear = true;
  for (const cue of partCuesFor(knowledge, 'heading', year)) {
    if (!cue.re.test(title)) continue;
    kinds.add(cue.kind);
    if (cue.kind === 'plans' && !cue.byYear) plansOnlyByYear = false;
  }
  // "{year+1}年度…" names the plans, unless the heading says it reports work done ("2024年工作情况"
  // in a report whose title year is wrong): then the year is the weaker evidence.
  if (kinds.has('plans') && kinds.has('measures') && plansOnlyByYear) kinds.delete('plans');
  // "…推进法治政府建设存在的不足和原因" names the work but is about shortcomings; a leadership
  // heading often ends in "…有关情况", which is not a measures cue.
  if (kinds.has('leadership') || kinds.has('shortcomings') || kinds.has('plans') || kinds.has('other')) {
    kinds.delete('measures');
  }
  if (kinds.has('other') && kinds.size > 1) kinds.delete('other');
  return MANDATED.concat('other').filter((k) => kinds.has(k));
}

/** Sentences of a span, as spans (split after 。；!? and line ends). */
export function sentenceSpans(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (let i = span.start; i < span.end; i++) {
    const ch = text[i];
    if (
      ch === '。' ||
      ch === '；' ||
      ch === ';' ||
      ch === '!' ||
      ch === '！' ||
      ch === '?' ||
      ch === '？' ||
      ch === '\n'
    ) {
      if (i + (ch === '\n' ? 0 : 1) > start) out.push({ start, end: i + (ch === '\n' ? 0 : 1) });
      start = i + 1;
    }
  }
  if (span.end > start) out.push({ start, end: span.end });
  return out.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}

/**
 * Classify a section whose heading has no cue from what it says: a section that opens by naming
 * problems is about shortcomings, and one that goes on to "下一步…" also holds the plans.
 */
function classifyByContent(
  text: string,
  section: Span,
  knowledge: Knowledge,
  year: number | null,
  afterFirstPart: boolean,
): PartKind[] {
  const sentences = sentenceSpans(text, section).slice(1); // skip the heading sentence itself
  const shortcomingCues = partCuesFor(knowledge, 'content', year).filter((c) => c.kind === 'shortcomings');
  const planCues = partCuesFor(knowledge, 'content', year).filter((c) => c.kind === 'plans');
  let firstShortcoming = -1;
  let firstPlan = -1;
  sentences.forEach((s, i) => {
    const sentence = text.slice(s.start, s.end);
    if (firstShortcoming < 0 && shortcomingCues.some((c) => c.re.test(sentence))) firstShortcoming = i;
    if (firstPlan < 0 && planCues.some((c) => c.re.test(sentence))) firstPlan = i;
  });
  const kinds: PartKind[] = [];
  const opensWithProblems = firstShortcoming >= 0 && firstShortcoming <= Math.max(2, sentences.length * 0.3);
  if (afterFirstPart && opensWithProblems) kinds.push('shortcomings');
  if (afterFirstPart && firstPlan >= 0 && (kinds.length > 0 || firstPlan <= 1)) kinds.push('plans');
  return kinds;
}

export interface PartsResult {
  parts: Part[];
  embedded: EmbeddedPart[];
}

/** The style of the top-level parts: the highest-ranking style among the roots, ignoring 一是. */
function partHeadings(roots: Heading[]): Heading[] {
  const candidates = roots.filter((h) => h.style !== 'cn-shi');
  if (candidates.length === 0) return [];
  const styles = new Set(candidates.map((h) => h.style));
  for (const style of [
    'cn-dun',
    'cn-di',
    'cn-paren',
    'arabic-dot',
    'arabic-dun',
    'arabic-paren',
    'circled',
  ] as const) {
    if (styles.has(style)) return candidates.filter((h) => h.style === style);
  }
  return candidates;
}

/**
 * Parts of a report from its heading tree.
 *
 * @param year the report year, to tell "{year+1}年工作安排" (plans) from "{year}年工作情况" (measures)
 */
export function findParts(
  text: string,
  roots: Heading[],
  knowledge: Knowledge,
  year: number | null,
): PartsResult {
  const tops = partHeadings(roots);
  const parts: Part[] = [];
  tops.forEach((heading, i) => {
    let kinds = classifyHeading(heading.title, knowledge, year);
    if (kinds.length === 0) {
      kinds = classifyByContent(text, heading.sectionSpan, knowledge, year, i > 0);
    }
    if (kinds.length === 0) {
      const laterKinds = parts.some((p) => p.kinds.some((k) => k !== 'measures'));
      kinds = [laterKinds ? 'other' : 'measures'];
    }
    parts.push({
      kinds,
      heading: text.slice(heading.span.start, heading.span.end),
      headingSpan: heading.span,
      span: heading.sectionSpan,
    });
  });
  mergeByContent(text, parts, knowledge, year);
  return { parts, embedded: findEmbedded(text, tops, parts, knowledge, year) };
}

/**
 * Problems and plans often share one section ("深刻总结反思…": a few problems, then 一是进一步…).
 * When the report has no section of its own for one of the two, a section of the other kind
 * whose content holds it carries both kinds.
 */
function mergeByContent(text: string, parts: Part[], knowledge: Knowledge, year: number | null): void {
  const has = (kind: PartKind): boolean => parts.some((p) => p.kinds.includes(kind));
  for (const part of parts) {
    const isShortcomings = part.kinds.includes('shortcomings');
    const isPlans = part.kinds.includes('plans');
    if (isShortcomings === isPlans) continue;
    const missing: PartKind = isShortcomings ? 'plans' : 'shortcomings';
    if (has(missing)) continue;
    const found = classifyByContent(text, part.span, knowledge, year, true);
    if (found.includes(missing) || (isShortcomings && hasCue(text, part.span, knowledge, year, 'plans'))) {
      part.kinds = (['shortcomings', 'plans'] as PartKind[]).concat(
        part.kinds.filter((k) => k !== 'shortcomings' && k !== 'plans'),
      );
    }
  }
}

function hasCue(
  text: string,
  span: Span,
  knowledge: Knowledge,
  year: number | null,
  kind: PartKind,
): boolean {
  const cues = partCuesFor(knowledge, 'content', year).filter((c) => c.kind === kind);
  return sentenceSpans(text, span)
    .slice(1)
    .some((s) => cues.some((c) => c.re.test(text.slice(s.start, s.end))));
}

function findEmbedded(
  text: string,
  tops: Heading[],
  parts: Part[],
  knowledge: Knowledge,
  year: number | null,
): EmbeddedPart[] {
  const present = new Set(parts.flatMap((p) => p.kinds));
  const embedded: EmbeddedPart[] = [];
  const headingCues = partCuesFor(knowledge, 'heading', year);
  const contentCues = partCuesFor(knowledge, 'content', year);
  const within = (span: Span): number =>
    parts.findIndex((p) => p.span.start <= span.start && span.end <= p.span.end);

  for (const kind of MANDATED) {
    if (present.has(kind) || kind === 'measures') continue;
    // A sub-heading of its own inside another part.
    let found: EmbeddedPart | null = null;
    for (const top of tops) {
      for (const h of flattenHeadings(top.children)) {
        const cue = headingCues.find((c) => c.kind === kind && c.re.test(h.title));
        if (cue) {
          found = {
            kind,
            span: h.sectionSpan,
            within: within(h.sectionSpan),
            cue: cue.re.exec(h.title)?.[0] ?? '',
          };
          break;
        }
      }
      if (found) break;
    }
    // Otherwise a sentence that carries the cue.
    if (!found) {
      for (const part of parts) {
        for (const s of sentenceSpans(text, part.span)) {
          const sentence = text.slice(s.start, s.end);
          const cue = contentCues.find((c) => c.kind === kind && c.re.test(sentence));
          if (cue) {
            found = { kind, span: s, within: within(s), cue: cue.re.exec(sentence)?.[0] ?? '' };
            break;
          }
        }
        if (found) break;
      }
    }
    if (found) embedded.push(found);
  }
  return embedded;
}
