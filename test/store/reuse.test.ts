/** `fazhi reuse` finds a passage copied from another unit's report, on both backends. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  });
}
