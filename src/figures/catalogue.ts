/**
 * The indicator catalogue, compiled from its data files: `indicators.tsv` (keys, names, units,
 * 纲要 areas — the contract of ../shared/spec/indicators.tsv), `indicator-cues.tsv` (how reports
 * phrase each one), `units.tsv` (unit synonyms) and `figure-context.tsv` (actors and targets).
 */
import { parseTsvRows } from '../core/knowledge.js';

export interface IndicatorDef {
  key: string;
  nameZh: string;
  /** Units as the catalogue lists them; the first is canonical. */
  units: string[];
  area: string;
  description: string;
}

export interface CueRow {
  key: string;
  /** Must match in the clause before the number; null when the row relies on `after`. */
  cue: RegExp | null;
  /** True when `cue` is anchored at the number (ends with `$`), so a test is enough to place it. */
  cueAtEnd: boolean;
  /** Must match in the sentence before the number. */
  topic: RegExp | null;
  /** `topic` with the global flag, to find its last mention before the number. */
  topicAll: RegExp | null;
  /** Must match right after the figure. */
  after: RegExp | null;
  /** Vetoes the row when it matches in the clause before the number. */
  not: RegExp | null;
  /** Line in indicator-cues.tsv, for explaining a match. */
  line: number;
}

export interface Catalogue {
  indicators: Map<string, IndicatorDef>;
  rows: CueRow[];
  /** Every unit accepted for a key (its units and their synonyms). */
  unitsOf: Map<string, Set<string>>;
  /** The rows whose key accepts a unit, in file order: the only rows worth trying on a figure. */
  rowsByUnit: Map<string, CueRow[]>;
  actor: RegExp[];
  actorVerb: RegExp[];
  target: RegExp[];
}

export interface CatalogueSources {
  indicators: string;
  cues: string;
  units: string;
  context: string;
}

function regex(source: string | undefined, file: string, line: number, flags = 'u'): RegExp | null {
  if (!source) return null;
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new Error(
      `${file}:${line}: invalid pattern ${JSON.stringify(source)}: ${(error as Error).message}`,
    );
  }
}

export function compileCatalogue(sources: CatalogueSources): Catalogue {
  const indicators = new Map<string, IndicatorDef>();
  for (const [key, nameZh, units, area, description] of parseTsvRows(
    sources.indicators,
    'indicators.tsv',
    4,
  )) {
    indicators.set(key as string, {
      key: key as string,
      nameZh: nameZh as string,
      units: (units as string).split('|'),
      area: area as string,
      description: description ?? '',
    });
  }

  const synonyms = new Map<string, string[]>();
  for (const group of parseTsvRows(sources.units, 'units.tsv', 1)) {
    const units = group.filter((u) => u !== '');
    for (const u of units) synonyms.set(u, units);
  }
  const unitsOf = new Map<string, Set<string>>();
  for (const def of indicators.values()) {
    const accepted = new Set<string>();
    for (const u of def.units) for (const s of synonyms.get(u) ?? [u]) accepted.add(s);
    unitsOf.set(def.key, accepted);
  }

  const rows: CueRow[] = [];
  sources.cues.split(/\r?\n/).forEach((text, index) => {
    if (text.trim() === '' || text.startsWith('#')) return;
    const line = index + 1;
    const cells = text.split('\t');
    if (cells.length > 5)
      throw new Error(
        `indicator-cues.tsv:${line}: ${cells.length} columns, at most 5 (key, cue, topic, after, not)`,
      );
    const [key, cue, topic, after, not] = cells;
    if (!key || !indicators.has(key))
      throw new Error(`indicator-cues.tsv:${line}: unknown key ${JSON.stringify(key)}`);
    const row: CueRow = {
      key,
      cue: regex(cue, 'indicator-cues.tsv', line, cue?.endsWith('$') ? 'u' : 'gu'),
      cueAtEnd: cue?.endsWith('$') ?? false,
      topic: regex(topic, 'indicator-cues.tsv', line),
      topicAll: regex(topic, 'indicator-cues.tsv', line, 'gu'),
      after: regex(after, 'indicator-cues.tsv', line),
      not: regex(not, 'indicator-cues.tsv', line),
      line,
    };
    if (!row.cue && !row.after)
      throw new Error(`indicator-cues.tsv:${line}: a row needs a cue or an after pattern`);
    rows.push(row);
  });

  const rowsByUnit = new Map<string, CueRow[]>();
  for (const row of rows) {
    for (const unit of unitsOf.get(row.key) ?? []) {
      const list = rowsByUnit.get(unit) ?? [];
      list.push(row);
      rowsByUnit.set(unit, list);
    }
  }

  const context = { actor: [] as RegExp[], actorVerb: [] as RegExp[], target: [] as RegExp[] };
  parseTsvRows(sources.context, 'figure-context.tsv', 2).forEach(([kind, pattern], i) => {
    const re = regex(pattern, 'figure-context.tsv', i + 1) as RegExp;
    if (kind === 'actor') context.actor.push(re);
    else if (kind === 'actor-verb') context.actorVerb.push(re);
    else if (kind === 'target') context.target.push(re);
    else throw new Error(`figure-context.tsv: unknown kind ${kind}`);
  });
  return { indicators, rows, unitsOf, rowsByUnit, ...context };
}
