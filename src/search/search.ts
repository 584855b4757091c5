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
  /** Matching reports: exact when `totalExact`, else estimated (see {@link SearchTuning}). */
  total: number;
  totalExact: boolean;
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

/**
 * A page position. Without terms the database orders and pages (keyset: k, id of the last hit);
 * with terms `n` counts the hits before the page and `w` says whether the first page walked.
 */
interface Cursor {
  o: SearchOrder;
  k?: number;
  id?: string;
  n?: number;
  w?: boolean;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(s: string, order: SearchOrder, withTerms: boolean): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (c.o !== order) throw new Error('order');
    if (withTerms ? !Number.isInteger(c.n) : typeof c.k !== 'number' || !/^\d+$/u.test(String(c.id)))
      throw new Error('shape');
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

/** Whether matching a term must ignore case: it has letters with an upper and a lower form. */
const cased = (term: string): boolean => term.toLowerCase() !== term.toUpperCase();

/**
 * Conditions on `reports r` alone: metadata, versions, area, rule, score, and when `requirePart`
 * is given, a part of that kind (with terms, textConditions asks for the terms inside the part).
 */
function metadataConditions(sql: Sql, filters: SearchFilters, requirePart?: PartKind): string[] {
  const where: string[] = [];
  if (!filters.allVersions) {
    where.push('EXISTS (SELECT 1 FROM files f WHERE f.report_id = r.id AND f.current)');
  }
  if (requirePart) {
    where.push(
      `EXISTS (SELECT 1 FROM parts p WHERE p.report_id = r.id AND p.kinds @> ARRAY[${sql.p(requirePart)}]::text[])`,
    );
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
  return where;
}

/**
 * Conditions on the text `t.text` of report `id`. 'index' writes them so that the indexes can
 * serve them (LIKE/ILIKE for pg_trgm, the jieba tsvector for short terms); 'check' writes plain
 * substring tests no index can serve, so that the planner checks exactly the rows it is given.
 */
function textConditions(
  sql: Sql,
  parsed: ParsedQuery,
  part: PartKind | undefined,
  id: string,
  mode: 'index' | 'check',
  trigram: boolean,
): string[] {
  const where: string[] = [];
  const partParam = part ? sql.p(part) : null;
  const contains = (haystack: string, term: string): string => {
    if (mode === 'check') {
      return cased(term)
        ? `strpos(lower(${haystack}), lower(${sql.p(term)})) > 0`
        : `strpos(${haystack}, ${sql.p(term)}) > 0`;
    }
    return `${haystack} ${cased(term) ? 'ILIKE' : 'LIKE'} ${sql.p(`%${likeEscape(term)}%`)}`;
  };
  for (const term of parsed.terms) {
    const substring = contains('t.text', term.text);
    if (mode === 'index' && !([...term.text].length >= 3 && trigram) && term.tokens.length > 0) {
      where.push(`t.tsv @@ plainto_tsquery('simple', ${sql.p(term.tokens.join(' '))}) AND ${substring}`);
    } else {
      where.push(substring);
    }
    if (partParam) {
      where.push(
        `EXISTS (SELECT 1 FROM parts p WHERE p.report_id = ${id} AND p.kinds @> ARRAY[${partParam}]::text[]
           AND ${contains('substr(t.text, p.cp_start + 1, p.cp_end - p.cp_start)', term.text)})`,
      );
    }
  }
  for (const term of parsed.excluded) where.push(`NOT (${contains('t.text', term.text)})`);
  return where;
}

/** Relevance: ts_rank over the terms' tokens plus a boost for each term in the title. */
function rankExpression(sql: Sql, parsed: ParsedQuery): string {
  const parts: string[] = [];
  const tokens = [...new Set(parsed.terms.flatMap((t) => t.tokens))];
  if (tokens.length > 0) {
    const q = tokens.map((tok) => `plainto_tsquery('simple', ${sql.p(tok)})`).join(' || ');
    parts.push(`ts_rank(t.tsv, ${q}, 1)`);
  }
  for (const term of parsed.terms) {
    parts.push(`(CASE WHEN r.title ILIKE ${sql.p(`%${likeEscape(term.text)}%`)} THEN 0.5 ELSE 0 END)`);
  }
  return parts.length > 0 ? parts.join(' + ') : '0';
}

const ORDER_KEYS: Record<Exclude<SearchOrder, 'rank'>, string> = {
  year: 'coalesce(r.year, 0)',
  score: 'coalesce(r.score_total, -1)',
};

const whereText = (w: string[]): string =>
  w.length > 0 ? `WHERE ${w.map((x) => `(${x})`).join(' AND ')}` : '';

interface Candidate {
  id: string;
  k: number;
}

const byKey = (a: Candidate, b: Candidate): number => b.k - a.k || Number(BigInt(a.id) - BigInt(b.id));

/**
 * How a query with terms is answered. A term most reports contain would cost a substring check
 * on every one of them to count and rank exactly, so such queries walk the reports instead, in
 * the order of `walkOrder`, checking batch after batch until the page is full; relevance is then
 * ranked among the first `rankPool` matches, and the total is estimated from the share of
 * matches. A rarer term goes through the indexes and is counted and ranked exactly.
 */
export interface SearchTuning {
  /** Reports checked by the first batch of a walk (default 400). */
  walkBatch: number;
  /** The share of the first batch that must match for the query to be answered by walking (0.2). */
  walkMinShare: number;
  /** Matches ranked by relevance when walking in 'rank' order (default 200). */
  rankPool: number;
}

export const DEFAULT_TUNING: SearchTuning = { walkBatch: 400, walkMinShare: 0.2, rankPool: 200 };

/** Reports in `order` (newest or best first), checked batch by batch for the text conditions. */
class Walk {
  matches: Candidate[] = [];
  checked = 0;
  exhausted = false;
  private last: Candidate | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly order: Exclude<SearchOrder, 'rank'>,
    private readonly filters: SearchFilters,
    private readonly parsed: ParsedQuery,
    private readonly part: PartKind | undefined,
  ) {}

  get share(): number {
    return this.checked > 0 ? this.matches.length / this.checked : 0;
  }

  async next(size: number): Promise<void> {
    const sql = new Sql();
    const key = ORDER_KEYS[this.order];
    const where = metadataConditions(sql, this.filters, this.parsed.terms.length > 0 ? undefined : this.part);
    if (this.last) {
      const k = sql.p(this.last.k);
      where.push(
        `${key} < ${k}::float8 OR (${key} = ${k}::float8 AND r.id > ${sql.p(this.last.id)}::bigint)`,
      );
    }
    const check = textConditions(sql, this.parsed, this.part, 'b.id', 'check', false);
    const { rows } = await this.db.query<{ id: string; k: number; hit: boolean }>(
      `SELECT b.id, b.k, (${check.join(') AND (')}) AS hit
       FROM (SELECT r.id, (${key})::float8 AS k FROM reports r ${whereText(where)}
             ORDER BY ${key} DESC, r.id ASC LIMIT ${sql.p(size)}) b
       JOIN report_texts t ON t.report_id = b.id
       ORDER BY b.k DESC, b.id ASC`,
      sql.params,
    );
    this.checked += rows.length;
    for (const row of rows) if (row.hit) this.matches.push({ id: String(row.id), k: row.k });
    const tail = rows[rows.length - 1];
    if (tail) this.last = { id: String(tail.id), k: tail.k };
    if (rows.length < size) this.exhausted = true;
  }

  /** Walk until `want` matches (or the end), in batches sized by the share seen so far. */
  async fill(want: number, smallest: number): Promise<void> {
    while (this.matches.length < want && !this.exhausted) {
      const missing = want - this.matches.length;
      await this.next(
        Math.min(5000, Math.max(smallest, Math.ceil((missing / Math.max(this.share, 0.05)) * 1.2))),
      );
    }
  }
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
  text: string;
  body_start: number | null;
  part_spans: [number, number][] | null;
}

/** The stored rows of the page, in page order. */
async function pageRows(db: Queryable, page: Candidate[], part: PartKind | undefined): Promise<HitRow[]> {
  if (page.length === 0) return [];
  const sql = new Sql();
  const ids = sql.p(page.map((c) => c.id));
  const partSpans = part
    ? `(SELECT json_agg(json_build_array(p.start_pos, p.end_pos)) FROM parts p
         WHERE p.report_id = r.id AND p.kinds @> ARRAY[${sql.p(part)}]::text[])`
    : 'NULL';
  const { rows } = await db.query<HitRow>(
    `SELECT r.id, r.source_path, r.title, r.issuer, r.unit_kind, r.year, r.published::text AS published,
       r.jurisdiction_name, r.jurisdiction_code, r.jurisdiction_level, r.score_total, t.text,
       (r.reading->'spans'->'body'->>'start')::int AS body_start, ${partSpans} AS part_spans
     FROM reports r JOIN report_texts t ON t.report_id = r.id WHERE r.id = ANY(${ids}::bigint[])`,
    sql.params,
  );
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  return page.map((c) => byId.get(c.id)).filter((r): r is HitRow => r !== undefined);
}

async function countReports(db: Queryable, where: string[], params: unknown[]): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM reports r ${whereText(where)}`,
    params,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The candidates of a query with terms in result order, how many there are, and whether more follow. */
async function textCandidates(
  db: Queryable,
  parsed: ParsedQuery,
  request: SearchRequest,
  order: SearchOrder,
  part: PartKind | undefined,
  want: number,
  walked: boolean | undefined,
  tuning: SearchTuning,
): Promise<{ ordered: Candidate[]; total: number; exact: boolean; walked: boolean }> {
  const walk = new Walk(db, order === 'score' ? 'score' : 'year', request, parsed, part);
  if (walked !== false) await walk.next(tuning.walkBatch);
  if (walked === true || (walked === undefined && (walk.exhausted || walk.share >= tuning.walkMinShare))) {
    await walk.fill(order === 'rank' ? Math.max(want, tuning.rankPool) : want, tuning.walkBatch);
    let ordered = walk.matches;
    if (order === 'rank') {
      // Relevance among the first rankPool matches; the rest follow in walk order.
      const pool = walk.matches.slice(0, tuning.rankPool);
      const sql = new Sql();
      const rank = rankExpression(sql, parsed);
      const { rows } = await db.query<{ id: string; k: number }>(
        `SELECT r.id, (${rank})::float8 AS k FROM reports r JOIN report_texts t ON t.report_id = r.id
         WHERE r.id = ANY(${sql.p(pool.map((c) => c.id))}::bigint[])`,
        sql.params,
      );
      const ranked = rows.map((r) => ({ id: String(r.id), k: r.k })).sort(byKey);
      ordered = [...ranked, ...walk.matches.slice(tuning.rankPool)];
    }
    if (walk.exhausted) {
      return { ordered, total: walk.matches.length, exact: true, walked: true };
    }
    const sql = new Sql();
    const reports = await countReports(
      db,
      metadataConditions(sql, request, parsed.terms.length > 0 ? undefined : part),
      sql.params,
    );
    const estimate = Math.round(walk.share * reports);
    return { ordered, total: Math.max(estimate, walk.matches.length), exact: false, walked: true };
  }
  // Selective: the indexes find every match; count and rank them all.
  const sql = new Sql();
  const where = [
    ...metadataConditions(sql, request, parsed.terms.length > 0 ? undefined : part),
    ...textConditions(sql, parsed, part, 'r.id', 'index', await hasTrigram(db)),
  ];
  const key = order === 'rank' ? rankExpression(sql, parsed) : ORDER_KEYS[order];
  const { rows } = await db.query<{ id: string; k: number }>(
    `SELECT r.id, (${key})::float8 AS k FROM reports r JOIN report_texts t ON t.report_id = r.id ${whereText(where)}`,
    sql.params,
  );
  const ordered = rows.map((r) => ({ id: String(r.id), k: r.k })).sort(byKey);
  return { ordered, total: ordered.length, exact: true, walked: false };
}

/**
 * Search the stored reports. `query` may be empty: then the filters alone select, newest first.
 * Throws {@link SearchError} on a bad filter value or cursor.
 */
export async function searchReports(
  db: Queryable,
  query: string,
  request: SearchRequest = {},
  tuning: SearchTuning = DEFAULT_TUNING,
): Promise<SearchResult> {
  const parsed = parseQuery(query);
  const withTerms = parsed.terms.length > 0 || parsed.excluded.length > 0;
  const order: SearchOrder = request.order ?? (parsed.terms.length > 0 ? 'rank' : 'year');
  if (!['rank', 'year', 'score'].includes(order)) throw new SearchError(`unknown order "${order}"`);
  const limit = Math.max(1, Math.min(200, Math.floor(request.limit ?? 20)));
  const part = request.part === undefined ? undefined : list(request.part, PART_KINDS, 'part')[0];
  const cursor = request.cursor ? decodeCursor(request.cursor, order, withTerms) : null;

  let page: Candidate[];
  let total: number;
  let totalExact = true;
  let nextCursor: string | null = null;
  if (withTerms) {
    const start = cursor ? (cursor.n as number) : Math.max(0, Math.floor(request.offset ?? 0));
    const found = await textCandidates(
      db,
      parsed,
      request,
      order,
      part,
      start + limit + 1,
      cursor?.w,
      tuning,
    );
    page = found.ordered.slice(start, start + limit);
    total = found.total;
    totalExact = found.exact;
    if (found.ordered.length > start + limit)
      nextCursor = encodeCursor({ o: order, n: start + page.length, w: found.walked });
  } else {
    // Filters only: the database orders, pages and counts without touching a text.
    const key = ORDER_KEYS[order === 'rank' ? 'year' : order];
    const countSql = new Sql();
    total = await countReports(db, metadataConditions(countSql, request, part), countSql.params);
    const sql = new Sql();
    const where = metadataConditions(sql, request, part);
    if (cursor) {
      const k = sql.p(cursor.k);
      where.push(`${key} < ${k}::float8 OR (${key} = ${k}::float8 AND r.id > ${sql.p(cursor.id)}::bigint)`);
    }
    const offset = cursor ? 0 : Math.max(0, Math.floor(request.offset ?? 0));
    const { rows } = await db.query<{ id: string; k: number }>(
      `SELECT r.id, (${key})::float8 AS k FROM reports r ${whereText(where)}
       ORDER BY ${key} DESC, r.id ASC LIMIT ${sql.p(limit + 1)} OFFSET ${sql.p(offset)}`,
      sql.params,
    );
    page = rows.slice(0, limit).map((r) => ({ id: String(r.id), k: r.k }));
    const last = page[page.length - 1];
    if (rows.length > limit && last) nextCursor = encodeCursor({ o: order, k: last.k, id: last.id });
  }

  const keyOf = new Map(page.map((c) => [c.id, c.k]));
  const terms = parsed.terms.map((t) => t.text);
  const hits: SearchHit[] = (await pageRows(db, page, part)).map((row) => {
    const snippet = makeSnippet(row.text, terms, {
      length: request.snippetLength,
      highlight: request.highlight,
      within: row.part_spans?.map(([start, end]) => ({ start, end })),
      fallbackStart: row.body_start ?? 0,
    });
    return {
      id: String(row.id),
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
      rank: keyOf.get(String(row.id)) ?? 0,
      snippet: snippet.text,
      matchStart: snippet.matchStart,
    };
  });
  return {
    total,
    totalExact,
    hits,
    nextCursor,
    terms,
    excluded: parsed.excluded.map((t) => t.text),
  };
}
