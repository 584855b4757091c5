/** `fazhi export` without inputs exports the corpus in the store, on both backends. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryOutput } from '../../src/cli/output.js';
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
    },
  );
}
