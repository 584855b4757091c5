import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AnalyzeResult, createAnalyzer } from '../../src/ingest/analyzer.js';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { analyzeBytes } from '../../src/pipeline.js';
import { failedFiles, getReport, storeCounts } from '../../src/store/queries.js';
import { buildRecord } from '../../src/store/record.js';
import { writeBatch } from '../../src/store/write.js';
import { describeBackends, tempDir, testCorpus } from './backends.js';

const COUNT = 16;

/** The test corpus copied into a directory of its own, plus a duplicate, an empty file and a non-report. */
async function workDir(): Promise<string> {
  const corpus = await testCorpus(COUNT, 3);
  const dir = tempDir('ingest');
  const txt = readdirSync(corpus).filter((f) => f.endsWith('.txt'));
  for (const f of txt) copyFileSync(join(corpus, f), join(dir, f));
  copyFileSync(join(corpus, txt[0] as string), join(dir, 'zz-copy-of-first.txt'));
  writeFileSync(join(dir, 'zz-empty.txt'), '');
  writeFileSync(join(dir, 'zz-not-a-report.txt'), `${'今天天气很好，我们去公园散步。'.repeat(30)}\n`);
  return dir;
}

describeBackends('ingest', (store) => {
  let dir = '';
  beforeAll(async () => {
    dir = await workDir();
  });

  const snapshot = async () => ({
    reports: (await store().pool.query('SELECT id, hash, source_path, version FROM reports ORDER BY id'))
      .rows,
    files: (
      await store().pool.query(
        `SELECT id, path, hash, version, status, report_id, current, updated_at FROM files WHERE status = 'ok' ORDER BY id`,
      )
    ).rows,
    parts: (await store().pool.query('SELECT count(*)::int AS n FROM parts')).rows[0].n,
  });

  it('stores every report once, links a copy, records the failures', async () => {
    const s = await ingestFiles(store(), [dir], { batchSize: 5 });
    expect(s.total).toBe(COUNT + 3);
    expect(s.added).toBe(COUNT);
    expect(s.linked).toBe(1);
    expect(s.unchanged).toBe(0);
    expect(s.failed.map((f) => [f.path.split('/').pop(), f.code]).sort()).toEqual([
      ['zz-empty.txt', 'empty'],
      ['zz-not-a-report.txt', 'not-a-report'],
    ]);
    expect(await storeCounts(store().pool)).toEqual({ reports: COUNT, files: COUNT + 3, failedFiles: 2 });
    const failed = await failedFiles(store().pool);
    expect(failed.map((f) => f.errorCode)).toEqual(['empty', 'not-a-report']);
    expect(failed[0]?.error).toBe('the file is empty');

    const { rows } = await store().pool.query(
      `SELECT count(DISTINCT hash)::int AS hashes, count(*)::int AS n FROM files WHERE status = 'ok'`,
    );
    expect(rows[0]).toEqual({ hashes: COUNT, n: COUNT + 1 });
    const run = (await store().pool.query('SELECT * FROM ingest_runs WHERE id = $1', [s.runId])).rows[0];
    expect(run).toMatchObject({
      mode: 'local',
      status: 'done',
      added: COUNT,
      linked: 1,
      failed: 2,
      total: COUNT + 3,
    });
  });

  it('keeps the reading, text, parts and figures of each report', async () => {
    const { rows } = await store().pool.query(`SELECT id FROM reports WHERE source_path LIKE '%0001_%'`);
    const stored = await getReport(store().pool, rows[0].id);
    expect(stored).not.toBeNull();
    const path = join(dir, readdirSync(dir).find((f) => f.startsWith('0001_')) as string);
    const record = buildRecord(
      await analyzeBytes(readFileSync(path), path, { knowledge: loadKnowledge() }),
      path,
      stored?.hash as string,
    );
    expect(stored?.text).toBe(record.text);
    expect(stored?.reading.meta).toEqual(JSON.parse(record.reading).meta);
    expect(stored?.paths).toEqual([path, join(dir, 'zz-copy-of-first.txt')].sort());
    const parts = await store().pool.query('SELECT * FROM parts WHERE report_id = $1 ORDER BY ord', [
      stored?.id,
    ]);
    expect(parts.rows.map((p) => [p.kinds, p.start_pos, p.end_pos])).toEqual(
      record.parts.map((p) => [p.kinds, p.start, p.end]),
    );
    const figures = await store().pool.query('SELECT * FROM figures WHERE report_id = $1 ORDER BY ord', [
      stored?.id,
    ]);
    expect(figures.rows.map((f) => [f.key, f.value, f.quote, f.area])).toEqual(
      record.figures.map((f) => [f.key, f.value, f.quote, f.area]),
    );
    expect(figures.rows.length).toBeGreaterThan(0);
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot();
    const s = await ingestFiles(store(), [dir]);
    expect(s).toMatchObject({ added: 0, linked: 0, unchanged: COUNT + 1 });
    // Failures are retried (and fail again): they are not "done".
    expect(s.failed).toHaveLength(2);
    expect(await snapshot()).toEqual(before);
    // Reading every file again (no size/time shortcut) finds the same.
    const r = await ingestFiles(store(), [dir], { rehash: true });
    expect(r).toMatchObject({ added: 0, linked: 0, unchanged: COUNT + 1 });
    // Touching a file without changing it is no change either.
    const first = join(dir, readdirSync(dir).find((f) => f.startsWith('0002_')) as string);
    utimesSync(first, new Date(), new Date(Date.now() + 5000));
    expect(await ingestFiles(store(), [first])).toMatchObject({ added: 0, unchanged: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it('stores new content of a path as a new version, and a reverted one as the newest', async () => {
    const path = join(dir, readdirSync(dir).find((f) => f.startsWith('0003_')) as string);
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace('法治政府建设', '法治政府建设（修订）'));
    expect(await ingestFiles(store(), [path])).toMatchObject({ added: 1, unchanged: 0 });
    const versions = async () =>
      (
        await store().pool.query(
          'SELECT version, current, report_id FROM files WHERE path = $1 ORDER BY version',
          [path],
        )
      ).rows;
    let v = await versions();
    expect(v.map((x) => [x.version, x.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    const [first, second] = v.map((x) => x.report_id);
    expect(first).not.toBe(second);
    expect((await getReport(store().pool, second))?.version).toBe(2);

    writeFileSync(path, original);
    utimesSync(path, new Date(), new Date(Date.now() + 10_000));
    expect(await ingestFiles(store(), [path])).toMatchObject({ added: 0, linked: 1 });
    v = await versions();
    expect(v.map((x) => [x.version, x.current, x.report_id])).toEqual([
      [2, false, second],
      [3, true, first],
    ]);
    expect((await storeCounts(store().pool)).reports).toBe(COUNT + 1);
  });

  it('never loses a batch to one row the database refuses', async () => {
    const path = join(dir, readdirSync(dir).find((f) => f.startsWith('0004_')) as string);
    const analyzed = await analyzeBytes(readFileSync(path), path, { knowledge: loadKnowledge() });
    const good = buildRecord(analyzed, '/virtual/good.txt', 'f'.repeat(64));
    const bad = { ...buildRecord(analyzed, '/virtual/bad.txt', 'e'.repeat(64)), year: 3_000_000_000 };
    const facts = (p: string, hash: string) => ({ path: p, hash, size: 1, mtime: new Date(0) });
    const result = await writeBatch(store().pool, [
      { file: facts('/virtual/bad.txt', bad.hash), outcome: { kind: 'report', record: bad } },
      { file: facts('/virtual/good.txt', good.hash), outcome: { kind: 'report', record: good } },
    ]);
    expect(result).toMatchObject({ added: 1, failed: 1 });
    const { rows } = await store().pool.query(
      `SELECT path, status, error_code, error FROM files WHERE path LIKE '/virtual/%' ORDER BY path`,
    );
    expect(rows.map((r) => [r.path, r.status, r.error_code])).toEqual([
      ['/virtual/bad.txt', 'failed', 'store'],
      ['/virtual/good.txt', 'ok', null],
    ]);
    expect(rows[0].error).toMatch(/^cannot store: /u);
  });

  it('stores the findings and score of the checks', async () => {
    const { rows } = await store().pool.query(`
      SELECT r.score_total, (r.reading->'score'->>'total')::float8 AS reading_total,
        (SELECT count(*)::int FROM findings f WHERE f.report_id = r.id) AS findings,
        jsonb_array_length(r.reading->'findings') AS reading_findings
      FROM reports r WHERE r.source_path NOT LIKE '/virtual/%'`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.score_total).toBeGreaterThan(0);
      expect(r.score_total).toBe(r.reading_total);
      expect(r.findings).toBe(r.reading_findings);
    }
    expect(rows.some((r) => r.findings > 0)).toBe(true);
    const f = await store().pool.query('SELECT * FROM findings ORDER BY report_id, ord LIMIT 1');
    expect(f.rows[0]).toMatchObject({ ord: 0, rule_id: expect.stringMatching(/^[a-z]+\/[a-z-]+$/u) });
  });

  it('reports inputs that match nothing', async () => {
    const s = await ingestFiles(store(), [join(dir, 'nothing-*.txt')]);
    expect(s.failed).toEqual([
      { path: join(dir, 'nothing-*.txt'), code: 'not-found', message: 'no such file or no file matches' },
    ]);
  });
});

const distWorker = new URL('../../dist/ingest/analyze-worker.js', import.meta.url);

describe('the analysis thread pool', () => {
  // The compiled worker exists after `npm run build` (which `npm test` runs first).
  it.skipIf(!existsSync(distWorker) && !process.env.CI)(
    'analyzes in worker threads like inline',
    async () => {
      const corpus = await testCorpus(COUNT, 3);
      const files = readdirSync(corpus)
        .filter((f) => f.endsWith('.txt'))
        .slice(0, 6);
      const threads = createAnalyzer({ jobs: 2, workerUrl: distWorker });
      const inline = createAnalyzer({ jobs: 1 });
      expect(threads.mode).toBe('threads');
      expect(inline.mode).toBe('inline');
      try {
        const tasks = files.map((f) => ({
          path: join(corpus, f),
          bytes: readFileSync(join(corpus, f)),
          hash: f,
        }));
        // The same records, summarized (a failure prints a short diff, not whole readings).
        const digest = (r: AnalyzeResult) =>
          r.ok
            ? [
                r.record.hash,
                r.record.title,
                r.record.text.length,
                r.record.seg.length,
                r.record.parts.length,
                r.record.figures.length,
                r.record.findings.map((f) => f.ruleId),
                r.record.scoreTotal,
                createHash('sha256').update(r.record.reading).digest('hex'),
              ]
            : [r.code];
        const a = await Promise.all(tasks.map((t) => threads.analyze(t)));
        const b = await Promise.all(tasks.map((t) => inline.analyze(t)));
        expect(a.map(digest)).toEqual(b.map(digest));
        const empty = await threads.analyze({ path: 'e.txt', bytes: new Uint8Array(), hash: 'e' });
        expect(empty).toEqual({ ok: false, code: 'empty', message: 'the file is empty' });
      } finally {
        await threads.close();
        await inline.close();
      }
    },
  );

  it.skipIf(!existsSync(distWorker) && !process.env.CI)(
    'fails a file that takes too long, and goes on',
    async () => {
      const threads = createAnalyzer({ jobs: 2, workerUrl: distWorker, timeoutMs: 1 });
      try {
        const corpus = await testCorpus(COUNT, 3);
        const f = readdirSync(corpus).find((x) => x.endsWith('.txt')) as string;
        const result = await threads.analyze({ path: f, bytes: readFileSync(join(corpus, f)), hash: 'h' });
        expect(result).toMatchObject({ ok: false, code: 'timeout' });
      } finally {
        await threads.close();
      }
    },
  );
});
