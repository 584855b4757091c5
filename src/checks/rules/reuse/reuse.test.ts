import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../config.js';
import { runCorpusRules } from '../../engine.js';
import { checkText, reportText } from '../../testing/fixtures.js';
import type { CorpusFacts, CorpusReuse } from '../../types.js';

const passage = (
  kind: CorpusReuse['kind'],
  similarity: number,
  matchedChars: number,
  at = 100,
): CorpusReuse => ({
  kind,
  span: { start: at, end: at + matchedChars },
  other: {
    reportId: '42',
    span: { start: 7, end: 7 + matchedChars },
    year: 2022,
    title: '某县2022年法治政府建设年度报告',
  },
  similarity,
  matchedChars,
});

describe('reuse rules', () => {
  const corpus: CorpusFacts = {
    reuse: [
      passage('cross-unit', 0.95, 120, 100),
      passage('cross-unit', 0.7, 120, 300), // below minSimilarity
      passage('cross-unit', 0.9, 40, 500), // below minChars
      passage('same-unit-other-year', 0.92, 80, 700),
    ],
  };

  it('report the close copies, with the other report as related location', () => {
    const { findings } = runCorpusRules(corpus, resolveConfig());
    expect(findings.map((f) => [f.finding.ruleId, f.finding.span.start, f.finding.severity])).toEqual([
      ['reuse/copied-paragraph', 100, 'warning'],
      ['reuse/reused-from-other-year', 700, 'info'],
    ]);
    const copied = findings[0]?.finding;
    expect(copied?.message).toBe(
      '本段与其他单位报告“某县2022年法治政府建设年度报告”的段落高度雷同（相似度 95%，120 字）',
    );
    expect(copied?.related).toEqual([
      { reportId: '42', span: { start: 7, end: 127 }, note: '雷同段落（相似度 95%）' },
    ]);
    expect(findings[1]?.finding.message).toContain('本单位2022年度报告');
  });

  it('follow the configuration: thresholds, severity, off', () => {
    const lower = runCorpusRules(
      corpus,
      resolveConfig({
        rules: {
          'reuse/copied-paragraph': ['error', { minSimilarity: 0.6, minChars: 30 }],
          'reuse/reused-from-other-year': 'off',
        },
      }),
    );
    expect(lower.findings.map((f) => [f.finding.span.start, f.finding.severity])).toEqual([
      [100, 'error'],
      [300, 'error'],
      [500, 'error'],
    ]);
  });

  it('run inside a check when the corpus is given, and cost points in Q11', () => {
    const text = reportText();
    const alone = checkText(text);
    expect(alone.findings.some((f) => f.ruleId.startsWith('reuse/'))).toBe(false);
    const withCorpus = checkText(text, { run: { corpus } });
    const reuse = withCorpus.findings.filter((f) => f.ruleId.startsWith('reuse/'));
    expect(reuse).toHaveLength(2);
    const q11 = (r: typeof alone) => r.score.dimensions.find((d) => d.id === 'Q11');
    expect(q11(withCorpus)?.deductions.map((d) => d.ruleId)).toEqual(
      expect.arrayContaining(['reuse/copied-paragraph', 'reuse/reused-from-other-year']),
    );
    expect(withCorpus.score.total).toBeLessThan(alone.score.total);
  });
});
