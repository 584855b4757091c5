/**
 * Chinese full-text search over the stored reports, the same SQL on PGlite and PostgreSQL.
 *
 * A term matches where it occurs in the normalized text (ILIKE '%term%', ASCII case ignored).
 * The indexes only narrow the candidates: a term of three or more characters goes through the
 * pg_trgm index; a shorter one through the jieba-token tsvector (its tokens ANDed, see
 * segment.ts `termTokens`), then the substring check. Ranking is ts_rank over the terms' tokens
 * plus a boost for terms in the title. Filters restrict by metadata, by part (the terms must
 * occur inside a part of that kind), by 纲要 area (figures of that area), by rule (findings of
 * that rule) and by score.
 *
 * @example
 * const result = await searchReports(store.pool, '行政复议 "出庭应诉"', { province: '河北', year: 2023 });
 * result.total; result.hits[0].snippet; // '…全年办理【行政复议】案件…'
 * const page2 = await searchReports(store.pool, '行政复议', { cursor: result.nextCursor });
 */
import type { JurisdictionLevel, PartKind, UnitKind } from '../core/types.js';
import type { Queryable } from '../store/open.js';
import { type ParsedQuery, parseQuery } from './query.js';
import { type Highlight, makeSnippet } from './snippet.js';

export interface SearchFilters {
  /** Province: GB/T 2260 code ('13', '130000') or name ('河北', '河北省'). */
  province?: string;
  /** Jurisdiction code or its prefix ('1305' for 邢台市 and its counties). */
  jurisdictionCode?: string;
  level?: JurisdictionLevel | JurisdictionLevel[];
  unitKind?: UnitKind | UnitKind[];
  year?: number;
  yearFrom?: number;
  yearTo?: number;
  /** The terms must occur inside a part of this kind (and without terms: the report has one). */
  part?: PartKind;
  /** 纲要 area (A01–A10, X_society): reports with figures in that area. */
  area?: string;
  /** Reports with a finding of this rule id. */
  rule?: string;
  scoreMin?: number;
  scoreMax?: number;
  /** Include reports that are no longer the current content of any file (default false). */
  allVersions?: boolean;
}

export type SearchOrder = 'rank' | 'year' | 'score';

export interface SearchRequest extends SearchFilters {
  /** Hits per page (default 20, at most 200). */
  limit?: number;
  /** Offset pagination. */
  offset?: number;
  /** Keyset pagination: `nextCursor` of the previous page (same query, filters and order). */
  cursor?: string | null;
  /** Default: 'rank' with terms, 'year' (newest first) without. */
  order?: SearchOrder;
  highlight?: Highlight;
  /** Characters of text per snippet (default 120). */
  snippetLength?: number;
}

export interface SearchHit {
  id: string;
  source: string;
  title: string | null;
  issuer: string | null;
  unitKind: string | null;
  year: number | null;
  published: string | null;
  jurisdiction: { name: string; code: string | null; level: string | null } | null;
  /** The checks score of the report (0–100), when stored. */
  score: number | null;
  /** Relevance (higher first); with order 'year' or 'score' the sort key. */
  rank: number;
  snippet: string;
  /** UTF-16 offset of the snippet's first match in the report text. */
  matchStart: number | null;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** Cursor of the next page, or null on the last one. */
  nextCursor: string | null;
  /** The terms as matched (normalized). */
  terms: string[];
  excluded: string[];
}

/** A request the search cannot run (bad filter value, foreign cursor). */
export class SearchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchError';
  }
}

export const LEVELS: readonly JurisdictionLevel[] = ['province', 'prefecture', 'county', 'township'];
export const UNIT_KINDS: readonly UnitKind[] = ['government', 'department', 'party', 'other'];
export const PART_KINDS: readonly PartKind[] = ['measures', 'shortcomings', 'leadership', 'plans', 'other'];

const likeEscape = (s: string): string => s.replace(/[\\%_]/gu, '\\$&');

interface Cursor {
  o: SearchOrder;
  k: number;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(s: string, order: SearchOrder): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (c.o !== order || typeof c.k !== 'number' || !/^\d+$/u.test(String(c.id))) throw new Error('bad');
    return c;
  } catch {
    throw new SearchError('the cursor does not belong to this search');
  }
}

const trgmCache = new WeakMap<object, Promise<boolean>>();

/** Whether pg_trgm is installed (then substring matches of ≥ 3 characters are indexed). */
export function hasTrigram(db: Queryable): Promise<boolean> {
  let p = trgmCache.get(db);
  if (!p) {
    p = db
      .query<{ ok: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS ok`)
      .then((r) => r.rows[0]?.ok === true);
    trgmCache.set(db, p);
  }
  return p;
}

function list<T extends string>(value: T | T[] | undefined, allowed: readonly T[], name: string): T[] {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (!allowed.includes(v))
      throw new SearchError(`unknown ${name} "${v}" (expected ${allowed.join(', ')})`);
  }
  return values;
}

function finite(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value)) throw new SearchError(`${name} must be a number`);
  return value;
}

class Sql {
  readonly params: unknown[] = [];
  p(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/** The WHERE conditions and the rank expression of a query, with their parameters. */
function buildConditions(
  sql: Sql,
  parsed: ParsedQuery,
  filters: SearchFilters,
  trigram: boolean,
  withRank: boolean,
): { where: string[]; rank: string } {
  const where: string[] = [];
  if (!filters.allVersions) {
    where.push('EXISTS (SELECT 1 FROM files f WHERE f.report_id = r.id AND f.current)');
  }
  const part = filters.part === undefined ? undefined : list(filters.part, PART_KINDS, 'part')[0];
  const partParam = part ? sql.p(part) : null;
  const rankParts: string[] = [];
  for (const term of parsed.terms) {
    const pattern = sql.p(`%${likeEscape(term.text)}%`);
    const substring = `t.text ILIKE ${pattern}`;
    if ([...term.text].length >= 3 && trigram) {
      where.push(substring);
    } else if (term.tokens.length > 0) {
      where.push(`t.tsv @@ plainto_tsquery('simple', ${sql.p(term.tokens.join(' '))}) AND ${substring}`);
    } else {
      where.push(substring);
    }
    if (partParam) {
      where.push(
        `EXISTS (SELECT 1 FROM parts p WHERE p.report_id = r.id AND p.kinds @> ARRAY[${partParam}]::text[]
           AND substr(t.text, p.cp_start + 1, p.cp_end - p.cp_start) ILIKE ${pattern})`,
      );
    }
    if (withRank) rankParts.push(`(CASE WHEN r.title ILIKE ${pattern} THEN 0.5 ELSE 0 END)`);
  }
  if (partParam && parsed.terms.length === 0) {
    where.push(
      `EXISTS (SELECT 1 FROM parts p WHERE p.report_id = r.id AND p.kinds @> ARRAY[${partParam}]::text[])`,
    );
  }
  for (const term of parsed.excluded) {
    where.push(`t.text NOT ILIKE ${sql.p(`%${likeEscape(term.text)}%`)}`);
  }
  const tokens = [...new Set(parsed.terms.flatMap((t) => t.tokens))];
  if (withRank && tokens.length > 0) {
    const q = tokens.map((tok) => `plainto_tsquery('simple', ${sql.p(tok)})`).join(' || ');
    rankParts.unshift(`ts_rank(t.tsv, ${q}, 1)`);
  }

  if (filters.province) {
    const v = filters.province.trim();
    if (/^\d{2}(\d{4})?$/u.test(v)) where.push(`r.province_code = ${sql.p(`${v.slice(0, 2)}0000`)}`);
    else where.push(`r.jurisdiction_name LIKE ${sql.p(`${likeEscape(v)}%`)}`);
  }
  if (filters.jurisdictionCode) {
    if (!/^\d{2,12}$/u.test(filters.jurisdictionCode))
      throw new SearchError('jurisdictionCode must be digits');
    where.push(`r.jurisdiction_code LIKE ${sql.p(`${filters.jurisdictionCode}%`)}`);
  }
  const levels = list(filters.level, LEVELS, 'level');
  if (levels.length > 0) where.push(`r.jurisdiction_level = ANY(${sql.p(levels)}::text[])`);
  const kinds = list(filters.unitKind, UNIT_KINDS, 'unit kind');
  if (kinds.length > 0) where.push(`r.unit_kind = ANY(${sql.p(kinds)}::text[])`);
  const year = finite(filters.year, 'year');
  if (year !== undefined) where.push(`r.year = ${sql.p(year)}`);
  const yearFrom = finite(filters.yearFrom, 'yearFrom');
  if (yearFrom !== undefined) where.push(`r.year >= ${sql.p(yearFrom)}`);
  const yearTo = finite(filters.yearTo, 'yearTo');
  if (yearTo !== undefined) where.push(`r.year <= ${sql.p(yearTo)}`);
  if (filters.area) {
    where.push(
      `EXISTS (SELECT 1 FROM figures g WHERE g.report_id = r.id AND g.area = ${sql.p(filters.area)})`,
    );
  }
  if (filters.rule) {
    where.push(
      `EXISTS (SELECT 1 FROM findings k WHERE k.report_id = r.id AND k.rule_id = ${sql.p(filters.rule)})`,
    );
  }
  const scoreMin = finite(filters.scoreMin, 'scoreMin');
  if (scoreMin !== undefined) where.push(`r.score_total >= ${sql.p(scoreMin)}`);
  const scoreMax = finite(filters.scoreMax, 'scoreMax');
  if (scoreMax !== undefined) where.push(`r.score_total <= ${sql.p(scoreMax)}`);
  return { where, rank: rankParts.length > 0 ? rankParts.join(' + ') : '0' };
}

interface HitRow {
  id: string;
  source_path: string;
  title: string | null;
  issuer: string | null;
  unit_kind: string | null;
  year: number | null;
  published: string | null;
  jurisdiction_name: string | null;
  jurisdiction_code: string | null;
  jurisdiction_level: string | null;
  score_total: number | null;
  k: number;
  text: string;
  body_start: number | null;
  part_spans: [number, number][] | null;
}

/**
 * Search the stored reports. `query` may be empty: then the filters alone select, newest first.
 * Throws {@link SearchError} on a bad filter value or cursor.
 */
export async function searchReports(
  db: Queryable,
  query: string,
  request: SearchRequest = {},
): Promise<SearchResult> {
  const parsed = parseQuery(query);
  const order: SearchOrder = request.order ?? (parsed.terms.length > 0 ? 'rank' : 'year');
  if (!['rank', 'year', 'score'].includes(order)) throw new SearchError(`unknown order "${order}"`);
  const limit = Math.max(1, Math.min(200, Math.floor(request.limit ?? 20)));
  const offset = Math.max(0, Math.floor(request.offset ?? 0));
  const trigram = await hasTrigram(db);

  const countSql = new Sql();
  const c = buildConditions(countSql, parsed, request, trigram, false);
  const from = 'FROM reports r JOIN report_texts t ON t.report_id = r.id';
  const whereText = (w: string[]) => (w.length > 0 ? `WHERE ${w.map((x) => `(${x})`).join(' AND ')}` : '');

  const pageSql = new Sql();
  const b = buildConditions(pageSql, parsed, request, trigram, order === 'rank');
  const key =
    order === 'rank' ? b.rank : order === 'year' ? 'coalesce(r.year, 0)' : 'coalesce(r.score_total, -1)';
  const partSpans = request.part
    ? `(SELECT json_agg(json_build_array(p.start_pos, p.end_pos)) FROM parts p
         WHERE p.report_id = r.id AND p.kinds @> ARRAY[${pageSql.p(request.part)}]::text[])`
    : 'NULL';
  let cursorCond = '';
  if (request.cursor) {
    const cur = decodeCursor(request.cursor, order);
    cursorCond = `WHERE s.k < ${pageSql.p(cur.k)}::float8 OR (s.k = ${pageSql.p(cur.k)}::float8 AND s.id > ${pageSql.p(cur.id)}::bigint)`;
  }
  const page = `SELECT * FROM (
      SELECT r.id, r.source_path, r.title, r.issuer, r.unit_kind, r.year, r.published::text AS published,
        r.jurisdiction_name, r.jurisdiction_code, r.jurisdiction_level, r.score_total,
        (${key})::float8 AS k, t.text, (r.reading->'spans'->'body'->>'start')::int AS body_start,
        ${partSpans} AS part_spans
      ${from} ${whereText(b.where)}) s
    ${cursorCond}
    ORDER BY s.k DESC, s.id ASC LIMIT ${pageSql.p(limit + 1)} OFFSET ${pageSql.p(request.cursor ? 0 : offset)}`;

  const [countResult, pageResult] = [
    await db.query<{ n: string }>(`SELECT count(*) AS n ${from} ${whereText(c.where)}`, countSql.params),
    await db.query<HitRow>(page, pageSql.params),
  ];
  const rows = pageResult.rows;
  const more = rows.length > limit;
  if (more) rows.pop();
  const terms = parsed.terms.map((t) => t.text);
  const hits: SearchHit[] = rows.map((row) => {
    const snippet = makeSnippet(row.text, terms, {
      length: request.snippetLength,
      highlight: request.highlight,
      within: row.part_spans?.map(([start, end]) => ({ start, end })),
      fallbackStart: row.body_start ?? 0,
    });
    return {
      id: row.id,
      source: row.source_path,
      title: row.title,
      issuer: row.issuer,
      unitKind: row.unit_kind,
      year: row.year,
      published: row.published,
      jurisdiction: row.jurisdiction_name
        ? { name: row.jurisdiction_name, code: row.jurisdiction_code, level: row.jurisdiction_level }
        : null,
      score: row.score_total,
      rank: row.k,
      snippet: snippet.text,
      matchStart: snippet.matchStart,
    };
  });
  const last = rows[rows.length - 1];
  return {
    total: Number(countResult.rows[0]?.n ?? 0),
    hits,
    nextCursor: more && last ? encodeCursor({ o: order, k: last.k, id: last.id }) : null,
    terms,
    excluded: parsed.excluded.map((t) => t.text),
  };
}
