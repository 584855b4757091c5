/** `fazhi ingest` and `fazhi search` in-process, on both backends, through their commander definitions. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerIngestCommand } from '../../src/cli/ingest-command.js';
import { memoryOutput } from '../../src/cli/output.js';
import { numberRange, registerSearchCommand, toSearchRequest } from '../../src/cli/search-command.js';
import { registerWorkerCommand } from '../../src/cli/worker-command.js';
import { BACKENDS, cliStore, postgresAvailable, tempDir, testCorpus } from './backends.js';

/** Run the commands as `main` would (exit code 2 on a usage error). */
async function cli(...argv: string[]) {
  const out = memoryOutput();
  let code = 0;
  const program = new Command('fazhi')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void out.write(s), writeErr: (s) => out.error(s.trimEnd()) });
  const setExit = (c: number) => {
    code = c;
  };
  registerIngestCommand(program, out, setExit);
  registerSearchCommand(program, out, setExit);
  registerWorkerCommand(program, out, setExit);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.code === 'commander.helpDisplayed' ? 0 : 2;
  }
  return { code, stdout: out.stdout, stderr: out.stderr };
}

describe('search options', () => {
  it('reads years and scores as ranges', () => {
    expect(numberRange('2023')).toEqual([2023, 2023]);
    expect(numberRange('2021-2023')).toEqual([2021, 2023]);
    expect(numberRange('60-')).toEqual([60, Number.POSITIVE_INFINITY]);
    expect(numberRange('-80')).toEqual([Number.NEGATIVE_INFINITY, 80]);
    expect(() => numberRange('x')).toThrow();
    expect(toSearchRequest({ year: [2021, 2023], score: [60, Number.POSITIVE_INFINITY] })).toMatchObject({
      yearFrom: 2021,
      yearTo: 2023,
      scoreMin: 60,
      scoreMax: undefined,
    });
    expect(toSearchRequest({ year: [2022, 2022] }).year).toBe(2022);
  });

  it('rejects bad values as usage errors', async () => {
    expect((await cli('search', 'x', '--part', 'intro')).code).toBe(2);
    expect((await cli('search', 'x', '--year', 'soon')).code).toBe(2);
    expect((await cli('ingest')).code).toBe(2);
  });

  it('says when there is no store yet', async () => {
    const dir = tempDir('none');
    const r = await cli('search', '法治', '--data', join(dir, 'nothing'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no fazhi store in .*run fazhi ingest first/u);
  });
});

for (const backend of BACKENDS) {
  const available = backend === 'pglite' || postgresAvailable();
  describe.skipIf(!available)(`fazhi ingest and search [${backend}]`, () => {
    let target: Awaited<ReturnType<typeof cliStore>>;
    let corpus = '';
    beforeAll(async () => {
      target = await cliStore(backend);
      corpus = await testCorpus(12, 21);
    }, 60_000);
    afterAll(async () => {
      await target?.cleanup();
    });

    it('ingests, prints a summary, exits 1 when a file failed and lists it', async () => {
      const bad = join(tempDir('bad'), 'empty.txt');
      writeFileSync(bad, '');
      const r = await cli('ingest', corpus, bad, ...target.args);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        /^ingested 13 files into .* \(\d+\.\d files\/s\): 12 new reports, 0 unchanged, 1 failed\n$/u,
      );
      expect(r.stderr).toBe(`${bad}: the file is empty\n`);
      const again = await cli('ingest', corpus, ...target.args, '--format', 'json');
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ total: 12, added: 0, unchanged: 12, failed: [] });
    });

    it('searches, in text and JSON', async () => {
      const text = await cli('search', '行政复议', ...target.args, '--limit', '2');
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^\d+ reports? match 行政复议 \(showing 1–2\)\n\n1\. /u);
      expect(text.stdout).toContain('【行政复议】');
      expect(text.stdout).toContain('next page: --cursor ');

      const json = await cli('search', '行政复议', ...target.args, '--format', 'json', '--limit', '50');
      const result = JSON.parse(json.stdout);
      expect(result.total).toBe(result.hits.length);
      expect(Object.keys(result.hits[0])).toEqual(
        expect.arrayContaining(['source', 'title', 'snippet', 'year', 'jurisdiction', 'score', 'rank']),
      );
      expect(result.hits[0].source.startsWith(corpus)).toBe(true);

      const page1 = JSON.parse((await cli('search', '法治', ...target.args, '-f', 'json', '-n', '5')).stdout);
      const page2 = JSON.parse(
        (await cli('search', '法治', ...target.args, '-f', 'json', '-n', '5', '--cursor', page1.nextCursor))
          .stdout,
      );
      expect(page2.hits[0].id).not.toBe(page1.hits[0].id);
      expect(page2.total).toBe(page1.total);

      const filtered = JSON.parse(
        (
          await cli(
            'search',
            ...target.args,
            '-f',
            'json',
            '--year',
            '2021-2022',
            '--level',
            'county,prefecture',
          )
        ).stdout,
      );
      for (const h of filtered.hits) {
        expect(h.year).toBeGreaterThanOrEqual(2021);
        expect(h.year).toBeLessThanOrEqual(2022);
        expect(['county', 'prefecture']).toContain(h.jurisdiction.level);
      }
      const none = await cli('search', '没有这个词语', ...target.args);
      expect(none.stdout).toBe('no reports match 没有这个词语\n');
      expect((await cli('search', 'x', ...target.args, '--level', 'city')).code).toBe(2);
    });
  });
}
