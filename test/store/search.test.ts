import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/ingest.js';
import {
  SearchError,
  type SearchHit,
  type SearchRequest,
  type SearchTuning,
  searchReports,
} from '../../src/search/search.js';
import { describeBackends, tempDir, testCorpus } from './backends.js';

const fixture = new URL('../fixtures/reports/county-gov-2023.txt', import.meta.url).pathname;

interface Stored {
  id: string;
  text: string;
  title: string | null;
  year: number | null;
  province_code: string | null;
  jurisdiction_level: string | null;
  unit_kind: string | null;
  current: boolean;
  parts: { kinds: string[]; start: number; end: number }[];
  areas: string[];
  rules: string[];
  score_total: number | null;
}

describeBackends('search', (store) => {
  let all: Stored[] = [];
  let replaced = '';

  beforeAll(async () => {
    const corpus = await testCorpus(30, 11);
    const dir = tempDir('search');
    for (const f of readdirSync(corpus).filter((x) => x.endsWith('.txt')))
      copyFileSync(join(corpus, f), join(dir, f));
    copyFileSync(fixture, join(dir, 'qinghe.txt'));
    // A report later replaced by new content: only the new one is current.
    replaced = join(dir, 'replaced.txt');
    writeFileSync(
      replaced,
      `清河县2023年法治政府建设年度报告\n${'一、主要举措\n全年审结旧版独有词语案件3件，依法行政扎实推进。\n'.repeat(12)}`,
    );
    const first = await ingestFiles(store(), [dir], { force: true });
    expect(first.failed).toEqual([]);
    writeFileSync(
      replaced,
      `清河县2023年法治政府建设年度报告\n${'一、主要举措\n全年审结新版独有词语案件5件，依法行政扎实推进。\n'.repeat(12)}`,
    );
    await ingestFiles(store(), [replaced], { force: true, rehash: true });
    const { rows } = await store().pool.query(`
      SELECT r.id, t.text, r.title, r.year, r.province_code, r.jurisdiction_level, r.unit_kind,
        EXISTS (SELECT 1 FROM files f WHERE f.report_id = r.id AND f.current) AS current,
        coalesce((SELECT json_agg(json_build_object('kinds', p.kinds, 'start', p.start_pos, 'end', p.end_pos))
          FROM parts p WHERE p.report_id = r.id), '[]') AS parts,
        ARRAY(SELECT DISTINCT area FROM figures g WHERE g.report_id = r.id AND area IS NOT NULL) AS areas,
        ARRAY(SELECT DISTINCT rule_id FROM findings k WHERE k.report_id = r.id) AS rules, r.score_total
      FROM reports r JOIN report_texts t ON t.report_id = r.id ORDER BY r.id`);
    all = rows;
    expect(all.length).toBe(33);
  });

  /** Every hit of a search, following the cursor. */
  async function everyHit(
    query: string,
    request: SearchRequest = {},
    tuning?: SearchTuning,
  ): Promise<SearchHit[]> {
    const hits: SearchHit[] = [];
    let cursor: string | null = null;
    do {
      const page = await searchReports(store().pool, query, { ...request, limit: 7, cursor }, tuning);
      hits.push(...page.hits);
      cursor = page.nextCursor;
    } while (cursor);
    return hits;
  }

  const has = (text: string, term: string) => text.toLowerCase().includes(term.toLowerCase());
  const ids = (hits: { id: string }[]) => hits.map((h) => h.id).sort();

  it('finds exactly the current reports containing every term', async () => {
    for (const query of [
      '行政复议',
      '复议',
      '出庭应诉率',
      '应诉率',
      '法治',
      '柔性执法',
      '案件',
      '2023年',
      '率',
      '行政 复议 审结',
    ]) {
      const terms = query.split(' ');
      const expected = all.filter((r) => r.current && terms.every((t) => has(r.text, t)));
      const result = await searchReports(store().pool, query, { limit: 200 });
      expect(expected.length, query).toBeGreaterThan(0);
      expect(result.total, query).toBe(expected.length);
      expect(ids(result.hits), query).toEqual(ids(expected));
    }
  });

  it('matches phrases with spaces, excludes terms, and ignores ASCII case', async () => {
    const expectedPhrase = all.filter((r) => r.current && has(r.text, '法治政府建设'));
    expect(ids((await searchReports(store().pool, '"法治政府建设"', { limit: 200 })).hits)).toEqual(
      ids(expectedPhrase),
    );
    const excluded = all.filter((r) => r.current && has(r.text, '法治') && !has(r.text, '复议'));
    expect(ids((await searchReports(store().pool, '法治 -复议', { limit: 200 })).hits)).toEqual(
      ids(excluded),
    );
    expect((await searchReports(store().pool, '没有这个词语的报告')).total).toBe(0);
  });

  it('keeps superseded versions out unless asked', async () => {
    expect((await searchReports(store().pool, '旧版独有词语')).total).toBe(0);
    expect((await searchReports(store().pool, '新版独有词语')).total).toBe(1);
    const old = await searchReports(store().pool, '旧版独有词语', { allVersions: true });
    expect(old.total).toBe(1);
    expect(old.hits[0]?.source).toBe(replaced);
  });

  it('highlights the terms in a snippet around the first match', async () => {
    const result = await searchReports(store().pool, '出庭应诉率 行政复议', { limit: 5 });
    for (const hit of result.hits) {
      expect(hit.snippet).toMatch(/【(出庭应诉率|行政复议)】/u);
      expect(hit.snippet.length).toBeLessThan(200);
      const stored = all.find((r) => r.id === hit.id) as Stored;
      expect(hit.matchStart).toBe(
        Math.min(...['出庭应诉率', '行政复议'].map((t) => stored.text.indexOf(t)).filter((i) => i >= 0)),
      );
    }
    const html = await searchReports(store().pool, '行政复议', { highlight: 'html', limit: 1 });
    expect(html.hits[0]?.snippet).toContain('<mark>行政复议</mark>');
  });

  it('ranks, and pages through all hits without losing or repeating one (keyset and offset)', async () => {
    const full = await searchReports(store().pool, '行政复议', { limit: 200 });
    expect(full.hits.map((h) => h.rank)).toEqual([...full.hits.map((h) => h.rank)].sort((a, b) => b - a));
    const byCursor = await everyHit('行政复议');
    expect(byCursor.map((h) => h.id)).toEqual(full.hits.map((h) => h.id));
    const byOffset: SearchHit[] = [];
    for (let offset = 0; offset < full.total; offset += 7) {
      byOffset.push(...(await searchReports(store().pool, '行政复议', { limit: 7, offset })).hits);
    }
    expect(byOffset.map((h) => h.id)).toEqual(full.hits.map((h) => h.id));
    // A term in the title ranks first.
    const title = await searchReports(store().pool, '清河县', { limit: 3 });
    expect(title.hits[0]?.title).toContain('清河县');
  });

  it('filters by province, level, unit kind and year', async () => {
    const hebei = all.filter((r) => r.current && r.province_code === '130000');
    expect(hebei.length).toBeGreaterThan(0);
    for (const province of ['13', '130000', '河北', '河北省']) {
      expect(ids(await everyHit('', { province })), province).toEqual(ids(hebei));
    }
    const qinghe = await searchReports(store().pool, '', { jurisdictionCode: '130534' });
    expect(qinghe.hits.map((h) => h.jurisdiction?.name)).toContain('河北省邢台市清河县');

    const counties = all.filter((r) => r.current && r.jurisdiction_level === 'county');
    expect(ids(await everyHit('', { level: 'county' }))).toEqual(ids(counties));
    const depts = all.filter((r) => r.current && r.unit_kind === 'department');
    expect(ids(await everyHit('', { unitKind: ['department'] }))).toEqual(ids(depts));

    const y = all.filter((r) => r.current && r.year !== null && r.year >= 2021 && r.year <= 2022);
    expect(ids(await everyHit('', { yearFrom: 2021, yearTo: 2022 }))).toEqual(ids(y));
    const y23 = all.filter((r) => r.current && r.year === 2023 && has(r.text, '法治'));
    expect(ids(await everyHit('法治', { year: 2023 }))).toEqual(ids(y23));
  });

  it('lists newest first without a query', async () => {
    const hits = await everyHit('');
    expect(hits.length).toBe(all.filter((r) => r.current).length);
    const years = hits.map((h) => h.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(hits[0]?.snippet.length).toBeGreaterThan(10);
  });

  it('finds terms inside a part of the given kind only', async () => {
    const inPart = (r: Stored, kind: string, term: string) =>
      r.parts.some((p) => p.kinds.includes(kind) && has(r.text.slice(p.start, p.end), term));
    for (const term of ['不足', '问题', '复议']) {
      const expected = all.filter((r) => r.current && inPart(r, 'shortcomings', term));
      const hits = await everyHit(term, { part: 'shortcomings' });
      expect(expected.length, term).toBeGreaterThan(0);
      if (term === '复议') {
        // The filter is selective: most reports mention 复议, fewer in their shortcomings.
        expect(expected.length).toBeLessThan(all.filter((r) => r.current && has(r.text, term)).length);
      }
      expect(ids(hits), term).toEqual(ids(expected));
      for (const h of hits) {
        const r = all.find((x) => x.id === h.id) as Stored;
        const at = h.matchStart as number;
        expect(r.parts.some((p) => p.kinds.includes('shortcomings') && at >= p.start && at < p.end)).toBe(
          true,
        );
      }
    }
  });

  it('filters by 纲要 area, rule and score', async () => {
    const withA10 = all.filter((r) => r.current && r.areas.includes('A10'));
    expect(withA10.length).toBeGreaterThan(0);
    expect(ids(await everyHit('', { area: 'A10' }))).toEqual(ids(withA10));

    const current = all.filter((r) => r.current);
    const ruleCounts = new Map<string, number>();
    for (const r of current)
      for (const rule of r.rules) ruleCounts.set(rule, (ruleCounts.get(rule) ?? 0) + 1);
    // A rule some reports break and others do not.
    const rule = [...ruleCounts].find(([, n]) => n > 0 && n < current.length)?.[0] as string;
    expect(rule).toBeDefined();
    expect(ids(await everyHit('', { rule }))).toEqual(ids(current.filter((r) => r.rules.includes(rule))));

    const scores = current.map((r) => r.score_total as number).sort((x, y) => x - y);
    expect(scores.every((x) => typeof x === 'number')).toBe(true);
    const mid = scores[Math.floor(scores.length / 2)] as number;
    const inRange = current.filter(
      (r) => (r.score_total as number) >= mid && (r.score_total as number) <= mid + 5,
    );
    expect(ids(await everyHit('', { scoreMin: mid, scoreMax: mid + 5 }))).toEqual(ids(inRange));
    const byScore = await everyHit('', { order: 'score' });
    expect(byScore.map((h) => h.score)).toEqual([...scores].reverse());
  });

  // The two ways a query with terms is answered, forced on this small corpus: through the indexes
  // (counted and ranked exactly), and by walking the reports newest first in small batches
  // (ranked among the first few matches, total estimated while the walk has not reached the end).
  const throughIndexes: SearchTuning = { walkBatch: 2, walkMinShare: 2, rankPool: 200 };
  const walking: SearchTuning = { walkBatch: 3, walkMinShare: 0, rankPool: 4 };

  it('finds the same reports through the indexes and by walking, page after page', async () => {
    const inPart = (r: Stored, kind: string, term: string) =>
      r.parts.some((p) => p.kinds.includes(kind) && has(r.text.slice(p.start, p.end), term));
    const cases: { query: string; request?: SearchRequest; expected: (r: Stored) => boolean }[] = [
      { query: '行政复议', expected: (r) => has(r.text, '行政复议') },
      { query: '复议', expected: (r) => has(r.text, '复议') },
      { query: '柔性执法', expected: (r) => has(r.text, '柔性执法') },
      { query: '法治 -复议', expected: (r) => has(r.text, '法治') && !has(r.text, '复议') },
      { query: '-复议', expected: (r) => !has(r.text, '复议') },
      {
        query: '问题',
        request: { part: 'shortcomings' },
        expected: (r) => inPart(r, 'shortcomings', '问题'),
      },
      { query: '法治', request: { year: 2023 }, expected: (r) => r.year === 2023 && has(r.text, '法治') },
      { query: '法治', request: { order: 'score' }, expected: (r) => has(r.text, '法治') },
    ];
    for (const c of cases) {
      const expected = all.filter((r) => r.current && c.expected(r));
      const label = `${c.query} ${JSON.stringify(c.request ?? {})}`;
      expect(expected.length, label).toBeGreaterThan(0);
      for (const tuning of [throughIndexes, walking]) {
        const hits = await everyHit(c.query, c.request, tuning);
        expect(hits.map((h) => h.id).sort(), label).toEqual(ids(expected));
        const byOffset: SearchHit[] = [];
        for (let offset = 0; offset < expected.length; offset += 5) {
          const page = await searchReports(store().pool, c.query, { ...c.request, limit: 5, offset }, tuning);
          byOffset.push(...page.hits);
        }
        expect(
          byOffset.map((h) => h.id),
          label,
        ).toEqual(hits.map((h) => h.id));
      }
      const exact = await searchReports(store().pool, c.query, { ...c.request, limit: 3 }, throughIndexes);
      expect([exact.total, exact.totalExact], label).toEqual([expected.length, true]);
    }
  });

  it('ranks by relevance through the indexes, and among the first matches when walking', async () => {
    const exact = await searchReports(store().pool, '执法', { limit: 200 }, throughIndexes);
    const ranks = exact.hits.map((h) => h.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));

    const walked = await searchReports(store().pool, '执法', { limit: 200 }, walking);
    const pool = walked.hits.slice(0, walking.rankPool);
    expect(pool.map((h) => h.rank)).toEqual([...pool.map((h) => h.rank)].sort((a, b) => b - a));
    // The pool is the newest matches; the rest follow newest first.
    const rest = walked.hits.slice(walking.rankPool).map((h) => h.year ?? 0);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
    expect(Math.min(...pool.map((h) => h.year ?? 0))).toBeGreaterThanOrEqual(Math.max(...rest));
  });

  it('estimates the total while a walk has not reached the end, and says so', async () => {
    const matching = all.filter((r) => r.current && has(r.text, '法治')).length;
    const current = all.filter((r) => r.current).length;
    const first = await searchReports(store().pool, '法治', { limit: 2 }, walking);
    expect(first.totalExact).toBe(false);
    expect(first.total).toBeGreaterThanOrEqual(walking.rankPool);
    expect(first.total).toBeLessThanOrEqual(current);
    // Asking for everything walks to the end: exact.
    const whole = await searchReports(store().pool, '法治', { limit: 200 }, walking);
    expect([whole.total, whole.totalExact]).toEqual([matching, true]);
  });

  it('refuses bad filters and foreign cursors', async () => {
    await expect(searchReports(store().pool, '', { level: 'city' as never })).rejects.toThrow(SearchError);
    await expect(searchReports(store().pool, '', { part: 'intro' as never })).rejects.toThrow(SearchError);
    const page = await searchReports(store().pool, '法治', { limit: 1 });
    await expect(
      searchReports(store().pool, '法治', { order: 'year', cursor: page.nextCursor }),
    ).rejects.toThrow(/cursor/u);
    await expect(searchReports(store().pool, '法治', { cursor: 'garbage' })).rejects.toThrow(SearchError);
  });

  it('treats LIKE wildcards in a query as plain characters', async () => {
    expect((await searchReports(store().pool, '%')).total).toBe(
      all.filter((r) => r.current && r.text.includes('%')).length,
    );
    expect((await searchReports(store().pool, '_')).total).toBe(0);
  });
});
