import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks/index.js';
import { loadKnowledge } from '../knowledge/load.js';
import { analyzeBytes } from '../pipeline.js';
import { buildRecord, codePointOffsets, isoDate, pgSafe } from './record.js';

const fixture = new URL('../../test/fixtures/reports/county-gov-2023.txt', import.meta.url);

describe('store record', () => {
  it('maps UTF-16 offsets to code points', () => {
    const plain = codePointOffsets('行政复议');
    expect(plain(3)).toBe(3);
    const cp = codePointOffsets('a𠀀b𠀁c');
    expect([0, 1, 3, 4, 6, 7].map(cp)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(cp(2)).toBe(1); // inside the pair: its start
    expect(codePointOffsets('x\uD800y')(2)).toBe(2); // a lone surrogate is one code point
  });

  it('accepts only real ISO dates', () => {
    expect(isoDate('2023-02-28')).toBe('2023-02-28');
    expect(isoDate('2023-02-30')).toBeNull();
    expect(isoDate('2023-02')).toBeNull();
    expect(isoDate(null)).toBeNull();
  });

  it('replaces NUL, which PostgreSQL text cannot hold, keeping offsets', () => {
    expect(pgSafe('a\u0000b')).toBe('a\uFFFDb');
  });

  it('builds the rows of an analyzed report', async () => {
    const bytes = readFileSync(fixture);
    const analyzed = await analyzeBytes(bytes, 'county.txt', { knowledge: loadKnowledge() });
    const r = buildRecord(analyzed, 'county.txt', 'abc');
    expect(r.hash).toBe('abc');
    expect(r.year).toBe(2023);
    expect(r.jurisdictionCode).toBe('130534');
    expect(r.provinceCode).toBe('130000');
    expect(r.jurisdictionLevel).toBe('county');
    expect(r.parts.filter((p) => !p.embedded)).toHaveLength(4);
    expect(r.figures.length).toBeGreaterThan(5);
    for (const f of r.figures) expect(r.text.slice(f.quoteStart, f.quoteEnd)).toBe(f.quote);
    // Without the checks: no findings, no score.
    expect(r.findings).toEqual([]);
    expect(r.scoreTotal).toBeNull();
    expect(r.seg.split(' ')).toContain('法治');
    expect(JSON.parse(r.reading).meta.year).toBe(2023);
  });

  it('takes findings, the score and area labels from the checks', async () => {
    const bytes = readFileSync(fixture);
    const knowledge = loadKnowledge();
    const analyzed = await analyzeBytes(bytes, 'county.txt', { knowledge });
    const checks = checkReport(analyzed.report, knowledge);
    const r = buildRecord(analyzed, 'county.txt', 'abc', checks);
    expect(r.scoreTotal).toBe(checks.score.total);
    expect(r.findings.map((f) => f.ruleId)).toEqual(checks.findings.map((f) => f.ruleId));
    expect(r.findings.map((f) => [f.start, f.end])).toEqual(
      checks.findings.map((f) => [f.span.start, f.span.end]),
    );
    const reading = JSON.parse(r.reading);
    expect(reading.score.total).toBe(checks.score.total);
    expect(reading.areaLabels.length).toBeGreaterThan(0);
  });
});
