/**
 * `npm run bench:store`: the store on the embedded database (PGlite) and on PostgreSQL.
 *
 * 1. ingest of a synthetic corpus through the real ingest path (`ingestFiles`: worker threads,
 *    batched writes): reports/s and peak RSS (worker threads are in the process, so its RSS
 *    covers them; each backend runs in its own child process so the peaks do not mix);
 * 2. 21 search queries and 5 comparison queries (GROUP BY over figures/findings joined to
 *    reports), each run BENCH_STORE_RUNS times (default 20) after one warm-up: p50/p95;
 * 3. the tables scaled to BENCH_STORE_SCALE reports by duplicating the ingested rows in SQL
 *    (new ids and hashes, shifted years; nothing analyzed again), then the same queries;
 * 4. copy detection: `benchReuseOn` over min(count, 2000) reports analyzed in memory, and
 *    `detectCorpusReuse` (load from the store, index, query, store the matches) per backend.
 *
 * Environment: BENCH_STORE_REPORTS (default 10000), BENCH_STORE_SCALE (default 100000; 0 skips),
 * BENCH_BACKENDS (default 'pglite,postgres'; postgres only with FAZHI_TEST_DATABASE_URL or
 * DATABASE_URL — a fresh database is created on that server and dropped afterwards),
 * BENCH_STORE_RUNS (default 20), BENCH_STORE_SCALED_RUNS (runs after scaling, default the same), BENCH_STORE_JOBS (analysis threads, default: cores),
 * BENCH_STORE_REUSE (reports for copy detection, default min(count, 2000)).
 * Prints numbers and ratios; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { analyze } from '../core/analyze.js';
import { ingestFiles } from '../ingest/ingest.js';
import { loadKnowledge } from '../knowledge/load.js';
import { benchReuseOn } from '../reuse/bench.js';
import { detectCorpusReuse } from '../reuse/corpus.js';
import { type SearchRequest, searchReports } from '../search/search.js';
import { type Backend, openStore, type Store } from '../store/open.js';
import { generateCorpus } from '../synth/generate.js';
import { writeCorpus } from '../synth/write.js';
import { scaleTo } from './scale.js';

const SEED = 11;

// ---------------------------------------------------------------------------------------------
// The queries.

interface SearchCase {
  group: 'search 2-char' | 'search 3-4 char' | 'search multi-term' | 'search filtered';
  query: string;
  request?: SearchRequest;
}

const SEARCHES: SearchCase[] = [
  { group: 'search 2-char', query: '复议' },
  { group: 'search 2-char', query: '执法' },
  { group: 'search 2-char', query: '普法' },
  { group: 'search 2-char', query: '听证' },
  { group: 'search 2-char', query: '诉讼' },
  { group: 'search 3-4 char', query: '合法性' },
  { group: 'search 3-4 char', query: '负责人' },
  { group: 'search 3-4 char', query: '规范性' },
  { group: 'search 3-4 char', query: '行政复议' },
  { group: 'search 3-4 char', query: '法律顾问' },
  { group: 'search multi-term', query: '行政复议 出庭应诉' },
  { group: 'search multi-term', query: '执法 公示 法制审核' },
  { group: 'search multi-term', query: '"重大行政决策" 合法性审查' },
  { group: 'search multi-term', query: '普法 -疫情' },
  { group: 'search filtered', query: '行政复议', request: { province: '湖北' } },
  { group: 'search filtered', query: '执法', request: { year: 2023 } },
  { group: 'search filtered', query: '复议', request: { level: 'county', yearFrom: 2021, yearTo: 2023 } },
  { group: 'search filtered', query: '普法', request: { part: 'measures' } },
  { group: 'search filtered', query: '', request: { area: '$AREA', year: 2022 } },
  { group: 'search filtered', query: '', request: { rule: 'structure/missing-part' } },
  { group: 'search filtered', query: '法治', request: { scoreMin: 80, order: 'score' } },
];

interface ComparisonCase {
  name: string;
  sql: string;
  /** Parameters; '$KEYS' is replaced by the three most frequent figure keys. */
  params: (keys: string[]) => unknown[];
}

const CURRENT = 'EXISTS (SELECT 1 FROM files fl WHERE fl.report_id = r.id AND fl.current)';

const COMPARISONS: ComparisonCase[] = [
  {
    name: '3 figure keys × year × level',
    sql: `SELECT r.year, r.jurisdiction_level, f.key, count(*) AS n, avg(f.value) AS mean,
            min(f.value) AS lo, max(f.value) AS hi
          FROM figures f JOIN reports r ON r.id = f.report_id
          WHERE f.key = ANY($1) AND ${CURRENT}
          GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    params: (keys) => [keys],
  },
  {
    name: '3 figure keys × jurisdiction × year, one province',
    sql: `SELECT r.jurisdiction_code, r.year, f.key, avg(f.value) AS mean, count(*) AS n
          FROM figures f JOIN reports r ON r.id = f.report_id
          WHERE f.key = ANY($1) AND r.province_code = $2 AND ${CURRENT}
          GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    params: (keys) => [keys, '420000'],
  },
  {
    name: 'findings per rule × year',
    sql: `SELECT r.year, fi.rule_id, count(*) AS n, count(DISTINCT fi.report_id) AS reports
          FROM findings fi JOIN reports r ON r.id = fi.report_id
          WHERE ${CURRENT} GROUP BY 1, 2 ORDER BY 1, 2`,
    params: () => [],
  },
  {
    name: 'score by province × year',
    sql: `SELECT r.province_code, r.year, count(*) AS n, avg(r.score_total) AS mean
          FROM reports r WHERE ${CURRENT} GROUP BY 1, 2 ORDER BY 1, 2`,
    params: () => [],
  },
  {
    name: 'reports with figures per area × level',
    // Distinct (report, area) pairs first: a hash aggregate, where count(DISTINCT) over the join
    // sorts every figure row (and spills to disk on PGlite's small work_mem).
    sql: `SELECT r.jurisdiction_level, x.area, count(*) AS reports
          FROM (SELECT DISTINCT report_id, area FROM figures WHERE area IS NOT NULL) x
          JOIN reports r ON r.id = x.report_id
          WHERE ${CURRENT} GROUP BY 1, 2 ORDER BY 1, 2`,
    params: () => [],
  },
];

// ---------------------------------------------------------------------------------------------
// Measuring.

const now = (): bigint => process.hrtime.bigint();
const msSince = (t: bigint): number => Number(now() - t) / 1e6;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

interface Latency {
  p50: number;
  p95: number;
  samples: number;
}

function latency(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), samples: s.length };
}

interface QueryTimes {
  reports: number;
  /** Per group: all samples of its queries pooled. */
  groups: Record<string, Latency>;
  /** Per query: p50 and the number of hits (search) or rows (comparison). */
  queries: { label: string; group: string; p50: number; p95: number; rows: number }[];
}

async function runQueries(store: Store, runs: number, keys: string[], area: string): Promise<QueryTimes> {
  const pool = store.pool;
  const reports = Number(
    (await pool.query<{ n: string }>('SELECT count(*) AS n FROM reports')).rows[0]?.n ?? 0,
  );
  const pooled = new Map<string, number[]>();
  const queries: QueryTimes['queries'] = [];
  const record = (group: string, label: string, samples: number[], rows: number): void => {
    const l = latency(samples);
    queries.push({ label, group, p50: l.p50, p95: l.p95, rows });
    for (const g of [group, group.startsWith('search') ? 'search (all)' : 'comparison (all)']) {
      const list = pooled.get(g) ?? [];
      list.push(...samples);
      pooled.set(g, list);
    }
  };
  for (const spec of SEARCHES) {
    // '$AREA': the 纲要 area with the most figures in the ingested corpus.
    const c = spec.request?.area === '$AREA' ? { ...spec, request: { ...spec.request, area } } : spec;
    let total = (await searchReports(pool, c.query, c.request)).total; // warm-up
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = now();
      total = (await searchReports(pool, c.query, c.request)).total;
      samples.push(msSince(t));
    }
    const label = `${c.query || '(no terms)'}${c.request ? ` ${JSON.stringify(c.request)}` : ''}`;
    record(c.group, label, samples, total);
  }
  for (const c of COMPARISONS) {
    const params = c.params(keys);
    let rows = (await pool.query(c.sql, params)).rowCount ?? 0; // warm-up
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = now();
      rows = (await pool.query(c.sql, params)).rowCount ?? 0;
      samples.push(msSince(t));
    }
    record('comparison', c.name, samples, rows);
  }
  const groups: Record<string, Latency> = {};
  for (const [g, s] of pooled) groups[g] = latency(s);
  return { reports, groups, queries };
}

// ---------------------------------------------------------------------------------------------
// One backend, in a child process.

export interface BackendResult {
  backend: Backend;
  openSeconds: number;
  ingest: { files: number; added: number; failed: number; seconds: number; reportsPerSecond: number };
  /** Peak RSS during open + ingest, sampled every 100 ms, and the kernel's maxRSS. MB. */
  peakRssMB: number;
  maxRssMB: number;
  keys: string[];
  area: string;
  queries: QueryTimes;
  scaled: QueryTimes | null;
  scaleSeconds: number;
  /** detectCorpusReuse on the ingested reports (load, index, query, store). */
  corpusReuse: { reports: number; matches: number; findings: number; seconds: number } | null;
  dbSizeMB: number;
}

async function child(backend: Backend, corpus: string): Promise<BackendResult> {
  const log = (s: string): void => {
    process.stderr.write(`[${backend}] ${s}\n`);
  };
  const runs = Number(process.env.BENCH_STORE_RUNS ?? 20);
  const scale = Number(process.env.BENCH_STORE_SCALE ?? 100000);
  const reuseMax = Number(process.env.BENCH_STORE_REUSE_DB ?? 2000);
  const jobs = process.env.BENCH_STORE_JOBS ? Number(process.env.BENCH_STORE_JOBS) : undefined;

  let peak = 0;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const sampler = setInterval(sample, 100);

  let dataDir: string | null = null;
  let dbName: string | null = null;
  let adminUrl: string | null = null;
  const tOpen = now();
  let store: Store;
  if (backend === 'pglite') {
    dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-pglite-'));
    store = await openStore({ backend: 'pglite', dataDir });
  } else {
    adminUrl = (process.env.FAZHI_TEST_DATABASE_URL || process.env.DATABASE_URL) as string;
    dbName = `fazhi_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName} ENCODING 'UTF8' TEMPLATE template0`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    store = await openStore({ backend: 'postgres', url: url.toString() });
  }
  const openSeconds = msSince(tOpen) / 1000;
  try {
    log(`store open in ${openSeconds.toFixed(1)} s; ingesting ${corpus}`);
    const summary = await ingestFiles(store, [corpus], { jobs, progress: undefined });
    sample();
    clearInterval(sampler);
    const maxRssMB = (process.resourceUsage().maxRSS * 1024) / 1024 / 1024;
    const ingest = {
      files: summary.total,
      added: summary.added,
      failed: summary.failed.length,
      seconds: summary.seconds,
      reportsPerSecond: summary.added / summary.seconds,
    };
    log(
      `ingest: ${ingest.added} reports in ${ingest.seconds.toFixed(1)} s (${ingest.reportsPerSecond.toFixed(1)}/s), ${ingest.failed} failed`,
    );

    await store.pool.query('ANALYZE');
    const keys = (
      await store.pool.query<{ key: string }>(
        'SELECT key FROM figures GROUP BY key ORDER BY count(*) DESC, key LIMIT 3',
      )
    ).rows.map((r) => r.key);
    const area =
      (
        await store.pool.query<{ area: string }>(
          'SELECT area FROM figures WHERE area IS NOT NULL GROUP BY area ORDER BY count(*) DESC, area LIMIT 1',
        )
      ).rows[0]?.area ?? 'A01';

    let corpusReuse: BackendResult['corpusReuse'] = null;
    if (ingest.added <= reuseMax) {
      const t = now();
      const r = await detectCorpusReuse(store);
      corpusReuse = {
        reports: r.reports,
        matches: r.matches.length,
        findings: r.findings,
        seconds: msSince(t) / 1000,
      };
      log(
        `detectCorpusReuse: ${r.reports} reports, ${r.matches.length} matches, ${r.findings} findings in ${corpusReuse.seconds.toFixed(1)} s`,
      );
    }

    const queries = await runQueries(store, runs, keys, area);
    log(`queries at ${queries.reports} reports done`);

    let scaled: QueryTimes | null = null;
    let scaleSeconds = 0;
    if (scale > queries.reports) {
      const t = now();
      await scaleTo(store, scale, log);
      await store.pool.query('VACUUM ANALYZE');
      scaleSeconds = msSince(t) / 1000;
      scaled = await runQueries(store, Number(process.env.BENCH_STORE_SCALED_RUNS ?? runs), keys, area);
      log(`queries at ${scaled.reports} reports done`);
    }
    const dbSizeMB =
      Number(
        (await store.pool.query<{ b: string }>('SELECT pg_database_size(current_database()) AS b')).rows[0]
          ?.b ?? 0,
      ) /
      1024 /
      1024;
    return {
      backend,
      openSeconds,
      ingest,
      peakRssMB: peak / 1024 / 1024,
      maxRssMB,
      keys,
      area,
      queries,
      scaled,
      scaleSeconds,
      corpusReuse,
      dbSizeMB,
    };
  } finally {
    clearInterval(sampler);
    await store.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (dbName && adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
      await admin.end();
    }
  }
}

function runChild(backend: Backend, corpus: string): Promise<BackendResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_STORE_CHILD: backend, BENCH_STORE_CORPUS: corpus },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (d: string) => {
      out += d;
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`${backend} benchmark failed (exit ${code})`));
        return;
      }
      resolve(JSON.parse(line) as BackendResult);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The report.

const f = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '–');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function report(
  results: BackendResult[],
  reuse: ReturnType<typeof benchReuseOn> | null,
  meta: string,
): string {
  const out: string[] = [meta, ''];
  const by = (b: Backend) => results.find((r) => r.backend === b);
  const lite = by('pglite');
  const server = by('postgres');
  const ratio = (p: number | undefined, s: number | undefined): string => (p && s ? `${f(s / p, 2)}×` : '');

  out.push('Ingest (ingestFiles, worker threads, batches of 50):', '');
  out.push(
    table(
      [
        'backend',
        'reports',
        'seconds',
        'reports/s',
        'ms/report',
        'peak RSS MB (sampled / maxRSS)',
        'open s',
        'DB MB (end)',
      ],
      results.map((r) => [
        r.backend,
        String(r.ingest.added),
        f(r.ingest.seconds),
        f(r.ingest.reportsPerSecond),
        f((r.ingest.seconds * 1000) / Math.max(1, r.ingest.added)),
        `${f(r.peakRssMB, 0)} / ${f(r.maxRssMB, 0)}`,
        f(r.openSeconds),
        f(r.dbSizeMB, 0),
      ]),
    ),
  );
  if (lite && server)
    out.push(
      '',
      `PostgreSQL / PGlite ingest rate: ${ratio(lite.ingest.reportsPerSecond, server.ingest.reportsPerSecond)}`,
    );

  const groups = [
    'search 2-char',
    'search 3-4 char',
    'search multi-term',
    'search filtered',
    'search (all)',
    'comparison',
    'comparison (all)',
  ].filter((g) => g !== 'comparison');
  for (const which of ['queries', 'scaled'] as const) {
    const present = results.filter((r) => r[which]);
    if (present.length === 0) continue;
    const n = present.map((r) => (r[which] as QueryTimes).reports).join(' / ');
    out.push(
      '',
      `Query latency at ${n} reports (ms, ${present[0]?.[which]?.groups['search (all)']?.samples ?? 0} search samples):`,
      '',
    );
    const header = ['group'];
    for (const r of present) header.push(`${r.backend} p50`, `${r.backend} p95`);
    if (lite?.[which] && server?.[which]) header.push('pg/pglite p50', 'pg/pglite p95');
    const rows = groups.map((g) => {
      const row = [g];
      for (const r of present) {
        const l = (r[which] as QueryTimes).groups[g];
        row.push(f(l?.p50 ?? Number.NaN), f(l?.p95 ?? Number.NaN));
      }
      if (lite?.[which] && server?.[which]) {
        const a = lite[which]?.groups[g];
        const b = server[which]?.groups[g];
        row.push(ratio(a?.p50, b?.p50), ratio(a?.p95, b?.p95));
      }
      return row;
    });
    out.push(table(header, rows));
    out.push('', 'per query (p50 ms; hits or rows):', '');
    const qh = ['query'];
    for (const r of present) qh.push(`${r.backend} p50`, `${r.backend} p95`, 'hits');
    const first = present[0]?.[which] as QueryTimes;
    out.push(
      table(
        qh,
        first.queries.map((q, i) => {
          const row = [q.label];
          for (const r of present) {
            const x = (r[which] as QueryTimes).queries[i];
            row.push(f(x?.p50 ?? Number.NaN), f(x?.p95 ?? Number.NaN), String(x?.rows ?? ''));
          }
          return row;
        }),
      ),
    );
    if (which === 'scaled')
      out.push('', `scaling in SQL: ${present.map((r) => `${r.backend} ${f(r.scaleSeconds)} s`).join(', ')}`);
  }

  out.push('', 'Copy detection:');
  if (reuse) {
    out.push(
      `  in memory (benchReuseOn) on ${reuse.reports} reports: sign ${f(reuse.signSeconds, 2)} s + index ${f(reuse.indexSeconds, 2)} s + query ${f(reuse.querySeconds, 2)} s = ${f(reuse.signSeconds + reuse.indexAndQuerySeconds, 2)} s; ${reuse.matches.crossUnit + reuse.matches.sameUnitOtherYear} matches in ${reuse.reportsWithMatches} reports (analysis beforehand ${f(reuse.analyzeSeconds, 1)} s, not counted)`,
    );
  }
  for (const r of results) {
    if (r.corpusReuse)
      out.push(
        `  from the store (detectCorpusReuse, ${r.backend}): ${r.corpusReuse.reports} reports, ${r.corpusReuse.matches} matches, ${f(r.corpusReuse.seconds, 2)} s`,
      );
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const childBackend = process.env.BENCH_STORE_CHILD as Backend | undefined;
  if (childBackend) {
    const result = await child(childBackend, process.env.BENCH_STORE_CORPUS as string);
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
    return;
  }

  const count = Number(process.env.BENCH_STORE_REPORTS ?? 10000);
  const url = process.env.FAZHI_TEST_DATABASE_URL || process.env.DATABASE_URL;
  const wanted = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((s) => s.trim());
  const backends = wanted.filter((b): b is Backend => b === 'pglite' || (b === 'postgres' && !!url));
  if (wanted.includes('postgres') && !url)
    console.error('bench:store: no FAZHI_TEST_DATABASE_URL or DATABASE_URL, PostgreSQL skipped');

  const cpu = cpus();
  const meta = `fazhi bench:store — Node ${process.version}, ${process.platform}/${process.arch}, ${cpu.length} × ${cpu[0]?.model.trim() ?? '?'}, ${f(totalmem() / 1024 ** 3, 0)} GB RAM; ${count} reports ingested, scaled to ${process.env.BENCH_STORE_SCALE ?? 100000}`;
  console.error(meta);

  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-corpus-'));
  try {
    const t = now();
    const written = await writeCorpus(dir, { count, seed: SEED, formats: ['txt'] });
    console.error(
      `corpus: ${count} reports, ${written.files} files (.txt + gold/defects .json), ${f(written.bytes / 1024 / 1024)} MB in ${f(msSince(t) / 1000)} s (${dir})`,
    );

    const results: BackendResult[] = [];
    for (const b of backends) results.push(await runChild(b, dir));

    let reuse: ReturnType<typeof benchReuseOn> | null = null;
    const reuseCount = Math.min(count, Number(process.env.BENCH_STORE_REUSE ?? 2000));
    if (reuseCount > 0) {
      const knowledge = loadKnowledge();
      const t2 = now();
      const reports = [...generateCorpus(reuseCount, SEED)].map((r) => ({
        id: r.name,
        report: analyze(r.text, { knowledge }),
      }));
      const analyzeSeconds = msSince(t2) / 1000;
      reuse = { ...benchReuseOn(reports), analyzeSeconds };
    }
    console.log(report(results, reuse, meta));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
