/**
 * The filters of the report list, the overview, the compare view and the exports: one query
 * string, one set of SQL conditions. Every facet is multi-valued (values OR-ed, facets AND-ed),
 * and a facet's counts are taken under all filters but its own (disjunctive facets), so choosing
 * a second province still shows how many reports the first one has.
 *
 * Text terms follow the search syntax of src/search (`parseQuery`: AND of terms, "phrases",
 * -exclusions, substring matches on the normalized text) and use the same indexes: the pg_trgm
 * index for terms of three characters or more, the jieba tsvector for shorter ones.
 */
import { type ParsedQuery, parseQuery } from '../search/query.js';
import type { FacetName } from './api-types.js';
import { likeEscape, type Sql } from './sql.js';

export type { FacetName };

export const FACETS = [
  'province',
  'year',
  'level',
  'unitKind',
  'area',
  'rule',
  'scoreBand',
  'format',
] as const satisfies readonly FacetName[];

export const SCORE_BANDS = ['90-100', '80-89', '70-79', '60-69', '0-59', 'none'] as const;

export interface ReportFilters {
  q?: string;
  /** GB/T 2260 province codes, 2 or 6 digits. */
  province?: string[];
  year?: number[];
  level?: string[];
  unitKind?: string[];
  /** 纲要 areas: reports with figures in one of them. */
  area?: string[];
  /** Reports with a finding of one of these rules. */
  rule?: string[];
  scoreBand?: string[];
  format?: string[];
  /** The terms must occur inside a part of this kind. */
  part?: string;
  scoreMin?: number;
  scoreMax?: number;
  /** Reports with at least one finding of severity error. */
  hasErrors?: boolean;
  /** Explicit report ids. */
  ids?: string[];
}

const LEVELS = ['province', 'prefecture', 'county', 'township'];
const UNIT_KINDS = ['government', 'department', 'party', 'other'];
const PARTS = ['measures', 'shortcomings', 'leadership', 'plans', 'other'];
const FORMATS = ['txt', 'html', 'docx', 'pdf'];

/** A filter value the server refuses (answered with 400). */
export class FilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterError';
  }
}

type Raw = Record<string, unknown>;

/** Values of a query parameter given repeated (`a=1&a=2`) or comma-separated (`a=1,2`). */
function many(raw: Raw, name: string): string[] {
  const v = raw[name];
  const values = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
  return [
    ...new Set(
      values
        .flatMap((x) => String(x).split(','))
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

function oneOf(values: string[], allowed: readonly string[], name: string): string[] {
  for (const v of values) {
    if (!allowed.includes(v)) throw new FilterError(`unknown ${name} "${v}"`);
  }
  return values;
}

function num(raw: Raw, name: string): number | undefined {
  const v = raw[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(Array.isArray(v) ? v[0] : v);
  if (!Number.isFinite(n)) throw new FilterError(`${name} must be a number`);
  return n;
}

/** The filters of a query string (already parsed into an object). Throws FilterError. */
export function parseFilters(raw: Raw): ReportFilters {
  const f: ReportFilters = {};
  const q = typeof raw.q === 'string' ? raw.q.trim() : '';
  if (q) f.q = q.slice(0, 500);
  const province = many(raw, 'province');
  for (const p of province) {
    if (!/^\d{2}(\d{4})?$/u.test(p))
      throw new FilterError(`province must be a 2- or 6-digit code, not "${p}"`);
  }
  if (province.length > 0) f.province = province.map((p) => `${p.slice(0, 2)}0000`);
  const year = many(raw, 'year').map((y) => {
    if (!/^\d{4}$/u.test(y)) throw new FilterError(`year must be 4 digits, not "${y}"`);
    return Number(y);
  });
  if (year.length > 0) f.year = year;
  const level = oneOf(many(raw, 'level'), LEVELS, 'level');
  if (level.length > 0) f.level = level;
  const unitKind = oneOf(many(raw, 'unitKind'), UNIT_KINDS, 'unitKind');
  if (unitKind.length > 0) f.unitKind = unitKind;
  const area = many(raw, 'area');
  for (const a of area) if (!/^[A-Za-z0-9_]{1,40}$/u.test(a)) throw new FilterError(`bad area "${a}"`);
  if (area.length > 0) f.area = area;
  const rule = many(raw, 'rule');
  for (const r of rule) if (!/^[a-z0-9/_-]{1,80}$/u.test(r)) throw new FilterError(`bad rule "${r}"`);
  if (rule.length > 0) f.rule = rule;
  const scoreBand = oneOf(many(raw, 'scoreBand'), SCORE_BANDS, 'scoreBand');
  if (scoreBand.length > 0) f.scoreBand = scoreBand;
  const format = oneOf(many(raw, 'format'), FORMATS, 'format');
  if (format.length > 0) f.format = format;
  const part = typeof raw.part === 'string' && raw.part !== '' ? raw.part : undefined;
  if (part !== undefined) f.part = oneOf([part], PARTS, 'part')[0];
  const scoreMin = num(raw, 'scoreMin');
  if (scoreMin !== undefined) f.scoreMin = scoreMin;
  const scoreMax = num(raw, 'scoreMax');
  if (scoreMax !== undefined) f.scoreMax = scoreMax;
  if (raw.hasErrors === true || raw.hasErrors === 'true' || raw.hasErrors === '1') f.hasErrors = true;
  const ids = many(raw, 'ids');
  for (const id of ids) if (!/^\d{1,18}$/u.test(id)) throw new FilterError(`bad report id "${id}"`);
  if (ids.length > 0) f.ids = ids;
  return f;
}

/** The query string of filters (for links: the CSV twin of a view, the export). */
export function filtersToQuery(f: ReportFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  for (const name of FACETS) {
    const v = f[name];
    if (v && v.length > 0) p.set(name, v.join(','));
  }
  if (f.part) p.set('part', f.part);
  if (f.scoreMin !== undefined) p.set('scoreMin', String(f.scoreMin));
  if (f.scoreMax !== undefined) p.set('scoreMax', String(f.scoreMax));
  if (f.hasErrors) p.set('hasErrors', 'true');
  if (f.ids) p.set('ids', f.ids.join(','));
  return p;
}

/** SQL for the score band of `r.score_total`. */
export const SCORE_BAND_SQL = `CASE WHEN r.score_total IS NULL THEN 'none'
  WHEN r.score_total >= 90 THEN '90-100' WHEN r.score_total >= 80 THEN '80-89'
  WHEN r.score_total >= 70 THEN '70-79' WHEN r.score_total >= 60 THEN '60-69' ELSE '0-59' END`;

export interface Conditions {
  where: string[];
  parsed: ParsedQuery;
}

/**
 * The WHERE conditions over `reports r JOIN report_texts t` for `filters`, leaving out the facet
 * `omit`. Only reports that are the current content of some file are included (as in search).
 */
export function filterConditions(sql: Sql, f: ReportFilters, trigram: boolean, omit?: FacetName): Conditions {
  const where: string[] = ['EXISTS (SELECT 1 FROM files cf WHERE cf.report_id = r.id AND cf.current)'];
  const parsed = parseQuery(f.q ?? '');
  const partParam = f.part ? sql.p(f.part) : null;
  for (const term of parsed.terms) {
    const pattern = sql.p(`%${likeEscape(term.text)}%`);
    const substring = `t.text ILIKE ${pattern}`;
    if ([...term.text].length >= 3 && trigram) where.push(substring);
    else if (term.tokens.length > 0)
      where.push(`t.tsv @@ plainto_tsquery('simple', ${sql.p(term.tokens.join(' '))}) AND ${substring}`);
    else where.push(substring);
    if (partParam) {
      where.push(
        `EXISTS (SELECT 1 FROM parts p WHERE p.report_id = r.id AND p.kinds @> ARRAY[${partParam}]::text[]
           AND substr(t.text, p.cp_start + 1, p.cp_end - p.cp_start) ILIKE ${pattern})`,
      );
    }
  }
  if (partParam && parsed.terms.length === 0) {
    where.push(
      `EXISTS (SELECT 1 FROM parts p WHERE p.report_id = r.id AND p.kinds @> ARRAY[${partParam}]::text[])`,
    );
  }
  for (const term of parsed.excluded) where.push(`t.text NOT ILIKE ${sql.p(`%${likeEscape(term.text)}%`)}`);

  if (f.province && omit !== 'province') where.push(`r.province_code = ANY(${sql.p(f.province)}::text[])`);
  if (f.year && omit !== 'year') where.push(`r.year = ANY(${sql.p(f.year)}::int[])`);
  if (f.level && omit !== 'level') where.push(`r.jurisdiction_level = ANY(${sql.p(f.level)}::text[])`);
  if (f.unitKind && omit !== 'unitKind') where.push(`r.unit_kind = ANY(${sql.p(f.unitKind)}::text[])`);
  if (f.format && omit !== 'format') where.push(`r.format = ANY(${sql.p(f.format)}::text[])`);
  if (f.area && omit !== 'area') {
    where.push(
      `EXISTS (SELECT 1 FROM figures g WHERE g.report_id = r.id AND g.area = ANY(${sql.p(f.area)}::text[]))`,
    );
  }
  if (f.rule && omit !== 'rule') {
    where.push(
      `EXISTS (SELECT 1 FROM findings k WHERE k.report_id = r.id AND k.rule_id = ANY(${sql.p(f.rule)}::text[]))`,
    );
  }
  if (f.scoreBand && omit !== 'scoreBand')
    where.push(`(${SCORE_BAND_SQL}) = ANY(${sql.p(f.scoreBand)}::text[])`);
  if (f.scoreMin !== undefined) where.push(`r.score_total >= ${sql.p(f.scoreMin)}`);
  if (f.scoreMax !== undefined) where.push(`r.score_total <= ${sql.p(f.scoreMax)}`);
  if (f.hasErrors) {
    where.push(`EXISTS (SELECT 1 FROM findings k WHERE k.report_id = r.id AND k.severity = 'error')`);
  }
  if (f.ids) where.push(`r.id = ANY(${sql.p(f.ids)}::bigint[])`);
  return { where, parsed };
}

/** The rank expression of the text terms (jieba tokens' ts_rank plus a boost for the title). */
export function rankExpression(sql: Sql, parsed: ParsedQuery): string {
  const parts: string[] = [];
  const tokens = [...new Set(parsed.terms.flatMap((t) => t.tokens))];
  if (tokens.length > 0) {
    parts.push(
      `ts_rank(t.tsv, ${tokens.map((tok) => `plainto_tsquery('simple', ${sql.p(tok)})`).join(' || ')}, 1)`,
    );
  }
  for (const term of parsed.terms) {
    parts.push(`(CASE WHEN r.title ILIKE ${sql.p(`%${likeEscape(term.text)}%`)} THEN 0.5 ELSE 0 END)`);
  }
  return parts.length > 0 ? parts.join(' + ') : '0';
}
