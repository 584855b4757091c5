/**
 * The queries behind the web app's views: the report list with its facets, the overview, one
 * report, the compare table. Same SQL on PGlite and PostgreSQL; filters from filters.ts.
 */

import type { ReviewInput } from '../export/review.js';
import type { ContractReport } from '../output/contract.js';
import { hasTrigram } from '../search/search.js';
import { makeSnippet } from '../search/snippet.js';
import type { Queryable } from '../store/open.js';
import { getReport } from '../store/queries.js';
import type {
  CompareCell,
  CompareResult,
  CompareUnit,
  CompareValue,
  CoverageRow,
  Facet,
  FileRow,
  ListResult,
  ListSort,
  Overview,
  PublicationPoint,
  ReportDetail,
  ReportRow,
} from './api-types.js';
import {
  FACETS,
  type FacetName,
  filterConditions,
  type ReportFilters,
  rankExpression,
  SCORE_BAND_SQL,
} from './filters.js';
import { FORMAT_LABELS, LEVEL_LABELS, labels, provinceName, UNIT_KIND_LABELS } from './labels.js';
import { Sql, whereClause } from './sql.js';

/** The publication deadline: before April 1 of the year after the report year (R-DISC-01). */
export const PUBLISH_DEADLINE_MMDD = '03-31';

export function publishDeadline(year: number): string {
  return `${year + 1}-${PUBLISH_DEADLINE_MMDD}`;
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000);
}

/** FROM clause of a filtered query: the text is joined only when text terms need it. */
function fromClause(f: ReportFilters): string {
  return f.q ? 'FROM reports r JOIN report_texts t ON t.report_id = r.id' : 'FROM reports r';
}

// ---------------------------------------------------------------------------------------------
// List

export const SORTS = [
  'rank',
  'year',
  'score',
  'published',
  'findings',
  'title',
  'id',
] as const satisfies readonly ListSort[];
export type Sort = ListSort;

export interface ListOptions {
  sort?: Sort;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  /** Characters of text per snippet when there are text terms (default 140). */
  snippetLength?: number;
}

interface ListRow {
  id: string;
  title: string | null;
  issuer: string | null;
  unit_kind: string | null;
  jurisdiction_name: string | null;
  jurisdiction_code: string | null;
  jurisdiction_level: string | null;
  province_code: string | null;
  year: number | null;
  published: string | null;
  signed: string | null;
  score_total: number | null;
  format: string;
  source_path: string;
  findings: number;
  errors: number;
  warnings: number;
  text?: string;
  body_start?: number | null;
}

const SORT_SQL: Record<Exclude<Sort, 'rank'>, string> = {
  year: 'r.year',
  score: 'r.score_total',
  published: 'r.published',
  findings: '(SELECT count(*) FROM findings k2 WHERE k2.report_id = r.id)',
  title: 'r.title',
  id: 'r.id',
};

export async function listReports(
  db: Queryable,
  f: ReportFilters,
  options: ListOptions = {},
): Promise<ListResult> {
  const trigram = await hasTrigram(db);
  const limit = Math.max(1, Math.min(1000, Math.floor(options.limit ?? 20)));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));

  const countSql = new Sql();
  const c = filterConditions(countSql, f, trigram);
  const from = fromClause(f);
  const { rows: countRows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n ${from} ${whereClause(c.where)}`,
    countSql.params,
  );

  const sql = new Sql();
  const { where, parsed } = filterConditions(sql, f, trigram);
  const hasTerms = parsed.terms.length > 0;
  let sort: Sort = options.sort ?? (hasTerms ? 'rank' : 'year');
  if (sort === 'rank' && !hasTerms) sort = 'year';
  const order = options.order ?? (sort === 'title' || sort === 'id' ? 'asc' : 'desc');
  const key = sort === 'rank' ? `(${rankExpression(sql, parsed)})` : SORT_SQL[sort];
  const dir = order === 'asc' ? 'ASC NULLS LAST' : 'DESC NULLS LAST';
  const textColumns = f.q ? `, t.text, (r.reading->'spans'->'body'->>'start')::int AS body_start` : '';
  const { rows } = await db.query<ListRow>(
    `SELECT r.id, r.title, r.issuer, r.unit_kind, r.jurisdiction_name, r.jurisdiction_code,
       r.jurisdiction_level, r.province_code, r.year, r.published::text AS published, r.signed::text AS signed,
       r.score_total, r.format, r.source_path,
       (SELECT count(*)::int FROM findings k WHERE k.report_id = r.id) AS findings,
       (SELECT count(*)::int FROM findings k WHERE k.report_id = r.id AND k.severity = 'error') AS errors,
       (SELECT count(*)::int FROM findings k WHERE k.report_id = r.id AND k.severity = 'warning') AS warnings
       ${textColumns}
     ${from} ${whereClause(where)}
     ORDER BY ${key} ${dir}, r.id ASC
     LIMIT ${sql.p(limit)} OFFSET ${sql.p(offset)}`,
    sql.params,
  );
  const terms = parsed.terms.map((t) => t.text);
  return {
    total: Number(countRows[0]?.n ?? 0),
    rows: rows.map((row) => toReportRow(row, terms, options.snippetLength)),
    terms,
    excluded: parsed.excluded.map((t) => t.text),
    limit,
    offset,
    sort,
    order,
  };
}

function toReportRow(row: ListRow, terms: string[], snippetLength = 140): ReportRow {
  return {
    id: String(row.id),
    title: row.title,
    issuer: row.issuer,
    unitKind: row.unit_kind,
    jurisdiction: row.jurisdiction_name
      ? { name: row.jurisdiction_name, code: row.jurisdiction_code, level: row.jurisdiction_level }
      : null,
    provinceCode: row.province_code,
    province: row.province_code ? provinceName(row.province_code) : null,
    year: row.year,
    published: row.published,
    signed: row.signed,
    score: row.score_total,
    format: row.format,
    source: row.source_path,
    findings: row.findings,
    errors: row.errors,
    warnings: row.warnings,
    snippet:
      row.text === undefined
        ? null
        : makeSnippet(row.text, terms, {
            length: snippetLength,
            highlight: 'none',
            fallbackStart: row.body_start ?? 0,
          }).text,
  };
}

// ---------------------------------------------------------------------------------------------
// Facets

const FACET_LABELS: Record<FacetName, string> = {
  province: '省份',
  year: '年度',
  level: '层级',
  unitKind: '单位类型',
  area: '纲要领域（含数据）',
  rule: '检查发现',
  scoreBand: '评分',
  format: '文件格式',
};

function facetLabel(name: FacetName, value: string | null): string {
  if (value === null) return '未知';
  const l = labels();
  switch (name) {
    case 'province':
      return provinceName(value);
    case 'year':
      return `${value}年度`;
    case 'level':
      return LEVEL_LABELS[value] ?? value;
    case 'unitKind':
      return UNIT_KIND_LABELS[value] ?? value;
    case 'area': {
      const a = l.areas.find((x) => x.id === value);
      return a ? `${a.id} ${a.name}` : value;
    }
    case 'rule':
      return l.rules.find((r) => r.id === value)?.name ?? value;
    case 'scoreBand':
      return value === 'none' ? '无评分' : `${value}分`;
    case 'format':
      return FORMAT_LABELS[value] ?? value;
  }
}

/** Counts per value of every facet, each under all filters but its own. */
export async function facetCounts(db: Queryable, f: ReportFilters, limit = 60): Promise<Facet[]> {
  const trigram = await hasTrigram(db);
  const from = fromClause(f);
  const out: Facet[] = [];
  for (const name of FACETS) {
    const sql = new Sql();
    const { where } = filterConditions(sql, f, trigram, name);
    let query: string;
    switch (name) {
      case 'area':
        query = `SELECT g.area AS v, count(DISTINCT r.id)::int AS n ${from} JOIN figures g ON g.report_id = r.id
          ${whereClause([...where, 'g.area IS NOT NULL'])} GROUP BY g.area`;
        break;
      case 'rule':
        query = `SELECT k.rule_id AS v, count(DISTINCT r.id)::int AS n ${from} JOIN findings k ON k.report_id = r.id
          ${whereClause(where)} GROUP BY k.rule_id`;
        break;
      default: {
        const col = {
          province: 'r.province_code',
          year: 'r.year::text',
          level: 'r.jurisdiction_level',
          unitKind: 'r.unit_kind',
          scoreBand: SCORE_BAND_SQL,
          format: 'r.format',
        }[name];
        query = `SELECT ${col} AS v, count(*)::int AS n ${from} ${whereClause(where)} GROUP BY 1`;
      }
    }
    const { rows } = await db.query<{ v: string | null; n: number }>(
      `${query} ORDER BY n DESC, v ASC NULLS LAST LIMIT ${sql.p(limit)}`,
      sql.params,
    );
    const selected = new Set((f[name] ?? []).map(String));
    let values = rows.map((r) => ({
      value: r.v,
      label: facetLabel(name, r.v),
      count: r.n,
      selected: r.v !== null && selected.has(r.v),
    }));
    if (name === 'year') values = values.sort((a, b) => (b.value ?? '').localeCompare(a.value ?? ''));
    if (name === 'scoreBand') {
      const order = ['90-100', '80-89', '70-79', '60-69', '0-59', 'none'];
      values = values.sort((a, b) => order.indexOf(a.value ?? '') - order.indexOf(b.value ?? ''));
    }
    // A selected value with no report under the other filters still shows (count 0), to be unselected.
    for (const v of selected) {
      if (!values.some((x) => x.value === v)) {
        values.push({ value: v, label: facetLabel(name, v), count: 0, selected: true });
      }
    }
    out.push({ name, label: FACET_LABELS[name], values });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Overview

/** Counts sorted as the overview shows them: most first, then by value, unknown last. */
function byCount(a: { v: string | null; n: number }, b: { v: string | null; n: number }): number {
  if (a.n !== b.n) return b.n - a.n;
  if (a.v === b.v) return 0;
  if (a.v === null) return 1;
  if (b.v === null) return -1;
  return a.v < b.v ? -1 : 1;
}

/**
 * The overview under filters `f`: four queries, run concurrently (on PostgreSQL; PGlite has one
 * connection and takes them in turn). One pass over the filtered reports counts every dimension
 * at once (GROUPING SETS), with the score's mean and median in its grand-total row.
 */
export async function overview(db: Queryable, f: ReportFilters): Promise<Overview> {
  const trigram = await hasTrigram(db);
  const from = fromClause(f);
  const run = async <T extends object>(build: (sql: Sql, where: string[]) => string): Promise<T[]> => {
    const sql = new Sql();
    const { where } = filterConditions(sql, f, trigram);
    const { rows } = await db.query<T & object>(build(sql, where), sql.params);
    return rows;
  };

  type Dim = 'level' | 'province' | 'year' | 'unitKind' | 'bin' | 'total';
  const countsQuery = run<{
    dim: Dim;
    v: string | null;
    n: number;
    mean: number | null;
    median: number | null;
  }>(
    (_s, where) =>
      `WITH m AS (
         SELECT r.jurisdiction_level AS level, r.province_code AS province, r.year::text AS year,
           r.unit_kind, r.score_total,
           CASE WHEN r.score_total IS NULL THEN NULL ELSE least(9, floor(r.score_total / 10))::int END AS bin
         ${from} ${whereClause(where)})
       SELECT CASE WHEN grouping(level) = 0 THEN 'level' WHEN grouping(province) = 0 THEN 'province'
           WHEN grouping(year) = 0 THEN 'year' WHEN grouping(unit_kind) = 0 THEN 'unitKind'
           WHEN grouping(bin) = 0 THEN 'bin' ELSE 'total' END AS dim,
         coalesce(level, province, year, unit_kind, bin::text) AS v, count(*)::int AS n,
         avg(score_total)::float8 AS mean,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY score_total)::float8 AS median
       FROM m GROUP BY GROUPING SETS ((level), (province), (year), (unit_kind), (bin), ())`,
  );
  const pubQuery = run<{ id: string; title: string | null; year: number | null; published: string | null }>(
    (sql, where) =>
      `SELECT r.id, r.title, r.year, r.published::text AS published ${from} ${whereClause(where)}
       ORDER BY r.id LIMIT ${sql.p(20000)}`,
  );
  const topQuery = run<{ rule_id: string; severity: string; reports: number; findings: number }>(
    (_s, where) =>
      `SELECT k.rule_id, mode() WITHIN GROUP (ORDER BY k.severity) AS severity,
         count(DISTINCT r.id)::int AS reports, count(*)::int AS findings
       ${from} JOIN findings k ON k.report_id = r.id ${whereClause(where)}
       GROUP BY k.rule_id ORDER BY reports DESC, findings DESC, k.rule_id LIMIT 15`,
  );
  const storeQuery = db.query<{ reports: number; files: number; failed: number }>(
    `SELECT (SELECT count(*)::int FROM reports) AS reports, (SELECT count(*)::int FROM files WHERE current) AS files,
       (SELECT count(*)::int FROM (SELECT DISTINCT ON (path) status FROM files ORDER BY path, version DESC) x
        WHERE x.status = 'failed') AS failed`,
  );
  const [counts, pubRows, top, storeRows] = await Promise.all([countsQuery, pubQuery, topQuery, storeQuery]);

  const dim = (d: Dim) => counts.filter((r) => r.dim === d).sort(byCount);
  const totalRow = counts.find((r) => r.dim === 'total');
  const s = storeRows.rows[0] ?? { reports: 0, files: 0, failed: 0 };
  const byLevel = dim('level').map((r) => ({
    value: r.v,
    label: r.v ? (LEVEL_LABELS[r.v] ?? r.v) : '未知',
    count: r.n,
  }));
  const byProvince = dim('province').map((r) => ({ value: r.v, label: provinceName(r.v), count: r.n }));
  const byYear = dim('year')
    .map((r) => ({ value: r.v, label: r.v ? `${r.v}年度` : '未知', count: r.n }))
    .sort((a, b) => (a.value ?? '9999').localeCompare(b.value ?? '9999'));
  const byUnitKind = dim('unitKind').map((r) => ({
    value: r.v,
    label: r.v ? (UNIT_KIND_LABELS[r.v] ?? r.v) : '未知',
    count: r.n,
  }));

  const points: PublicationPoint[] = [];
  let unknown = 0;
  for (const r of pubRows) {
    if (r.year === null || r.published === null) {
      unknown++;
      continue;
    }
    const deadline = publishDeadline(r.year);
    points.push({
      id: String(r.id),
      title: r.title,
      year: r.year,
      published: r.published,
      deadline,
      days: daysBetween(deadline, r.published),
    });
  }
  const late = points.filter((p) => p.days > 0).length;

  const scoreRows = dim('bin');
  const bins = Array.from({ length: 10 }, (_, i) => ({
    from: i * 10,
    to: i === 9 ? 100 : i * 10 + 9,
    count: scoreRows.find((r) => r.v === String(i))?.n ?? 0,
  }));
  const mean = totalRow?.mean ?? null;
  const ruleNames = new Map(labels().rules.map((r) => [r.id, r]));
  return {
    total: totalRow?.n ?? 0,
    store: { reports: s.reports, files: s.files, failedFiles: s.failed },
    byLevel,
    byProvince,
    byYear,
    byUnitKind,
    publication: { deadline: PUBLISH_DEADLINE_MMDD, onTime: points.length - late, late, unknown, points },
    scores: {
      bins,
      mean: mean === null ? null : Math.round(mean * 10) / 10,
      median: totalRow?.median ?? null,
      none: scoreRows.find((r) => r.v === null)?.n ?? 0,
    },
    topFindings: top.map((t) => ({
      ruleId: t.rule_id,
      name: ruleNames.get(t.rule_id)?.name ?? t.rule_id,
      severity: t.severity,
      reports: t.reports,
      findings: t.findings,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// One report

export async function currentFiles(db: Queryable, id: string): Promise<FileRow[]> {
  const { rows } = await db.query<{ id: string; path: string; size: string | null }>(
    'SELECT id, path, size FROM files WHERE report_id = $1 AND current ORDER BY id',
    [id],
  );
  return rows.map((r) => ({
    id: String(r.id),
    path: r.path,
    name: r.path.split(/[\\/]/u).pop() ?? r.path,
    size: r.size === null ? null : Number(r.size),
  }));
}

/** How much of the report each 纲要 area takes: labelled paragraphs, their characters, figures. */
export function coverage(reading: ContractReport): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  for (const a of labels().areas) {
    rows.set(a.id, { area: a.id, name: a.name, scope: a.scope, paragraphs: 0, chars: 0, figures: 0 });
  }
  for (const p of reading.areaLabels ?? []) {
    for (const area of p.areas.length > 0 ? p.areas : p.area ? [p.area] : []) {
      const row = rows.get(area);
      if (!row) continue;
      row.paragraphs++;
      row.chars += p.span.end - p.span.start;
    }
  }
  for (const fig of reading.indicators) {
    const row = rows.get(fig.area);
    if (row) row.figures++;
  }
  return [...rows.values()];
}

export async function reportDetail(db: Queryable, id: string): Promise<ReportDetail<ContractReport> | null> {
  const report = await getReport(db, id);
  if (!report) return null;
  const reading = report.reading;
  const published = reading.meta.published;
  const deadline = report.year !== null ? publishDeadline(report.year) : null;
  return {
    id: String(report.id),
    hash: report.hash,
    format: report.format,
    sourcePath: report.sourcePath,
    ingestedAt: new Date(report.ingestedAt).toISOString(),
    title: report.title,
    year: report.year,
    score: report.scoreTotal,
    published,
    deadline,
    daysLate:
      published && deadline && /^\d{4}-\d{2}-\d{2}$/u.test(published)
        ? daysBetween(deadline, published)
        : null,
    files: await currentFiles(db, String(report.id)),
    text: report.text,
    reading,
    coverage: coverage(reading),
  };
}

// ---------------------------------------------------------------------------------------------
// Compare

interface FigureRowDb {
  report_id: string;
  key: string;
  value: number;
  unit: string;
  approx: string | null;
  quote: string;
  jurisdiction_name: string | null;
  jurisdiction_code: string | null;
  jurisdiction_level: string | null;
  issuer: string | null;
  title: string | null;
  year: number | null;
}

/** The unit a report speaks for: its jurisdiction and issuer (as copy detection counts them). */
export function unitKeyOf(code: string | null, issuer: string | null, reportId: string): string {
  const c = code?.trim() || '';
  const i = issuer?.replace(/\s+/gu, '') || '';
  return c || i ? `${c}|${i}` : `report:${reportId}`;
}

export async function compare(
  db: Queryable,
  f: ReportFilters,
  keys: string[],
  maxRows = 20000,
): Promise<CompareResult> {
  const indicators = new Map(labels().indicators.map((i) => [i.key, i]));
  const wanted = keys.filter((k) => indicators.has(k));
  const related = new Set(wanted);
  for (const k of wanted) {
    const rate = indicators.get(k)?.rate;
    if (rate?.numerator) related.add(rate.numerator);
    for (const d of rate?.denominators ?? []) related.add(d);
  }
  if (wanted.length === 0) return { keys: [], years: [], units: [], cells: [], truncated: false };
  const trigram = await hasTrigram(db);
  const sql = new Sql();
  const { where } = filterConditions(sql, f, trigram);
  const { rows } = await db.query<FigureRowDb>(
    `SELECT g.report_id, g.key, g.value, g.unit, g.approx, g.quote, r.jurisdiction_name, r.jurisdiction_code,
       r.jurisdiction_level, r.issuer, r.title, r.year
     ${fromClause(f)} JOIN figures g ON g.report_id = r.id
     ${whereClause([...where, `g.key = ANY(${sql.p([...related])}::text[])`])}
     ORDER BY r.jurisdiction_code NULLS LAST, r.year, r.id, g.ord LIMIT ${sql.p(maxRows + 1)}`,
    sql.params,
  );
  const truncated = rows.length > maxRows;
  if (truncated) rows.pop();
  // First figure of each key per report, and how many there are.
  const byReport = new Map<string, Map<string, { row: FigureRowDb; count: number }>>();
  for (const row of rows) {
    const id = String(row.report_id);
    let m = byReport.get(id);
    if (!m) {
      m = new Map();
      byReport.set(id, m);
    }
    const e = m.get(row.key);
    if (e) e.count++;
    else m.set(row.key, { row, count: 1 });
  }
  const units = new Map<string, CompareUnit>();
  const years = new Set<number>();
  const cells: CompareCell[] = [];
  const value = (e: { row: FigureRowDb } | undefined): CompareValue | null =>
    e ? { key: e.row.key, value: e.row.value, unit: e.row.unit, approx: e.row.approx } : null;
  for (const [id, figs] of byReport) {
    for (const key of wanted) {
      const e = figs.get(key);
      if (!e) continue;
      const r = e.row;
      const unitKey = unitKeyOf(r.jurisdiction_code, r.issuer, id);
      if (!units.has(unitKey)) {
        units.set(unitKey, {
          key: unitKey,
          name: r.issuer || r.jurisdiction_name || r.title || `报告 ${id}`,
          jurisdiction: r.jurisdiction_name,
          code: r.jurisdiction_code,
          level: r.jurisdiction_level,
        });
      }
      if (r.year !== null) years.add(r.year);
      const cell: CompareCell = {
        unitKey,
        year: r.year,
        key,
        reportId: id,
        value: r.value,
        unit: r.unit,
        approx: r.approx,
        count: e.count,
        quote: r.quote,
      };
      const rate = indicators.get(key)?.rate;
      if (rate) {
        const numerator = rate.numerator ? value(figs.get(rate.numerator)) : null;
        const den = rate.denominators.map((d) => figs.get(d)).find((x) => x !== undefined);
        const denominator = value(den);
        cell.numerator = numerator;
        cell.denominator = denominator;
        cell.computedRate =
          numerator && denominator && denominator.value !== 0
            ? Math.round((10000 * numerator.value) / denominator.value) / 100
            : null;
      }
      cells.push(cell);
    }
  }
  return {
    keys: wanted,
    years: [...years].sort((a, b) => a - b),
    units: [...units.values()].sort(
      (a, b) => (a.code ?? '~').localeCompare(b.code ?? '~') || a.name.localeCompare(b.name),
    ),
    cells,
    truncated,
  };
}

/** Indicators the filtered reports state, with how many reports state each. */
export async function indicatorCounts(db: Queryable, f: ReportFilters): Promise<Map<string, number>> {
  const trigram = await hasTrigram(db);
  const sql = new Sql();
  const { where } = filterConditions(sql, f, trigram);
  const { rows } = await db.query<{ key: string; n: number }>(
    `SELECT g.key, count(DISTINCT r.id)::int AS n ${fromClause(f)} JOIN figures g ON g.report_id = r.id
     ${whereClause(where)} GROUP BY g.key`,
    sql.params,
  );
  return new Map(rows.map((r) => [r.key, r.n]));
}

/**
 * The readings of the reports under filters `f`, in id order, at most `max`; with their text when
 * `withText` (the review quotes it; the export tables do not need it).
 */
export async function storedReadings(
  db: Queryable,
  f: ReportFilters,
  max: number,
  withText = false,
): Promise<ReviewInput[]> {
  const trigram = await hasTrigram(db);
  const sql = new Sql();
  const { where } = filterConditions(sql, f, trigram);
  const text = withText ? '(SELECT t.text FROM report_texts t WHERE t.report_id = r.id)' : 'NULL';
  const { rows } = await db.query<{ id: string; reading: ContractReport; text: string | null }>(
    `SELECT r.id, r.reading, ${text} AS text ${fromClause(f)} ${whereClause(where)}
     ORDER BY r.id LIMIT ${sql.p(max)}`,
    sql.params,
  );
  return rows.map((r) => ({ id: String(r.id), reading: r.reading, text: r.text ?? '' }));
}

/** Every facet name (for the OpenAPI description). */
export const FACET_NAMES: readonly FacetName[] = FACETS;
