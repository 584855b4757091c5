/**
 * Score readings against hand-checked gold readings, as `../shared/docs/gold-format.md` defines:
 * metadata field by field (exact after removing white space; an issuer matches when one form
 * ends with the other), parts by kind (recall, and spurious kinds), indicators by key and value.
 */
import type { PartKind } from '../core/types.js';

export interface GoldIndicator {
  key: string;
  value: number;
  unit?: string;
  approx?: string | null;
  quote?: string;
}

export interface GoldReading {
  source: string;
  meta: {
    title: string | null;
    issuer: string | null;
    unitKind: string;
    jurisdiction: { name: string; code: string; level: string } | null;
    year: number | null;
    published: string | null;
    signed: string | null;
  };
  parts: { part: PartKind | PartKind[]; heading: string }[];
  indicators: GoldIndicator[];
}

export const META_FIELDS = [
  'title',
  'issuer',
  'unitKind',
  'jurisdiction.name',
  'jurisdiction.code',
  'jurisdiction.level',
  'year',
  'published',
  'signed',
] as const;
export type MetaField = (typeof META_FIELDS)[number];

function metaValue(meta: GoldReading['meta'], field: MetaField): string | null {
  if (field.startsWith('jurisdiction.')) {
    const j = meta.jurisdiction;
    if (!j) return null;
    return String(j[field.slice('jurisdiction.'.length) as 'name' | 'code' | 'level'] ?? '');
  }
  const v = meta[field as keyof GoldReading['meta']];
  return v === null || v === undefined ? null : String(v);
}

const squash = (s: string): string => s.replace(/\s+/gu, '');

export function metaFieldMatches(field: MetaField, gold: string | null, predicted: string | null): boolean {
  if (gold === null || predicted === null) return gold === predicted;
  const g = squash(gold);
  const p = squash(predicted);
  if (field === 'issuer') return g.endsWith(p) || p.endsWith(g);
  return g === p;
}

export interface ReportScore {
  source: string;
  meta: { field: MetaField; gold: string | null; predicted: string | null; ok: boolean }[];
  parts: { missed: PartKind[]; spurious: PartKind[]; goldCount: number; predictedCount: number };
  indicators: {
    matched: number;
    gold: number;
    predicted: number;
    /** Keys of the matched entries, for per-group figures. */
    matchedKeys: string[];
    missed: GoldIndicator[];
    spurious: GoldIndicator[];
  };
}

const kindsOf = (parts: GoldReading['parts']): PartKind[] =>
  parts.flatMap((p) => (Array.isArray(p.part) ? p.part : [p.part]));

/** Match predictions to gold entries one to one by key and value. */
export function matchIndicators(
  gold: GoldIndicator[],
  predicted: GoldIndicator[],
): { matched: [GoldIndicator, GoldIndicator][]; missed: GoldIndicator[]; spurious: GoldIndicator[] } {
  const unused = [...predicted];
  const matched: [GoldIndicator, GoldIndicator][] = [];
  const missed: GoldIndicator[] = [];
  for (const g of gold) {
    const i = unused.findIndex((p) => p.key === g.key && Math.abs(p.value - g.value) < 1e-9);
    if (i >= 0) {
      matched.push([g, unused[i] as GoldIndicator]);
      unused.splice(i, 1);
    } else {
      missed.push(g);
    }
  }
  return { matched, missed, spurious: unused };
}

export function scoreReport(gold: GoldReading, predicted: GoldReading): ReportScore {
  const meta = META_FIELDS.map((field) => {
    const g = metaValue(gold.meta, field);
    const p = metaValue(predicted.meta, field);
    return { field, gold: g, predicted: p, ok: metaFieldMatches(field, g, p) };
  });
  const goldKinds = new Set(kindsOf(gold.parts));
  const predictedKinds = new Set(kindsOf(predicted.parts));
  const ind = matchIndicators(gold.indicators ?? [], predicted.indicators ?? []);
  return {
    source: gold.source,
    meta,
    parts: {
      missed: [...goldKinds].filter((k) => !predictedKinds.has(k)),
      spurious: [...predictedKinds].filter((k) => !goldKinds.has(k)),
      goldCount: goldKinds.size,
      predictedCount: predictedKinds.size,
    },
    indicators: {
      matched: ind.matched.length,
      gold: (gold.indicators ?? []).length,
      predicted: (predicted.indicators ?? []).length,
      matchedKeys: ind.matched.map(([g]) => g.key),
      missed: ind.missed,
      spurious: ind.spurious,
    },
  };
}

export interface Totals {
  reports: number;
  metaAccuracy: Record<MetaField, number>;
  metaOverall: number;
  partRecall: number;
  spuriousParts: number;
  indicatorPrecision: number;
  indicatorRecall: number;
  indicatorF1: number;
  /** By group: the 纲要 area of each key when the caller knows it, else the key's first segment. */
  indicatorsByGroup: Record<
    string,
    { precision: number; recall: number; f1: number; gold: number; predicted: number }
  >;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function totals(
  scores: ReportScore[],
  groupOf: (key: string) => string = (k) => k.split('.')[0] ?? k,
): Totals {
  const metaAccuracy = {} as Record<MetaField, number>;
  for (const field of META_FIELDS) {
    const rows = scores.map((s) => s.meta.find((m) => m.field === field));
    metaAccuracy[field] = ratio(rows.filter((r) => r?.ok).length, rows.length);
  }
  const allMeta = scores.flatMap((s) => s.meta);
  const goldParts = scores.reduce((n, s) => n + s.parts.goldCount, 0);
  const missedParts = scores.reduce((n, s) => n + s.parts.missed.length, 0);
  const matched = scores.reduce((n, s) => n + s.indicators.matched, 0);
  const gold = scores.reduce((n, s) => n + s.indicators.gold, 0);
  const predicted = scores.reduce((n, s) => n + s.indicators.predicted, 0);
  const precision = ratio(matched, predicted);
  const recall = ratio(matched, gold);

  const groups = new Map<string, { gold: number; predicted: number; matched: number }>();
  const bump = (key: string, field: 'gold' | 'predicted' | 'matched', n = 1): void => {
    const g = groupOf(key);
    const row = groups.get(g) ?? { gold: 0, predicted: 0, matched: 0 };
    row[field] += n;
    groups.set(g, row);
  };
  for (const s of scores) {
    for (const key of s.indicators.matchedKeys) {
      bump(key, 'matched');
      bump(key, 'gold');
      bump(key, 'predicted');
    }
    for (const m of s.indicators.missed) bump(m.key, 'gold');
    for (const m of s.indicators.spurious) bump(m.key, 'predicted');
  }
  const byGroup: Totals['indicatorsByGroup'] = {};
  for (const [name, row] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const p = ratio(row.matched, row.predicted);
    const r = ratio(row.matched, row.gold);
    byGroup[name] = { precision: p, recall: r, f1: f1(p, r), gold: row.gold, predicted: row.predicted };
  }
  return {
    reports: scores.length,
    metaAccuracy,
    metaOverall: ratio(allMeta.filter((m) => m.ok).length, allMeta.length),
    partRecall: ratio(goldParts - missedParts, goldParts),
    spuriousParts: scores.reduce((n, s) => n + s.parts.spurious.length, 0),
    indicatorPrecision: precision,
    indicatorRecall: recall,
    indicatorF1: f1(precision, recall),
    indicatorsByGroup: byGroup,
  };
}
