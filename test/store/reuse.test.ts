/** `fazhi reuse` finds a passage copied from another unit's report, on both backends. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryOutput } from '../../src/cli/output.js';
import { BACKENDS, cliStore, postgresAvailable, tempDir } from './backends.js';

async function cli(...argv: string[]) {
  const out = memoryOutput();
  const code = await main(argv, out);
  return { code, stdout: out.stdout, stderr: out.stderr };
}

const county = readFileSync(new URL('../fixtures/reports/county-gov-2023.txt', import.meta.url), 'utf8');
const bureau = readFileSync(new URL('../fixtures/reports/bureau-2022-merged.txt', import.meta.url), 'utf8');
/** A passage of our own that the second report copies word for word. */
const passage =
  '创新推行“枫桥式”行政争议调处工作法,在每个乡镇设立行政争议调解室,由司法所长、律师和人民调解员组成调处小组,对涉及征地拆迁、劳动保障、市场监管的争议先行调解,调解不成的引导依法申请行政复议。';

function corpus(): string {
  const dir = tempDir('reuse-corpus');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'a.txt'), county.replace('二、2023年度', `${passage}\n\n二、2023年度`));
  writeFileSync(join(dir, 'b.txt'), bureau.replace('二、存在的问题', `${passage}\n\n二、存在的问题`));
  return dir;
}

interface StoredReport {
  id: string;
  source_path: string;
  score_total: number;
  reading: {
    findings: { ruleId: string; span: { start: number; end: number }; related?: { reportId: string }[] }[];
    score: { total: number };
  };
  rows: { rule_id: string; ord: number; start_pos: number }[];
}

async function stored(args: string[]): Promise<StoredReport[]> {
  const { openStore, resolveStoreTarget } = await import('../../src/store/open.js');
  const target = args[0] === '--data' ? { data: args[1] } : { databaseUrl: args[1] };
  const store = await openStore(resolveStoreTarget(target, {}), { create: false });
  try {
    const { rows } = await store.pool.query<StoredReport>(
      `SELECT r.id, r.source_path, r.score_total, r.reading,
         coalesce((SELECT json_agg(json_build_object('rule_id', k.rule_id, 'ord', k.ord, 'start_pos', k.start_pos) ORDER BY k.ord)
           FROM findings k WHERE k.report_id = r.id), '[]') AS rows
       FROM reports r WHERE EXISTS (SELECT 1 FROM files f WHERE f.report_id = r.id AND f.current) ORDER BY r.source_path`,
    );
    return rows;
  } finally {
    await store.close();
  }
}

for (const backend of BACKENDS) {
  describe.skipIf(backend === 'postgres' && !postgresAvailable())(`fazhi reuse (${backend})`, () => {
    it('stores the copied passage with its span in both reports', async () => {
      const store = await cliStore(backend);
      try {
        expect((await cli('ingest', corpus(), ...store.args)).code).toBe(0);
        const result = await cli('reuse', ...store.args, '--format', 'json');
        expect(result.code).toBe(0);
        const { reports, matches } = JSON.parse(result.stdout);
        expect(reports).toBe(2);
        const copied = matches.filter((m: { kind: string }) => m.kind === 'cross-unit');
        expect(copied).toHaveLength(2); // each report points at the other, and nothing else is shared
        for (const m of copied) {
          const length = m.span.end - m.span.start;
          expect(length).toBeGreaterThanOrEqual(passage.length * 0.8);
          expect(length).toBeLessThanOrEqual(passage.length + 4);
        }
        const text = await cli('search', '枫桥式', ...store.args, '--format', 'json');
        expect(JSON.parse(text.stdout).total).toBe(2);
      } finally {
        await store.cleanup();
      }
    });

    it('turns the copies into reuse/copied-paragraph findings that cost points, and takes them back', async () => {
      const store = await cliStore(backend);
      try {
        const dir = corpus();
        expect((await cli('ingest', dir, ...store.args)).code).toBe(0);
        const before = await stored(store.args);
        expect((await cli('reuse', ...store.args)).code).toBe(0);
        const after = await stored(store.args);
        for (const [i, r] of after.entries()) {
          const own = before[i] as StoredReport;
          const copied = r.reading.findings.filter((f) => f.ruleId === 'reuse/copied-paragraph');
          expect(copied, r.source_path).toHaveLength(1);
          const other = after.find((x) => x.id !== r.id) as StoredReport;
          expect(copied[0]?.related?.[0]?.reportId).toBe(String(other.id));
          // After the report's own findings, in the reading and in the table.
          expect(r.reading.findings.slice(0, own.reading.findings.length)).toEqual(own.reading.findings);
          expect(r.rows.at(-1)).toMatchObject({ rule_id: 'reuse/copied-paragraph', ord: own.rows.length });
          expect(r.score_total).toBeLessThan(own.score_total);
          expect(r.reading.score.total).toBe(r.score_total);
        }
        const byRule = await cli(
          'search',
          '--rule',
          'reuse/copied-paragraph',
          ...store.args,
          '--format',
          'json',
        );
        expect(JSON.parse(byRule.stdout).total).toBe(2);

        // Running again changes nothing.
        expect((await cli('reuse', ...store.args)).code).toBe(0);
        expect(await stored(store.args)).toEqual(after);

        // Once the copy is gone, its findings go and the score comes back.
        writeFileSync(join(dir, 'b.txt'), bureau);
        rmSync(join(dir, 'a.txt'));
        expect((await cli('ingest', dir, ...store.args)).code).toBe(0);
        expect((await cli('reuse', ...store.args)).code).toBe(0);
        const gone = await stored(store.args);
        expect(gone.flatMap((r) => r.rows.filter((k) => k.rule_id.startsWith('reuse/')))).toEqual([]);
      } finally {
        await store.cleanup();
      }
    });
  });
}
