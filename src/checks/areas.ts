/**
 * The 纲要 area classifier: every sentence and paragraph of a report body gets the label of the
 * 《法治政府建设实施纲要(2021—2025年)》 part it is about (A01–A10), or one of the adjacent labels
 * (X_society 法治社会, and the off-scope X_security, X_judiciary, X_economy), from the keywords of
 * `data/rules/outline-areas.tsv` (domain §3). Pure: the table text comes from an adapter.
 *
 * The labels are exported for other front ends (the web app shows {@link AreaDef.name} next to a
 * paragraph).
 */
import type { Report } from '../core/analyze.js';
import { parseTsvRows } from '../core/knowledge.js';
import { sentenceSpans } from '../core/structure/parts.js';
import type { Span } from '../core/types.js';

export type AreaScope = 'in' | 'adjacent' | 'off';

export interface AreaKeyword {
  re: RegExp;
  weight: number;
}

export interface AreaDef {
  /** `A01`…`A10`, `X_society`, `X_security`, `X_judiciary`, `X_economy`. */
  id: string;
  /** Short Chinese label. */
  name: string;
  /** Official title of the 纲要 part, or what the label covers. */
  title: string;
  scope: AreaScope;
  keywords: AreaKeyword[];
}

export interface OutlineAreas {
  /** In file order: A01…A10 first, then the X_ labels. */
  areas: AreaDef[];
  byId: Map<string, AreaDef>;
}

/** The label of one sentence. */
export interface SentenceLabel {
  span: Span;
  /** The label with the highest score, or null when no keyword matched. */
  area: string | null;
  /** Summed keyword weights per label (only labels with a match). */
  scores: Record<string, number>;
}

/** The labels of one body paragraph (line). */
export interface ParagraphLabel {
  span: Span;
  /** The label with the highest summed score over the paragraph's sentences, or null. */
  area: string | null;
  /** Every label whose score reaches 2 (or the top one), best first. */
  areas: string[];
  scores: Record<string, number>;
}

export interface Labelling {
  sentences: SentenceLabel[];
  paragraphs: ParagraphLabel[];
}

const SCOPES = new Set<AreaScope>(['in', 'adjacent', 'off']);

/** Parse `outline-areas.tsv`. Throws with the file and line on a bad row. */
export function parseOutlineAreas(tsv: string, file = 'rules/outline-areas.tsv'): OutlineAreas {
  const byId = new Map<string, AreaDef>();
  const get = (id: string): AreaDef => {
    let def = byId.get(id);
    if (!def) {
      def = { id, name: id, title: '', scope: 'in', keywords: [] };
      byId.set(id, def);
    }
    return def;
  };
  for (const row of parseTsvRows(tsv, file, 3)) {
    const [id, kind, value, weight] = row as [string, string, string, string | undefined];
    const def = get(id);
    switch (kind) {
      case 'name':
        def.name = value;
        break;
      case 'title':
        def.title = value;
        break;
      case 'scope':
        if (!SCOPES.has(value as AreaScope)) throw new Error(`${file}: unknown scope ${value} for ${id}`);
        def.scope = value as AreaScope;
        break;
      case 'kw': {
        let re: RegExp;
        try {
          re = new RegExp(value, 'u');
        } catch (error) {
          throw new Error(`${file}: invalid keyword ${JSON.stringify(value)}: ${(error as Error).message}`);
        }
        const w = weight === undefined || weight.trim() === '' ? 1 : Number(weight);
        if (!Number.isFinite(w) || w <= 0) throw new Error(`${file}: bad weight ${weight} for ${value}`);
        def.keywords.push({ re, weight: w });
        break;
      }
      default:
        throw new Error(`${file}: unknown row kind ${kind}`);
    }
  }
  return { areas: [...byId.values()], byId };
}

/**
 * Scores of a piece of text: each keyword counts once, with its weight. Off-scope keywords are not
 * looked for inside document names: 《反电信网络诈骗法》 is 普法, not policing.
 */
export function scoreText(text: string, areas: OutlineAreas): Record<string, number> {
  const scores: Record<string, number> = {};
  const withoutTitles = text.replace(/《[^》]*》/gu, '《》');
  for (const def of areas.areas) {
    let score = 0;
    const target = def.scope === 'off' ? withoutTitles : text;
    for (const kw of def.keywords) if (kw.re.test(target)) score += kw.weight;
    if (score > 0) scores[def.id] = score;
  }
  return scores;
}

/**
 * The best label of a score table. Ties go to the label in scope (a sentence that names 行政复议
 * and 公安 equally is not off-scope), then to file order.
 */
export function bestArea(scores: Record<string, number>, areas: OutlineAreas): string | null {
  let best: AreaDef | null = null;
  let bestScore = 0;
  const rank = (d: AreaDef): number => (d.scope === 'off' ? 0 : 1);
  for (const def of areas.areas) {
    const s = scores[def.id] ?? 0;
    if (s <= 0) continue;
    if (!best || s > bestScore || (s === bestScore && rank(def) > rank(best))) {
      best = def;
      bestScore = s;
    }
  }
  return best?.id ?? null;
}

/**
 * Label the sentences and paragraphs of a report body.
 *
 * @example
 * const { paragraphs } = labelReport(report, areas);
 * paragraphs[3]; // { span, area: 'A07', areas: ['A07', 'X_society'], scores: { A07: 5, X_society: 2 } }
 */
export function labelReport(
  report: Pick<Report, 'text' | 'paragraphs' | 'body'>,
  areas: OutlineAreas,
): Labelling {
  const sentences: SentenceLabel[] = [];
  const paragraphs: ParagraphLabel[] = [];
  for (const p of report.paragraphs) {
    if (p.role !== 'body') continue;
    const totals: Record<string, number> = {};
    for (const s of sentenceSpans(report.text, p.span)) {
      const scores = scoreText(report.text.slice(s.start, s.end), areas);
      for (const [id, v] of Object.entries(scores)) totals[id] = (totals[id] ?? 0) + v;
      sentences.push({ span: s, area: bestArea(scores, areas), scores });
    }
    const area = bestArea(totals, areas);
    const top = area === null ? 0 : (totals[area] ?? 0);
    const ranked = areas.areas
      .filter((d) => (totals[d.id] ?? 0) >= Math.min(2, top) && (totals[d.id] ?? 0) > 0)
      .sort((a, b) => (totals[b.id] ?? 0) - (totals[a.id] ?? 0))
      .map((d) => d.id);
    if (area !== null && ranked[0] !== area) {
      ranked.splice(ranked.indexOf(area), 1);
      ranked.unshift(area);
    }
    paragraphs.push({ span: p.span, area, areas: ranked, scores: totals });
  }
  return { sentences, paragraphs };
}
