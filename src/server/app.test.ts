import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineAnalyzer } from '../ingest/analyzer.js';
import { readDocx } from '../readers/docx.js';
import { detectCorpusReuse } from '../reuse/corpus.js';
import { encodeGbk } from '../synth/gbk.js';
import { generateCorpus } from '../synth/generate.js';
import { toHtml } from '../synth/write.js';
import { buildApp } from './app.js';
import { corpusStore, type Fixture, testBackends } from './testing/fixture.js';

/** A multipart/form-data body with the given files (field `files`). */
function multipart(files: { name: string; data: Uint8Array | string; field?: string }[]): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = `----fazhi${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'files'}"; filename="${f.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
    );
    chunks.push(typeof f.data === 'string' ? Buffer.from(f.data) : Buffer.from(f.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

if (process.env.CI && !testBackends().includes('postgres')) {
  it('needs a PostgreSQL test server under CI', () => {
    throw new Error(
      'CI is set but FAZHI_TEST_DATABASE_URL is not: the web API runs on both backends (see .ci/run)',
    );
  });
}

describe.each(testBackends())('web API [%s]', (backend) => {
  let fx: Fixture;
  let app: FastifyInstance;
  /** 8 synthetic reports and the demo's copied passages (one more report). */
  let COUNT = 0;

  beforeAll(async () => {
    fx = await corpusStore(8, 11, backend, true);
    COUNT = fx.files.length;
    app = await buildApp({
      store: fx.store,
      demo: true,
      uploadDir: join(fx.dir, 'uploads'),
      webRoot: null,
      analyzer: inlineAnalyzer(),
      maxUploadBytes: 256 * 1024,
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await fx?.cleanup();
  });

  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    return {
      res,
      body: res.headers['content-type']?.toString().startsWith('application/json') ? res.json() : null,
    };
  };

  it('describes itself: meta, health, OpenAPI', async () => {
    const meta = await get('/api/meta');
    expect(meta.res.statusCode).toBe(200);
    expect(meta.body.demo).toBe(true);
    expect(meta.body.writable).toBe(true);
    expect(meta.body.labels.levels.county).toBe('县级');
    expect(meta.body.labels.areas.length).toBeGreaterThanOrEqual(10);
    expect(
      meta.body.labels.indicators.find((i: { key: string }) => i.key === 'mediation.success_rate').rate,
    ).toEqual({
      numerator: 'mediation.succeeded',
      denominators: ['mediation.cases'],
    });
    expect((await get('/api/health')).body).toEqual({ ok: true, backend });
    const spec = await get('/api/openapi.json');
    expect(spec.body.openapi).toBe('3.0.3');
    for (const path of [
      '/api/reports',
      '/api/reports/{id}',
      '/api/overview',
      '/api/compare',
      '/api/upload',
      '/api/roster',
    ]) {
      expect(Object.keys(spec.body.paths)).toContain(path);
    }
    expect(spec.body.paths['/api/upload'].post.security).toEqual([{ bearer: [] }]);
  });

  it('sets security headers', async () => {
    const { res } = await get('/api/meta');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('lists reports with facets that add up', async () => {
    const { body } = await get('/api/reports?limit=5');
    expect(body.total).toBe(COUNT);
    expect(body.rows).toHaveLength(5);
    expect(body.rows[0]).toMatchObject({ id: expect.any(String), format: 'txt' });
    const facet = (name: string) => body.facets.find((f: { name: string }) => f.name === name);
    for (const name of ['level', 'year', 'province', 'unitKind', 'scoreBand', 'format']) {
      const sum = facet(name).values.reduce((s: number, v: { count: number }) => s + v.count, 0);
      expect(sum, name).toBe(COUNT);
    }
    expect(facet('level').values[0].label).toMatch(/级$/u);
    const page2 = (await get('/api/reports?limit=5&offset=5')).body;
    expect(page2.rows).toHaveLength(COUNT - 5);
    const ids = new Set([...body.rows, ...page2.rows].map((r: { id: string }) => r.id));
    expect(ids.size).toBe(COUNT);
  });

  it('filters by facet values, disjunctively within a facet', async () => {
    const all = (await get('/api/reports')).body;
    const years = all.facets.find((f: { name: string }) => f.name === 'year').values;
    const first = years[0];
    const filtered = (await get(`/api/reports?year=${first.value}`)).body;
    expect(filtered.total).toBe(first.count);
    expect(filtered.rows.every((r: { year: number }) => String(r.year) === first.value)).toBe(true);
    // The year facet still counts the other years (its own filter left out), marking the chosen one.
    const yearFacet = filtered.facets.find((f: { name: string }) => f.name === 'year').values;
    expect(yearFacet).toHaveLength(years.length);
    expect(yearFacet.find((v: { value: string }) => v.value === first.value).selected).toBe(true);
    if (years.length > 1) {
      const two = (await get(`/api/reports?year=${first.value},${years[1].value}`)).body;
      expect(two.total).toBe(first.count + years[1].count);
    }
  });

  it('searches the text and returns plain snippets', async () => {
    const { body } = await get(`/api/reports?q=${encodeURIComponent('法治政府')}`);
    expect(body.total).toBeGreaterThan(0);
    expect(body.terms).toEqual(['法治政府']);
    expect(body.sort).toBe('rank');
    expect(body.rows[0].snippet).toContain('法治政府');
    const none = (await get(`/api/reports?q=${encodeURIComponent('这个词不会出现在任何报告里')}`)).body;
    expect(none.total).toBe(0);
    const excluded = (await get(`/api/reports?q=${encodeURIComponent('-法治政府')}`)).body;
    expect(excluded.total).toBe(COUNT - body.total);
  });

  it('refuses bad filter values with 400', async () => {
    for (const url of [
      '/api/reports?level=planet',
      '/api/reports?province=hebei',
      '/api/reports?year=23',
      '/api/reports?sort=colour',
    ]) {
      const { res, body } = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(body.message).toBeTruthy();
    }
  });

  it('has .json and .csv twins of the list', async () => {
    const plain = (await get('/api/reports?limit=3')).body;
    const json = (await get('/api/reports.json?limit=3')).body;
    expect(json).toEqual(plain);
    const { res } = await get('/api/reports.csv');
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.body
      .replace(/^\ufeff/u, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^id,title,issuer/u);
    expect(lines).toHaveLength(COUNT + 1);
  });

  it('shows one report: text, reading, coverage, files', async () => {
    const id = (await get('/api/reports?limit=1')).body.rows[0].id;
    const { res, body } = await get(`/api/reports/${id}`);
    expect(res.statusCode).toBe(200);
    expect(body.text.length).toBeGreaterThan(500);
    expect(body.reading.parts.length).toBeGreaterThan(0);
    expect(Array.isArray(body.reading.findings)).toBe(true);
    expect(body.reading.score.total).toBeGreaterThanOrEqual(0);
    expect(body.coverage.map((c: { area: string }) => c.area)).toContain('A01');
    expect(body.files).toHaveLength(1);
    expect(body.files[0].name).toMatch(/\.txt$/u);
    for (const f of body.reading.indicators) {
      expect(body.text.slice(f.span.start, f.span.end).length).toBeGreaterThan(0);
    }
    expect((await get(`/api/reports/${id}.json`)).body.id).toBe(id);
    const csv = await get(`/api/reports/${id}.csv`);
    expect(csv.res.body).toMatch(/^\ufeffsource,title/u);
    expect((await get('/api/reports/999999')).res.statusCode).toBe(404);
    expect((await get('/api/reports/abc')).res.statusCode).toBe(400);
  });

  it('serves the original file by report id only, sandboxed', async () => {
    const id = (await get('/api/reports?limit=1&sort=id&order=asc')).body.rows[0].id;
    const detail = (await get(`/api/reports/${id}`)).body;
    const { res } = await get(`/api/reports/${id}/original`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(readFileSync(detail.files[0].path))).toBe(true);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers['content-disposition']).toContain('inline');
    expect(
      (await get(`/api/reports/${id}/original?download=1`)).res.headers['content-disposition'],
    ).toContain('attachment');
    // No path from the client reaches the file system.
    for (const url of [
      '/api/reports/..%2F..%2Fetc%2Fpasswd/original',
      '/api/reports/%2Fetc%2Fpasswd/original',
    ]) {
      expect((await get(url)).res.statusCode, url).toBe(400);
    }
  });

  it('gives an overview', async () => {
    const { body } = await get('/api/overview');
    expect(body.total).toBe(COUNT);
    expect(body.store.reports).toBe(COUNT);
    const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    expect(sum(body.byLevel)).toBe(COUNT);
    expect(sum(body.byYear)).toBe(COUNT);
    expect(sum(body.byProvince)).toBe(COUNT);
    expect(sum(body.scores.bins) + body.scores.none).toBe(COUNT);
    expect(body.publication.onTime + body.publication.late + body.publication.unknown).toBe(COUNT);
    for (const p of body.publication.points) expect(p.deadline).toBe(`${p.year + 1}-03-31`);
    expect(body.topFindings.length).toBeGreaterThan(0);
    expect(body.topFindings[0].name).toMatch(/[\u4e00-\u9fff]/u);
    const year = body.byYear[0].value;
    expect((await get(`/api/overview?year=${year}`)).body.total).toBe(body.byYear[0].count);
    const csv = (await get('/api/overview.csv')).res.body;
    expect(csv).toContain('dimension,value,label,count');
  });

  it('compares indicators across units and years, rates with their numerators', async () => {
    const { body } = await get('/api/indicators');
    const used = body.indicators.filter((i: { reports: number }) => i.reports > 0);
    expect(used.length).toBeGreaterThan(3);
    const keys = used.slice(0, 4).map((i: { key: string }) => i.key);
    const rate = used.find((i: { rate: unknown; key: string }) => i.rate !== null);
    if (rate) keys.push(rate.key);
    const cmp = (await get(`/api/compare?keys=${keys.join(',')}`)).body;
    expect(cmp.cells.length).toBeGreaterThan(0);
    expect(cmp.units.length).toBeGreaterThan(0);
    for (const c of cmp.cells) {
      expect(keys).toContain(c.key);
      expect(cmp.units.some((u: { key: string }) => u.key === c.unitKey)).toBe(true);
    }
    if (rate) {
      const rateCells = cmp.cells.filter((c: { key: string }) => c.key === rate.key);
      for (const c of rateCells) {
        expect(c).toHaveProperty('numerator');
        if (c.numerator && c.denominator) {
          expect(c.computedRate).toBeCloseTo((100 * c.numerator.value) / c.denominator.value, 1);
        }
      }
    }
    const csv = (await get(`/api/compare.csv?keys=${keys.join(',')}`)).res.body;
    expect(csv.trim().split('\r\n')).toHaveLength(cmp.cells.length + 1);
    expect((await get('/api/compare')).res.statusCode).toBe(400);
  });

  it('exports tables as CSV and XLSX', async () => {
    const csv = await get('/api/export?table=scores&as=csv&format=txt');
    expect(csv.res.statusCode).toBe(200);
    expect(csv.res.body.trim().split('\r\n')).toHaveLength(COUNT + 1);
    const xlsx = await get('/api/export?table=all&as=xlsx');
    expect(xlsx.res.statusCode).toBe(200);
    expect(xlsx.res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await get('/api/export?table=all&as=csv')).res.statusCode).toBe(400);
  });

  it('exports the review (审阅意见) of one report or of a filtered list as DOCX', async () => {
    const list = (await get('/api/reports?limit=2&sort=id&order=asc')).body;
    const id = list.rows[0].id as string;
    const one = await get(`/api/reports/${id}/review.docx`);
    expect(one.res.statusCode).toBe(200);
    expect(one.res.headers['content-disposition']).toContain('.docx');
    const text = readDocx(one.res.rawPayload).text;
    expect(text).toContain('法治政府建设年度报告审阅意见');
    expect(text).toContain(list.rows[0].title);
    const all = await get('/api/export?table=review&as=docx&format=txt');
    expect(all.res.statusCode).toBe(200);
    expect(readDocx(all.res.rawPayload).text).toContain(`审阅意见（${COUNT} 篇）`);
    expect((await get('/api/export?table=review&as=csv')).res.statusCode).toBe(400);
    expect((await get('/api/export?table=scores&as=docx')).res.statusCode).toBe(400);
    expect((await get('/api/reports/999999/review.docx')).res.statusCode).toBe(404);
  });

  it('finds reused passages on the fly, as fazhi reuse stores them', async () => {
    const rows = (await get('/api/reports?limit=100&sort=id&order=asc&facets=false')).body.rows;
    const bySource = (prefix: string) =>
      rows.find((r: { source: string }) => r.source.split('/').pop()?.startsWith(prefix)).id as string;
    const id = bySource('0001_');
    const { res, body } = await get(`/api/reports/${id}/reuse`);
    expect(res.statusCode).toBe(200);
    expect(body.source).toBe('live');
    expect(body.compared).toBe(COUNT - 1);
    // Report 1 shares two passages with report 5 (the demo's copying example).
    expect(body.passages.length).toBeGreaterThan(0);
    // (In a corpus this small nothing counts as common text yet, so template sentences match too.)
    const copied = body.passages.filter(
      (p: { other: { reportId: string }; text: string }) =>
        p.other.reportId === bySource('0005_') && p.text.includes('行政执法案卷交叉互评'),
    );
    expect(copied).toHaveLength(1);
    expect(copied[0].kind).toBe('cross-unit');
    expect(copied[0].other.text).toContain('行政执法案卷交叉互评');
    const detail = (await get(`/api/reports/${id}`)).body;
    for (const p of body.passages) {
      expect(p.text).toBe(detail.text.slice(p.span.start, p.span.end));
      for (const t of p.aligned) {
        expect(t.aStart).toBeGreaterThanOrEqual(0);
        expect(t.aEnd).toBeLessThanOrEqual(p.text.length);
      }
    }
    // The same matches as `fazhi reuse` stores for the same corpus.
    await detectCorpusReuse(fx.store);
    const key = (p: {
      span: { start: number };
      other: { reportId: string; span: { start: number } };
      kind: string;
    }) => `${p.span.start}:${p.other.reportId}:${p.other.span.start}:${p.kind}`;
    for (const r of rows) {
      const live = (await get(`/api/reports/${r.id}/reuse?source=live`)).body;
      const stored = (await get(`/api/reports/${r.id}/reuse?source=stored`)).body;
      expect(stored.source).toBe('stored');
      expect(stored.passages.map(key).sort(), r.id).toEqual(live.passages.map(key).sort());
      for (const p of stored.passages) expect(p.text.length).toBe(p.span.end - p.span.start);
    }
    expect((await get(`/api/reports/${id}/reuse?source=elsewhere`)).res.statusCode).toBe(400);
  });

  describe('upload', () => {
    const extra = [...generateCorpus(2, 991)];

    it('ingests files and reports each one', async () => {
      const html = toHtml(extra[0] as (typeof extra)[0], { encoding: 'gbk', layout: 'table' });
      const txt = new TextEncoder().encode((extra[1] as (typeof extra)[0]).text);
      const form = multipart([
        { name: '报告/新报告一.html', data: html },
        { name: '新报告二.txt', data: txt },
        { name: 'virus.exe', data: 'MZ' },
        { name: 'fake.pdf', data: 'not a pdf' },
        { name: 'binary.txt', data: new Uint8Array([0x41, 0, 0x42]) },
        { name: 'big.txt', data: 'x'.repeat(300 * 1024) },
        // A ZIP header and nothing a DOCX needs: saved, then unreadable.
        { name: '损坏.docx', data: new Uint8Array([0x50, 0x4b, 3, 4, ...new Array(600).fill(7)]) },
      ]);
      const res = await app.inject({ method: 'POST', url: '/api/upload', ...form });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(
        body.results.map((r: { name: string; status: string; code?: string }) => [r.name, r.status, r.code]),
      ).toEqual([
        // The browser's folder path is not kept: the last segment names the file.
        ['新报告一.html', 'added', undefined],
        ['新报告二.txt', 'added', undefined],
        ['virus.exe', 'failed', 'unsupported-type'],
        ['fake.pdf', 'failed', 'bad-content'],
        ['binary.txt', 'failed', 'bad-content'],
        ['big.txt', 'failed', 'too-large'],
        ['损坏.docx', 'failed', 'corrupt'],
      ]);
      expect(body.added).toBe(2);
      // A reader's failure in Chinese, with its detail.
      expect(body.results[6].message).toMatch(/^文件已损坏或不完整，无法读取（.*DOCX.*）$/u);
      const failedFiles = (await get('/api/files/failed')).body.files;
      expect(failedFiles.find((f: { name: string }) => f.name === '损坏.docx').message).toMatch(
        /^文件已损坏/u,
      );
      const id = body.results[0].reportId;
      const detail = (await get(`/api/reports/${id}`)).body;
      expect(detail.format).toBe('html');
      expect(detail.files[0].name).toBe('新报告一.html');
      // The upload directory holds the file under a hash folder; nothing escapes it.
      expect(detail.files[0].path).toContain(join(fx.dir, 'uploads'));
      expect((await get('/api/reports')).body.total).toBe(COUNT + 2);
      // The cached overview follows the upload.
      expect((await get('/api/overview')).body.total).toBe(COUNT + 2);

      const again = await app.inject({
        method: 'POST',
        url: '/api/upload',
        ...multipart([{ name: '新报告二.txt', data: txt }]),
      });
      expect(again.json().results[0].status).toBe('unchanged');
      const renamed = await app.inject({
        method: 'POST',
        url: '/api/upload',
        ...multipart([{ name: '另一个名字.txt', data: txt }]),
      });
      expect(renamed.json().results[0]).toMatchObject({
        status: 'linked',
        reportId: body.results[1].reportId,
      });
    });

    it('keeps uploaded names inside the upload directory', async () => {
      const txt = readFileSync(fx.files[0] as string);
      const res = await app.inject({
        method: 'POST',
        url: '/api/upload',
        ...multipart([{ name: '../../../../tmp/evil.txt', data: txt }]),
      });
      expect(res.statusCode).toBe(200);
      const r = res.json().results[0];
      expect(r.status).toBe('linked');
      const dirs = readdirSync(join(fx.dir, 'uploads'));
      expect(dirs.some((d) => existsSync(join(fx.dir, 'uploads', d, 'evil.txt')))).toBe(true);
    });

    it('refuses a request without files or too many', async () => {
      const none = await app.inject({ method: 'POST', url: '/api/upload', ...multipart([]) });
      expect(none.statusCode).toBe(400);
      const json = await app.inject({ method: 'POST', url: '/api/upload', payload: { a: 1 } });
      expect(json.statusCode).toBe(415);
    });

    it('deletes a report and its uploaded file', async () => {
      const txt = new TextEncoder().encode(`${(extra[1] as (typeof extra)[0]).text}\n附：删除测试。\n`);
      const up = await app.inject({
        method: 'POST',
        url: '/api/upload',
        ...multipart([{ name: 'to-delete.txt', data: txt }]),
      });
      const { reportId } = up.json().results[0];
      const path = (await get(`/api/reports/${reportId}`)).body.files[0].path;
      expect(existsSync(path)).toBe(true);
      const before = (await get('/api/overview')).body.total;
      // The list's facets (cached per store generation) count the report until it is deleted.
      const counted = async () =>
        (await get('/api/reports?limit=1')).body.facets
          .find((f: { name: string }) => f.name === 'format')
          .values.reduce((n: number, v: { count: number }) => n + v.count, 0);
      expect(await counted()).toBe(before);
      const del = await app.inject({ method: 'DELETE', url: `/api/reports/${reportId}` });
      expect(del.statusCode).toBe(200);
      expect(del.json()).toMatchObject({ deleted: reportId, removedUploads: 1 });
      expect(existsSync(path)).toBe(false);
      expect((await get(`/api/reports/${reportId}`)).res.statusCode).toBe(404);
      expect((await get('/api/overview')).body.total).toBe(before - 1);
      expect(await counted()).toBe(before - 1);
      expect((await app.inject({ method: 'DELETE', url: `/api/reports/${reportId}` })).statusCode).toBe(404);
    });
  });

  describe('roster', () => {
    it('imports a GBK CSV roster and gives each unit a status', async () => {
      const rows = (await get('/api/reports?limit=3&sort=id&order=asc')).body.rows;
      const [a, b] = rows;
      const csv = [
        '单位名称,行政区划代码,单位类型,截止日期,备注',
        `${a.issuer ?? a.jurisdiction.name},${a.jurisdiction?.code ?? ''},,,按代码匹配`,
        `${b.issuer},,,,按名称匹配`,
        '不存在的单位,990000,政府,,',
      ].join('\r\n');
      // As Excel saves CSV on Chinese Windows: GBK, no byte-order mark.
      const bytes = encodeGbk(csv);
      const res = await app.inject({
        method: 'POST',
        url: '/api/roster',
        ...multipart([{ name: '名册.csv', data: bytes, field: 'file' }]),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().imported).toBe(3);

      const board = (await get(`/api/roster?year=${a.year}`)).body;
      expect(board.entries).toHaveLength(3);
      const [ea, , ec] = board.entries;
      expect(ea.name).toBe(a.issuer ?? a.jurisdiction.name);
      if (a.jurisdiction?.code) expect(ea.matchedBy).toBe('code');
      expect(ea.report.id).toBe(a.id);
      expect(['submitted', 'late', 'errors']).toContain(ea.status);
      if (a.errors > 0) expect(ea.flags).toContain('errors');
      expect(ec.status).toBe('missing');
      expect(ec.unitKind).toBe('government');
      expect(Object.values(board.counts).reduce((s: number, n) => s + (n as number), 0)).toBe(3);

      const out = (await get(`/api/roster.csv?year=${a.year}`)).res;
      expect(out.body).toContain('单位名称');
      expect(out.body).toContain('未报送');
      const xlsx = (await get('/api/roster.xlsx')).res;
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });

    it('refuses a roster without units', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/roster',
        ...multipart([{ name: 'empty.csv', data: '单位名称\r\n', field: 'file' }]),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('没有单位');
    });
  });
});

describe('web API security', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await corpusStore(2, 5);
  }, 120_000);
  afterAll(async () => {
    await fx?.cleanup();
  });

  const upload = () => multipart([{ name: 'a.txt', data: readFileSync(fx.files[0] as string) }]);

  it('needs the bearer token for writes when one is set', async () => {
    const app = await buildApp({
      store: fx.store,
      token: 's3cret',
      demo: true,
      uploadDir: join(fx.dir, 'up'),
      webRoot: null,
      analyzer: inlineAnalyzer(),
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/meta' })).json().writable).toBe(false);
      const anon = await app.inject({ method: 'POST', url: '/api/upload', ...upload() });
      expect(anon.statusCode).toBe(401);
      expect(anon.headers['www-authenticate']).toContain('Bearer');
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/upload',
        ...upload(),
        headers: { ...upload().headers, authorization: 'Bearer nope' },
      });
      expect(wrong.statusCode).toBe(401);
      const form = upload();
      const ok = await app.inject({
        method: 'POST',
        url: '/api/upload',
        payload: form.payload,
        headers: { ...form.headers, authorization: 'Bearer s3cret' },
      });
      expect(ok.statusCode).toBe(200);
      expect((await app.inject({ method: 'DELETE', url: '/api/roster' })).statusCode).toBe(401);
      // Reads stay open.
      expect((await app.inject({ method: 'GET', url: '/api/reports' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('refuses writes from other sites and, in demo mode, other host names', async () => {
    const app = await buildApp({ store: fx.store, demo: true, uploadDir: join(fx.dir, 'up'), webRoot: null });
    try {
      const form = upload();
      const cross = await app.inject({
        method: 'POST',
        url: '/api/upload',
        payload: form.payload,
        headers: { ...form.headers, origin: 'https://evil.example', host: '127.0.0.1:3000' },
      });
      expect(cross.statusCode).toBe(403);
      const fetchSite = await app.inject({
        method: 'DELETE',
        url: '/api/roster',
        headers: { 'sec-fetch-site': 'cross-site', host: '127.0.0.1:3000' },
      });
      expect(fetchSite.statusCode).toBe(403);
      const same = await app.inject({
        method: 'DELETE',
        url: '/api/roster',
        headers: { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' },
      });
      expect(same.statusCode).toBe(200);
      // DNS rebinding: a foreign name pointed at 127.0.0.1 reaches nothing in demo mode.
      const rebound = await app.inject({
        method: 'GET',
        url: '/api/reports',
        headers: { host: 'evil.example:3000' },
      });
      expect(rebound.statusCode).toBe(421);
    } finally {
      await app.close();
    }
  });

  it('disables writes when neither a token nor demo mode', async () => {
    const app = await buildApp({
      store: fx.store,
      demo: false,
      uploadDir: join(fx.dir, 'up'),
      webRoot: null,
    });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/upload', ...upload() });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain('FAZHI_TOKEN');
    } finally {
      await app.close();
    }
  });

  it('rate-limits the API, not the front end', async () => {
    const app = await buildApp({
      store: fx.store,
      demo: true,
      uploadDir: join(fx.dir, 'up'),
      webRoot: null,
      rateLimit: { max: 3 },
    });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push((await app.inject({ method: 'GET', url: '/api/health' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const limited = await app.inject({ method: 'GET', url: '/api/meta' });
      expect(limited.json().message).toContain('请求过于频繁');
      expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('serves the overview, the list and each report prerendered from the API answers, fresh after a change', async () => {
    const web = join(fx.dir, 'web-ssr-test');
    mkdirSync(web, { recursive: true });
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><html><head><title>fazhi</title></head><body><div id="root"></div></body></html>',
    );
    // A renderer of our own (the real one, web/src/ssr.tsx, is driven by the e2e test).
    const renderer = join(web, 'render.mjs');
    writeFileSync(
      renderer,
      [
        'export function requestsFor(hash) {',
        "  return ['/meta', hash === '#/' ? '/overview' : hash.slice(1)];",
        '}',
        'export function renderView({ hash, answers }) {',
        '  const data = Object.values(answers)[1];',
        "  const root = '<main data-view=\"' + hash + '\">' + (data.title ?? data.total) + '</main>';",
        '  return { root, head: \'<style id="ssr"></style>\' };',
        '}',
      ].join('\n'),
    );
    const app = await buildApp({
      store: fx.store,
      demo: true,
      uploadDir: join(fx.dir, 'up'),
      webRoot: web,
      serverRenderer: renderer,
      analyzer: inlineAnalyzer(),
    });
    const answer = async (url: string) => (await app.inject({ method: 'GET', url })).json();
    const initial = (body: string) =>
      JSON.parse(
        /<script type="application\/json" id="fazhi-initial">(.*?)<\/script>/su.exec(body)?.[1] ?? '{}',
      );
    try {
      const res = await app.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      const total = (await answer('/api/overview')).total as number;
      expect(total).toBeGreaterThan(0);
      expect(res.body).toContain(`<div id="root"><main data-view="#/">${total}</main></div>`);
      expect(res.body).toMatch(/<style id="ssr"><\/style><\/head>/u);
      expect(initial(res.body)).toEqual({
        hash: '#/',
        answers: { '/meta': await answer('/api/meta'), '/overview': await answer('/api/overview') },
      });
      // The guard script is allowed by its hash, and no other inline script is.
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/u);
      // Revalidation, and the compressed copies.
      const etag = String(res.headers.etag);
      const again = await app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      const br = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip, br' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(res.body);
      // A report at its own path, with a guard of its own.
      const [first, second] = (await answer('/api/reports?limit=2&sort=id&order=asc')).rows;
      const report = await app.inject({ method: 'GET', url: `/reports/${first.id}` });
      expect(report.statusCode).toBe(200);
      expect(report.body).toContain(`<main data-view="#/reports/${first.id}">${first.title}</main>`);
      expect(initial(report.body).answers[`/reports/${first.id}`]).toEqual(
        await answer(`/api/reports/${first.id}`),
      );
      expect(report.headers['content-security-policy']).not.toBe(res.headers['content-security-policy']);
      // The list under filters, at the address its hash names.
      const level = first.jurisdiction?.level ?? 'county';
      const list = await app.inject({ method: 'GET', url: `/reports?level=${level}` });
      expect(list.body).toContain(`<main data-view="#/reports?level=${level}">`);
      expect(initial(list.body).answers[`/reports?level=${level}`]).toEqual(
        await answer(`/api/reports?level=${level}`),
      );
      // No such report, or filters the API refuses: the plain page (the browser's app says why).
      for (const url of ['/reports/999999999', '/reports?scoreMin=abc']) {
        const plain = await app.inject({ method: 'GET', url });
        expect(plain.statusCode, url).toBe(200);
        expect(plain.body, url).toContain('<div id="root"></div>');
      }
      // A change to the store: the next pages show it.
      const del = await app.inject({ method: 'DELETE', url: `/api/reports/${second.id}` });
      expect(del.statusCode).toBe(200);
      const after = await app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': etag } });
      expect(after.statusCode).toBe(200);
      expect(after.body).toContain(`<main data-view="#/">${total - 1}</main>`);
      expect((await app.inject({ method: 'GET', url: `/reports/${second.id}` })).body).toContain(
        '<div id="root"></div>',
      );
      // A renderer that fails (rebuilt, so it is imported anew): the plain page, and the server goes on.
      writeFileSync(renderer, "export function renderView() { throw new Error('broken build'); }\n");
      utimesSync(renderer, new Date(), new Date(Date.now() + 5000));
      const plain = await app.inject({ method: 'GET', url: '/' });
      expect(plain.statusCode).toBe(200);
      expect(plain.body).toContain('<div id="root"></div>');
      expect(plain.body).not.toContain('fazhi-initial');
      expect((await app.inject({ method: 'GET', url: '/api/overview' })).statusCode).toBe(200);
      // No renderer built: the plain page.
      rmSync(renderer);
      expect((await app.inject({ method: 'GET', url: '/' })).body).toContain('<div id="root"></div>');
    } finally {
      await app.close();
    }
  });

  it('serves the built front end with a fallback to index.html', async () => {
    const web = join(fx.dir, 'web');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>fazhi</title>');
    writeFileSync(join(web, 'assets', 'app-1234.js'), `console.log(1);${' '.repeat(2000)}`);
    const { brotliCompressSync } = await import('node:zlib');
    writeFileSync(
      join(web, 'assets', 'app-1234.js.br'),
      brotliCompressSync(`console.log(1);${' '.repeat(2000)}`),
    );
    const app = await buildApp({ store: fx.store, demo: true, uploadDir: join(fx.dir, 'up'), webRoot: web });
    try {
      const index = await app.inject({ method: 'GET', url: '/' });
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain('<title>fazhi</title>');
      expect(index.headers['content-security-policy']).toContain("default-src 'self'");
      const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
      expect(asset.headers['cache-control']).toContain('immutable');
      expect(asset.body.startsWith('console.log(1)')).toBe(true);
      // The build's Brotli copy, to a browser that takes it.
      const br = await app.inject({
        method: 'GET',
        url: '/assets/app-1234.js',
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toContain('javascript');
      expect(br.rawPayload.length).toBeLessThan(100);
      expect((await app.inject({ method: 'GET', url: '/some/page' })).body).toContain('<title>fazhi</title>');
      expect((await app.inject({ method: 'GET', url: '/api/nothing' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/../../etc/passwd' })).body).not.toContain('root:');
    } finally {
      await app.close();
    }
  });
});
