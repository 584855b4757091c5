/**
 * The figure extractor: every quantity of the report body that states a catalogue indicator, with
 * its key, value, unit, qualifier and spans. Subjects carry across clauses ("受理…115件,审结90件"),
 * pairs and lists carry their key ("分别…15次和12次", "市级2220项、镇级5432项…在线办理"), and
 * figures of courts, procuratorates and police, and targets of plans, are left out.
 */
import { sentenceSpans } from '../core/structure/parts.js';
import type { Part, Span } from '../core/types.js';
import type { Catalogue, CueRow } from './catalogue.js';
import { findQuantities, type Quantity } from './quantity.js';

export interface Figure {
  key: string;
  value: number;
  unit: string;
  approx: 'over' | 'under' | 'about' | null;
  /** The quantity expression ("近24万余次"). */
  span: Span;
  /** The clause that states it, from its subject to the unit ("全年受理行政复议申请115件"). */
  quoteSpan: Span;
  sentence: Span;
  /** 纲要 area of the key (A01–A10, X_society). */
  area: string;
  /** Line of indicator-cues.tsv that matched, or 0 when the key was carried from the previous figure. */
  cueLine: number;
}

const HARD_BOUNDARY = /[,，;；:：。!！?？\n]/u;
/** What may stand between two figures of one list or pair ("15次和12次", "19部、13部", "2220项、镇级5432项"). */
const CARRY_GAP = /^[、和及与或]?\s*(分别为|分别是|分别)?[\u4e00-\u9fff()（）]{0,5}$/u;
const NOT_CARRY = /其中|含|包括|占|同比|较|比/u;
const AFTER_LENGTH = 40;

function lastMatchEnd(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let end = -1;
  for (const m of text.matchAll(re)) end = (m.index ?? 0) + m[0].length;
  return end;
}

/** Start of the clause a position belongs to, within [from, pos). */
function clauseStart(text: string, from: number, pos: number): number {
  for (let i = pos - 1; i >= from; i--) {
    if (HARD_BOUNDARY.test(text[i] as string)) return i + 1;
  }
  return from;
}

function clauseEnd(text: string, pos: number, limit: number): number {
  const end = Math.min(limit, pos + AFTER_LENGTH);
  for (let i = pos; i < end; i++) {
    if (HARD_BOUNDARY.test(text[i] as string)) return i;
  }
  return end;
}

interface Candidate {
  row: CueRow;
  /** Smaller is better: how far the cue is from the number. */
  distance: number;
}

function bestRow(
  catalogue: Catalogue,
  unit: string,
  local: string,
  sentence: string,
  after: string,
): Candidate | null {
  let best: Candidate | null = null;
  for (const row of catalogue.rows) {
    if (!catalogue.unitsOf.get(row.key)?.has(unit)) continue;
    if (row.not?.test(local)) continue;
    if (row.topic && !row.topic.test(sentence)) continue;
    let distance: number;
    if (row.cue) {
      const end = lastMatchEnd(row.cue, local);
      if (end < 0) continue;
      distance = local.length - end;
      if (row.after && !row.after.test(after)) continue;
    } else {
      const m = (row.after as RegExp).exec(after);
      if (!m) continue;
      distance = m.index + 8; // a cue after the number is weaker evidence than one before it
    }
    // Among equals, a row with a topic is more specific.
    const score = distance - (row.topic ? 0.5 : 0);
    if (!best || score < best.distance) best = { row, distance: score };
  }
  return best;
}

function isActor(catalogue: Catalogue, sentence: string, local: string): boolean {
  if (catalogue.actorVerb.some((re) => re.test(local))) return true;
  const opensWith = (s: string): boolean =>
    catalogue.actor.some((re) => {
      const m = re.exec(s);
      return m !== null && m.index <= 4 && !/收到|向|与|和|会同|配合|联合|协调|邀请/u.test(s.slice(0, m.index));
    });
  return opensWith(sentence.trimStart()) || opensWith(local.trimStart());
}

/** Normalize the unit for catalogue lookups: "场(次)" is 场. */
function baseUnit(unit: string): string {
  return unit.replace(/[(（][^)）]*[)）]$/u, '');
}

export interface ExtractOptions {
  /** Where figures are looked for: the report body. */
  body: Span;
  /** Top-level parts; figures in parts that are only plans are targets, not results. */
  parts?: Part[];
}

/**
 * Extract the catalogue figures of a normalized report text.
 *
 * @example
 * extractFigures('全年受理行政复议申请115件,审结90件。', catalogue, { body: { start: 0, end: 19 } })
 * // → reconsideration.accepted 115 件, reconsideration.closed 90 件
 */
export function extractFigures(text: string, catalogue: Catalogue, options: ExtractOptions): Figure[] {
  const figures: Figure[] = [];
  const planSpans = (options.parts ?? []).filter((p) => p.kinds.length === 1 && p.kinds[0] === 'plans').map((p) => p.span);
  for (const sentence of sentenceSpans(text, options.body)) {
    if (planSpans.some((s) => s.start <= sentence.start && sentence.end <= s.end)) continue;
    const sentenceText = text.slice(sentence.start, sentence.end);
    if (catalogue.target.some((re) => re.test(sentenceText))) continue;
    const quantities = findQuantities(text, sentence.start, sentence.end).filter((q) => q.unit !== '');
    let previous: { q: Quantity; figure: Figure | null } | null = null;
    for (const q of quantities) {
      const unit = baseUnit(q.unit);
      const from = Math.max(clauseStart(text, sentence.start, q.start), previous ? previous.q.end : sentence.start);
      const local = text.slice(from, q.start);
      const before = text.slice(sentence.start, q.start);
      const after = text.slice(q.end, clauseEnd(text, q.end, sentence.end));
      let figure: Figure | null = null;
      if (!isActor(catalogue, before, local)) {
        const best = bestRow(catalogue, unit, local, before, after);
        let key: string | null = best?.row.key ?? null;
        let cueLine = best?.row.line ?? 0;
        if (!key && previous?.figure) {
          const gap = text.slice(previous.q.end, q.start);
          const prevKey = previous.figure.key;
          if (CARRY_GAP.test(gap) && !NOT_CARRY.test(gap) && catalogue.unitsOf.get(prevKey)?.has(unit)) {
            key = prevKey;
            cueLine = 0;
          }
        }
        if (key) {
          const def = catalogue.indicators.get(key);
          figure = {
            key,
            value: q.value,
            unit: q.unit,
            approx: q.approx,
            span: { start: q.start, end: q.end },
            quoteSpan: { start: from, end: q.end },
            sentence,
            area: def?.area ?? '',
            cueLine,
          };
          figures.push(figure);
        }
      }
      previous = { q, figure };
    }
  }
  return figures;
}
