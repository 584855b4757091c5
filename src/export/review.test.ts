import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks/index.js';
import { loadKnowledge } from '../knowledge/load.js';
import { toContract } from '../output/contract.js';
import { analyzeBytes } from '../pipeline.js';
import { readDocx } from '../readers/docx.js';
import { labels } from '../server/labels.js';
import { buildReview, type ReviewInput } from './review.js';
import { renderReviewDocx } from './review-docx.js';

const fixture = new URL('../../test/fixtures/reports/county-gov-2023.txt', import.meta.url).pathname;
const knowledge = loadKnowledge();

/** The fixture with defects of our own: a garbled date (with its fix) and a template placeholder. */
async function input(name: string, edit: (text: string) => string = (t) => t): Promise<ReviewInput> {
  const text = edit(readFileSync(fixture, 'utf8'));
  const analyzed = await analyzeBytes(new TextEncoder().encode(text), name, { knowledge });
  return {
    reading: toContract(name, analyzed, checkReport(analyzed.report, knowledge)),
    text: analyzed.report.text,
  };
}

const defective = (t: string) =>
  t
    .replace('县长带头开展年度述法', '820日，县长带头开展年度述法')
    .replace('持续推进行政执法“三项制度”', '持续推进XX项制度');

describe('review document', () => {
  it('lists every finding with the text it points at, most severe first', async () => {
    const r = await input('defects.txt', defective);
    const review = buildReview([r], labels());
    const [s] = review.sections;
    expect(s?.findings).toHaveLength(r.reading.findings?.length ?? -1);
    const severities = s?.findings.map((f) => f.severity) ?? [];
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b),
      ),
    );
    const date = s?.findings.find((f) => f.ruleId === 'text/garbled-date');
    expect(date?.quote).toBe('820日');
    expect(date?.fix).toBe('8月20日');
    expect(date?.severityLabel).toBe('警告');
    const residue = s?.findings.find((f) => f.ruleId === 'text/template-residue');
    expect(residue?.quote).toContain('XX');
    expect(s?.counts.error).toBe(s?.findings.filter((f) => f.severity === 'error').length);
    expect(s?.facts).toContainEqual(['行政区划', '河北省邢台市清河县（130534，县级）']);
    expect(s?.figures).toContainEqual({
      name: '受理行政复议',
      value: '86件',
      quote: '全年受理行政复议申请86件',
    });
    expect(s?.score?.total).toBe(r.reading.score?.total);
  });

  it('renders as a Word file that reads back with the findings, quotes and summary', async () => {
    const inputs = [await input('clean.txt'), await input('defects.txt', defective)];
    const review = buildReview(inputs, labels());
    const bytes = await renderReviewDocx(review, new Date('2026-12-07T00:00:00Z'));
    const text = readDocx(bytes).text;
    expect(text).toContain('法治政府建设年度报告审阅意见（2 篇）');
    expect(text).toContain('fazhi 自动审阅生成于 2026-12-07');
    // The summary table: one row per report.
    expect(text).toContain('汇总');
    expect(text.match(/清河县人民政府/gu)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('“820日”');
    expect(text).toContain('建议改为：');
    expect(text).toContain('“8月20日”');
    expect(text).toContain('全年受理行政复议申请86件');
    for (const f of review.sections[1]?.findings ?? []) expect(text).toContain(f.message);
  });
});
