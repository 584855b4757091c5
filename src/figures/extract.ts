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
  /** The clause that states it, from its subject to the unit ("全年受理行政复议申请115件"), or on to the
   * words after the number that name it ("为全市2205人举行授徽颁证"). */
  quoteSpan: Span;
  sentence: Span;
  /** 纲要 area of the key (A01–A10, X_society). */
  area: string;
  /** Line of indicator-cues.tsv that matched, or 0 when the key was carried from the previous figure. */
  cueLine: number;
}

const HARD_BOUNDARY = /[,，;；:：。!！?？\n]/u;
/**
 * What may stand between two figures of one list or pair, so that they share a key: "15次和12次",
 * "19部、13部", "5个部门、8个镇(街)", "15处乡镇(街道)、县经济开发区和27个县直部门".
 */
const CARRY_GAP = /^[^,，;；:：。!！?？\n]{0,16}$/u;
const CARRY_CONNECTOR = /^$|[、和及与]/u;
const NOT_CARRY = /其中|含|包括|占|同比|较|比/u;
const AFTER_LENGTH = 60;
/** Scores compare cue distance first, then topic distance (always below this weight). */
const TOPIC_WEIGHT = 100_000;
const NO_TOPIC = TOPIC_WEIGHT - 1;

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
  /** Where the matched `after` pattern ends, as an offset into the after text (0 when none). */
  afterEnd: number;
}

interface FigureContext {
  /** The clause before the number. */
  local: string;
  /** The text right after the figure, to the end of its clause. */
  after: string;
  /** The figure's sentence and the one before it, where its subject may be named. */
  topic: string;
  /** Offset of the number within `topic`. */
  topicAt: number;
  /** Where a veto word disqualifies a row. */
  veto: string;
}

function bestRow(catalogue: Catalogue, unit: string, context: FigureContext): Candidate | null {
  const { local, after } = context;
  let best: Candidate | null = null;
  for (const row of catalogue.rowsByUnit.get(unit) ?? []) {
    if (row.not?.test(context.veto)) continue;
    let topicDistance = NO_TOPIC;
    if (row.topic) {
      if (!row.topic.test(context.topic)) continue;
      // The nearest mention of the subject before the number decides between two subjects
      // ("…仲裁…。全年受理行政复议申请8件,审结8件").
      const before = lastMatchEnd(row.topicAll as RegExp, context.topic.slice(0, context.topicAt));
      topicDistance = before >= 0 ? context.topicAt - before : NO_TOPIC - 1;
    }
    let distance = 0;
    let afterEnd = 0;
    if (row.cue) {
      const end = row.cueAtEnd ? (row.cue.test(local) ? local.length : -1) : lastMatchEnd(row.cue, local);
      if (end < 0) continue;
      distance = local.length - end;
    }
    if (row.after) {
      const m = row.after.exec(after);
      if (!m) continue;
      afterEnd = m.index + m[0].length;
    }
    if (!row.cue) distance = afterEnd + 8; // a cue after the number is weaker evidence than one before it
    // Nearest cue first; among equals, the row whose subject is named nearest (a row with a topic
    // is more specific than one without).
    const score = distance * TOPIC_WEIGHT + Math.min(topicDistance, TOPIC_WEIGHT - 1);
    if (!best || score < best.distance) best = { row, distance: score, afterEnd };
  }
  return best;
}

function isActor(catalogue: Catalogue, sentence: string, local: string): boolean {
  if (catalogue.actorVerb.some((re) => re.test(local))) return true;
  const opensWith = (s: string): boolean =>
    catalogue.actor.some((re) => {
      const m = re.exec(s);
      return (
        m !== null && m.index <= 4 && !/收到|向|与|和|会同|配合|联合|协调|邀请/u.test(s.slice(0, m.index))
      );
    });
  return opensWith(sentence.trimStart()) || opensWith(local.trimStart());
}

/** Whether two figures separated by `gap` belong to one list or pair and may share `key`. */
function canCarry(catalogue: Catalogue, gap: string, key: string, unit: string): boolean {
  return (
    CARRY_GAP.test(gap) &&
    CARRY_CONNECTOR.test(gap) &&
    !NOT_CARRY.test(gap) &&
    (catalogue.unitsOf.get(key)?.has(unit) ?? false)
  );
}

/** Normalize the unit for catalogue lookups: "场(次)" is 场. */
function baseUnit(unit: string): string {
  return unit.replace(/[(（][^)）]*[)）]$/u, '');
}

/** "受理、审结行政复议案件分别为86件、79件": the items before 分别, and the figures after it. */
const RESPECTIVELY = /^(.*?)分别(?:为|是|达到|达|有|占)?\s*$/u;
const LIST_SEPARATOR = /、|以及|和|及|与/u;

/**
 * Figures listed after "分别为" take the keys of the items listed before it, one by one, when
 * every item names an indicator on its own and there are as many items as figures; otherwise the
 * keys found so far stand (the items may be two bodies doing one thing: "常委会、常务会议分别…").
 */
function assignRespectively(
  catalogue: Catalogue,
  text: string,
  quantities: Quantity[],
  froms: number[],
  keys: (string | null)[],
  where: { topic: string; topicStart: number },
): void {
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i] as Quantity;
    const m = RESPECTIVELY.exec(text.slice(froms[i] as number, q.start));
    if (!m?.[1]) continue;
    const gap = (k: number): string =>
      text.slice((quantities[k] as Quantity).end, (quantities[k + 1] as Quantity).start);
    let last = i;
    while (last + 1 < quantities.length && CARRY_GAP.test(gap(last)) && CARRY_CONNECTOR.test(gap(last)))
      last++;
    const items = m[1].split(LIST_SEPARATOR).filter((x) => x.trim() !== '');
    if (last === i || items.length !== last - i + 1) continue;
    // An item may leave the noun to the last one ("法律援助、公证、司法鉴定案件").
    const noun = (items[items.length - 1] as string).slice(-2);
    const found = items.map((item, k) => {
      const figure = quantities[i + k] as Quantity;
      const context = { after: '', topic: where.topic, topicAt: figure.start - where.topicStart };
      const keyOf = (local: string) =>
        bestRow(catalogue, baseUnit(figure.unit), { ...context, local, veto: local })?.row.key;
      return keyOf(item) ?? keyOf(item + noun);
    });
    if (found.every((k) => k)) {
      for (const [n, k] of found.entries()) keys[i + n] = k as string;
    }
    i = last;
  }
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
  const planSpans = (options.parts ?? [])
    .filter((p) => p.kinds.length === 1 && p.kinds[0] === 'plans')
    .map((p) => p.span);
  const sentences = sentenceSpans(text, options.body);
  sentences.forEach((sentence, index) => {
    if (planSpans.some((s) => s.start <= sentence.start && sentence.end <= s.end)) return;
    const sentenceText = text.slice(sentence.start, sentence.end);
    if (catalogue.target.some((re) => re.test(sentenceText))) return;
    const previousSentence = sentences[index - 1];
    const topic = text.slice(previousSentence?.start ?? sentence.start, sentence.end);
    const quantities = findQuantities(text, sentence.start, sentence.end).filter((q) => q.unit !== '');
    const keys: (string | null)[] = [];
    /** The key was read after the number ("…464项事项跨域可办"), so it may name the items before too. */
    const namedAfter: boolean[] = [];
    const cueLines: number[] = [];
    const froms: number[] = [];
    const quoteEnds: number[] = [];
    quantities.forEach((q, i) => {
      const unit = baseUnit(q.unit);
      const prev = quantities[i - 1];
      const clause = clauseStart(text, sentence.start, q.start);
      const from = Math.max(clause, prev ? prev.end : sentence.start);
      froms.push(from);
      const local = text.slice(from, q.start);
      const before = text.slice(sentence.start, q.start);
      const after = text.slice(q.end, clauseEnd(text, q.end, sentence.end));
      const previousClause = text.slice(
        clauseStart(text, sentence.start, Math.max(sentence.start, clause - 1)),
        clause,
      );
      const veto = unit === '%' ? previousClause + local : local + after;
      let key: string | null = null;
      let cueLine = 0;
      let quoteEnd = q.end;
      let keyAfter = false;
      if (!isActor(catalogue, before, local)) {
        const topicAt = q.start - (previousSentence?.start ?? sentence.start);
        const best = bestRow(catalogue, unit, { local, after, topic, topicAt, veto });
        key = best?.row.key ?? null;
        keyAfter = best !== null && !best.row.cue;
        cueLine = best?.row.line ?? 0;
        quoteEnd = q.end + (best?.afterEnd ?? 0);
        const prevKey = keys[i - 1];
        if (
          !key &&
          prev &&
          prevKey &&
          !NOT_CARRY.test(local) &&
          canCarry(catalogue, text.slice(prev.end, q.start), prevKey, unit)
        ) {
          key = prevKey;
        }
      } else {
        cueLine = -1; // an actor's figure: never carried into
      }
      keys.push(key);
      namedAfter.push(keyAfter);
      cueLines.push(cueLine);
      quoteEnds.push(quoteEnd);
    });
    // A list whose last item names what it counts after its number: "410项事项、…488项事项、
    // …464项事项跨域可办". Not a key read before the last number, which names that item only
    // ("维持268件、驳回57件、…责令履行2件").
    for (let i = quantities.length - 2; i >= 0; i--) {
      const q = quantities[i] as Quantity;
      const next = quantities[i + 1] as Quantity;
      const nextKey = keys[i + 1];
      if (keys[i] || !nextKey || !namedAfter[i + 1] || cueLines[i] === -1) continue;
      if (NOT_CARRY.test(text.slice(froms[i] as number, q.start))) continue;
      if (canCarry(catalogue, text.slice(q.end, next.start), nextKey, baseUnit(q.unit))) {
        keys[i] = nextKey;
        namedAfter[i] = true;
      }
    }
    if (sentenceText.includes('分别')) {
      assignRespectively(catalogue, text, quantities, froms, keys, {
        topic,
        topicStart: previousSentence?.start ?? sentence.start,
      });
    }
    quantities.forEach((q, i) => {
      const key = keys[i];
      if (!key) return;
      figures.push({
        key,
        value: q.value,
        unit: q.unit,
        approx: q.approx,
        span: { start: q.start, end: q.end },
        quoteSpan: { start: froms[i] as number, end: quoteEnds[i] as number },
        sentence,
        area: catalogue.indicators.get(key)?.area ?? '',
        cueLine: Math.max(0, cueLines[i] as number),
      });
    });
  });
  return figures;
}
