/**
 * The checks on the real seed reports of ../shared (domain §2.3 conformance matrix). Skipped when
 * ../shared is absent, failing under CI.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireShared, SHARED_DIR } from '../../test/shared.js';
import type { Report } from '../core/analyze.js';
import { loadKnowledge } from '../knowledge/load.js';
import { analyzeFile } from '../pipeline.js';
import { type CheckResult, checkReport } from './index.js';

const present = requireShared();
const seedDir = join(SHARED_DIR, 'corpus/seeds');
const seeds = present
  ? readdirSync(seedDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];

const results = new Map<string, Promise<{ report: Report; result: CheckResult }>>();
function checked(prefix: string): Promise<{ report: Report; result: CheckResult }> {
  const file = seeds.find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  let p = results.get(file);
  if (!p) {
    p = analyzeFile(join(seedDir, file)).then(({ report }) => ({
      report,
      result: checkReport(report, loadKnowledge()),
    }));
    results.set(file, p);
  }
  return p;
}

const ofRule = (r: CheckResult, id: string) => r.findings.filter((f) => f.ruleId === id);

describe.skipIf(!present)('checks on the seed reports', () => {
  it('has the five seeds', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
  });

  it('reports no figures/* error and no rule failure on any seed', async () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const { result } = await checked(prefix);
      expect(result.errors, prefix).toEqual([]);
      const figureErrors = result.findings.filter(
        (f) => f.ruleId.startsWith('figures/') && f.severity === 'error',
      );
      expect(figureErrors, prefix).toEqual([]);
    }
  });

  it('finds the garbled dates of S4 with their fixes', async () => {
    const { report, result } = await checked('004');
    const dates = ofRule(result, 'text/garbled-date').map((f) => [
      report.text.slice(f.span.start, f.span.end),
      f.fix?.text,
    ]);
    expect(dates).toEqual([
      ['820日', '8月20日'],
      ['418日', '4月18日'],
      ['1016日', '10月16日'],
      ['2024228', '2024年2月28日'],
    ]);
  });

  it('reports the first-responsible part embedded in the measures in S0, S1 and S3', async () => {
    for (const prefix of ['000', '001', '003']) {
      const { report, result } = await checked(prefix);
      const embedded = ofRule(result, 'structure/embedded-part');
      expect(
        embedded.map((f) => f.data?.part),
        prefix,
      ).toEqual(['leadership']);
      const measures = report.parts.find((p) => p.kinds.includes('measures'));
      expect(embedded[0]?.related?.[0]?.span, prefix).toEqual(measures?.headingSpan);
      expect(ofRule(result, 'structure/missing-part'), prefix).toEqual([]);
    }
  });

  it('reports shortcomings and plans merged in S1 and S3, and only there', async () => {
    for (const prefix of ['001', '003']) {
      const { result } = await checked(prefix);
      expect(
        ofRule(result, 'structure/merged-parts').map((f) => f.data?.parts),
        prefix,
      ).toEqual(['shortcomings+plans']);
    }
    for (const prefix of ['000', '002', '004']) {
      const { result } = await checked(prefix);
      expect(ofRule(result, 'structure/merged-parts'), prefix).toEqual([]);
    }
  });

  it('finds S2 (牛家牌镇) structurally complete, with reasons given', async () => {
    const { result } = await checked('002');
    expect(result.findings.filter((f) => f.ruleId.startsWith('structure/'))).toEqual([]);
    expect(ofRule(result, 'content/no-reasons')).toEqual([]);
  });

  it('reports problems listed without causes in S0, S1 and S3', async () => {
    for (const prefix of ['000', '001', '003']) {
      const { result } = await checked(prefix);
      expect(ofRule(result, 'content/no-reasons').length, prefix).toBe(1);
    }
  });

  it('reports the police and court material of S0 as off-scope', async () => {
    const { result } = await checked('000');
    const [f] = ofRule(result, 'content/off-scope');
    expect(f?.message).toMatch(/法院、检察院工作/u);
    expect(result.features.offScopeShare).toBeGreaterThan(0.08);
  });

  it('finds no publication problem: every seed with a date was published in time', async () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const { result } = await checked(prefix);
      expect(ofRule(result, 'publication/late'), prefix).toEqual([]);
      expect(ofRule(result, 'publication/year-mismatch'), prefix).toEqual([]);
      expect(ofRule(result, 'text/template-residue'), prefix).toEqual([]);
    }
  });

  it('scores every seed, each lost point naming its finding', async () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const { result } = await checked(prefix);
      const { score } = result;
      expect(score.total, prefix).toBeGreaterThan(0);
      expect(score.total, prefix).toBeLessThanOrEqual(100);
      let lost = 0;
      for (const d of score.dimensions) {
        for (const x of d.deductions) {
          expect(result.findings[x.finding]?.ruleId).toBe(x.ruleId);
          lost += x.totalPoints;
        }
      }
      expect(Math.abs(100 - lost - score.total), prefix).toBeLessThan(0.2);
    }
    // S3 has no publication date: timeliness does not apply.
    const s3 = (await checked('003')).result.score.dimensions.find((d) => d.id === 'Q1');
    expect(s3?.applicable).toBe(false);
  });
});
