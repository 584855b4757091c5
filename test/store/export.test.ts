/** `fazhi export` without inputs exports the corpus in the store, on both backends. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryOutput } from '../../src/cli/output.js';
import { readDocx } from '../../src/readers/docx.js';
import { BACKENDS, cliStore, postgresAvailable, testCorpus } from './backends.js';

async function cli(...argv: string[]) {
  const out = memoryOutput();
  const code = await main(argv, out);
  return { code, stdout: out.stdout, stderr: out.stderr };
}

for (const backend of BACKENDS) {
  describe.skipIf(backend === 'postgres' && !postgresAvailable())(
    `fazhi export from the store (${backend})`,
    () => {
      it('writes one row per report in the wide table, the same figures as the long one', async () => {
        const corpus = await testCorpus(6);
        const store = await cliStore(backend);
        try {
          expect((await cli('ingest', corpus, ...store.args)).code).toBe(0);
          const wide = await cli('export', ...store.args, '--table', 'figures-wide');
          expect(wide.code).toBe(0);
          const wideRows = wide.stdout.trim().split('\r\n');
          expect(wideRows).toHaveLength(1 + 6);
          const long = await cli('export', ...store.args, '--table', 'figures');
          const longRows = long.stdout.trim().split('\r\n').slice(1);
          expect(longRows.length).toBeGreaterThan(6);
          expect(long.stdout.startsWith('\ufeffsource,title')).toBe(true);
        } finally {
          await store.cleanup();
        }
      });

      it('writes the review of every stored report as DOCX, quoting the text of each finding', async () => {
        const corpus = await testCorpus(3);
        const store = await cliStore(backend);
        const out = mkdtempSync(join(tmpdir(), 'fazhi-review-'));
        try {
          expect((await cli('ingest', corpus, ...store.args)).code).toBe(0);
          const path = join(out, 'review.docx');
          const done = await cli('export', ...store.args, '--format', 'docx', '--out', path);
          expect(done.code).toBe(0);
          expect(done.stderr).toContain('the review of 3 reports');
          const text = readDocx(readFileSync(path)).text;
          expect(text).toContain('法治政府建设年度报告审阅意见（3 篇）');
          expect(text.match(/^评分：/gmu)).toHaveLength(3);
          // Quotes come from the stored text: at least one finding per report points at some.
          expect((text.match(/^原文：“.+”$/gmu) ?? []).length).toBeGreaterThanOrEqual(3);
        } finally {
          rmSync(out, { recursive: true, force: true });
          await store.cleanup();
        }
      });
    },
  );
}
