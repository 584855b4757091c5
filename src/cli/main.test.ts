import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../readers/docx.js';
import { main } from './main.js';
import { memoryOutput } from './output.js';

const fixtures = new URL('../../test/fixtures/', import.meta.url).pathname;
const report = join(fixtures, 'reports/county-gov-2023.txt');

async function run(...argv: string[]) {
  const out = memoryOutput();
  const code = await main(argv, out);
  return { code, stdout: out.stdout, stderr: out.stderr };
}

describe('fazhi analyze', () => {
  it('prints one JSON object for one input, with the gold-format fields', async () => {
    const { code, stdout } = await run('analyze', report, '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.source).toBe(report);
    expect(json.meta.year).toBe(2023);
    expect(json.parts).toHaveLength(4);
    expect(json.indicators.length).toBeGreaterThan(5);
  });

  it('takes --json for --format json, as gold-format.md spells it', async () => {
    const json = await run('analyze', '--json', report);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe((await run('analyze', report, '--format', 'json')).stdout);
  });

  it('prints {"reports":[…]} for several inputs and reports a bad one without losing the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-cli-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const { code, stdout, stderr } = await run('analyze', report, join(dir, 'empty.txt'), '--format', 'json');
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.reports.map((r: { source: string }) => r.source)).toEqual([report, join(dir, 'empty.txt')]);
    expect(json.reports[1]).toEqual({
      source: join(dir, 'empty.txt'),
      error: 'the file is empty',
      errorCode: 'empty',
    });
    expect(stderr).toBe(`${join(dir, 'empty.txt')}: the file is empty\n`);
  });

  it('streams one report per line with ndjson, directories walked', async () => {
    const { code, stdout } = await run('analyze', join(fixtures, 'reports'), '--format', 'ndjson');
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.source.split('/').pop())).toEqual([
      'bureau-2022-merged.txt',
      'county-gov-2023.txt',
    ]);
  });

  it('prints a readable summary by default', async () => {
    const { stdout } = await run('analyze', report);
    expect(stdout).toContain('河北省邢台市清河县 130534 县级');
    expect(stdout).toContain('→ 存在的不足和原因');
  });

  it('reports a glob that matches nothing', async () => {
    const { code, stderr } = await run('analyze', join(fixtures, 'nothing-*.txt'));
    expect(code).toBe(1);
    expect(stderr).toContain('no such file or no file matches');
  });

  it('refuses an input over --max-bytes', async () => {
    const { code, stderr } = await run('analyze', report, '--max-bytes', '1KB');
    expect(code).toBe(1);
    expect(stderr).toMatch(/over the 1\.0 KB limit/u);
  });

  it('exits 2 on a usage error', async () => {
    const { code } = await run('analyze', report, '--format', 'xml');
    expect(code).toBe(2);
  });
});

describe('fazhi eval', () => {
  it('scores the reading against gold readings of our own fixtures', async () => {
    const { code, stdout } = await run('eval', join(fixtures, 'gold'), '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.totals.metaOverall).toBe(1);
    expect(result.totals.partRecall).toBe(1);
    expect(result.totals.indicatorPrecision).toBe(1);
    expect(result.totals.indicatorRecall).toBe(1);
    expect(Object.keys(result.totals.indicatorsByGroup).sort()).toEqual(['A03', 'A04', 'A07', 'A10']);
  });
});

describe('fazhi export --format docx', () => {
  it('writes the review document of the inputs, and refuses a review in a table format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-cli-'));
    const path = join(dir, 'review.docx');
    const done = await run('export', report, '--format', 'docx', '--out', path);
    expect(done.code).toBe(0);
    expect(readDocx(readFileSync(path)).text).toContain('清河县人民政府关于2023年度法治政府建设情况的报告');
    expect((await run('export', report, '--table', 'review')).code).toBe(2);
    expect((await run('export', report, '--table', 'scores', '--format', 'docx', '--out', path)).code).toBe(
      2,
    );
    expect((await run('export', report, '--format', 'docx')).stderr).toContain('needs --out FILE');
  });
});
