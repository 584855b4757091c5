import { describe, expect, it } from 'vitest';
import { loadCheckData } from './load.js';
import { RULES } from './rules/index.js';
import { computeScore, type Rubric, rescore, type ScoredFinding, validateRubric } from './score.js';
import { checkText, reportText } from './testing/fixtures.js';
import type { Finding } from './types.js';

const RUBRIC: Rubric = {
  version: 1,
  dimensions: [
    {
      id: 'A',
      name: '甲',
      nameEn: 'A',
      weight: 60,
      description: '',
      costs: [{ rule: 'x/a', error: 50, warning: 20, max: 60 }],
    },
    {
      id: 'B',
      name: '乙',
      nameEn: 'B',
      weight: 40,
      description: '',
      requires: ['published'],
      costs: [{ rule: 'x/b', where: { part: 'plans' }, info: 100 }],
    },
  ],
};
const finding = (ruleId: string, extra: Partial<Finding> = {}): Finding => ({
  ruleId,
  severity: 'error',
  messageId: 'm',
  message: ruleId,
  span: { start: 0, end: 1 },
  ...extra,
});
const facts = { published: true, year: true, body: true };

describe('rescore', () => {
  const RUBRIC2: Rubric = {
    ...RUBRIC,
    dimensions: RUBRIC.dimensions.map((d) =>
      d.id === 'A' ? { ...d, costs: [...d.costs, { rule: 'corpus/c', error: 30, warning: 15, max: 40 }] } : d,
    ),
  };
  const own: ScoredFinding[] = [
    { finding: finding('x/a'), index: 0, baseSeverity: 'error' },
    { finding: finding('x/b', { data: { part: 'plans' } }), index: 1, baseSeverity: 'info' },
  ];
  const corpus = (n: number, from: number): ScoredFinding[] =>
    Array.from({ length: n }, (_, i) => ({
      finding: finding('corpus/c', { severity: 'warning' }),
      index: from + i,
      baseSeverity: 'warning' as const,
    }));

  it('adds findings as if they had been scored with the others', () => {
    const before = computeScore(own, RUBRIC2, facts);
    const after = rescore(before, RUBRIC2, (id) => id === 'corpus/c', corpus(3, 2));
    expect(after).toEqual(computeScore([...own, ...corpus(3, 2)], RUBRIC2, facts));
    // 15% of 60 twice, then the 40% cap: 9 + 9 + 6 points of A lost besides x/a's 30.
    expect(after.dimensions[0]?.lost).toBe(54);
    expect(after.total).toBeLessThan(before.total);
    expect(before.dimensions[0]?.deductions).toHaveLength(1); // the input is left alone
  });

  it('replaces the findings of the dropped rules, and with none gives the score back', () => {
    const before = computeScore(own, RUBRIC2, facts);
    const once = rescore(before, RUBRIC2, (id) => id === 'corpus/c', corpus(3, 2));
    const again = rescore(once, RUBRIC2, (id) => id === 'corpus/c', corpus(1, 2));
    expect(again).toEqual(computeScore([...own, ...corpus(1, 2)], RUBRIC2, facts));
    expect(rescore(once, RUBRIC2, (id) => id === 'corpus/c', [])).toEqual(before);
  });
});

describe('computeScore', () => {
  it('takes the cost of each finding at its base severity, capped per rule, with extent', () => {
    const score = computeScore(
      [
        { finding: finding('x/a'), index: 0, baseSeverity: 'error' },
        { finding: finding('x/a'), index: 1, baseSeverity: 'error' },
        { finding: finding('x/b', { data: { part: 'plans' }, extent: 0.5 }), index: 2, baseSeverity: 'info' },
        { finding: finding('x/b', { data: { part: 'other' } }), index: 3, baseSeverity: 'info' },
      ],
      RUBRIC,
      facts,
    );
    const [a, b] = score.dimensions;
    expect(a?.deductions.map((d) => d.points)).toEqual([30, 6]); // 50% of 60, then the 60% cap
    expect(a?.points).toBe(24);
    expect(b?.deductions.map((d) => [d.finding, d.points])).toEqual([[2, 20]]);
    expect(score.total).toBe(44);
  });

  it('leaves out dimensions whose facts are unknown and scales the rest to 100', () => {
    const score = computeScore([{ finding: finding('x/a'), index: 0, baseSeverity: 'warning' }], RUBRIC, {
      ...facts,
      published: false,
    });
    expect(score.dimensions[1]?.applicable).toBe(false);
    expect(score.total).toBe(80); // (60 - 12) / 60
    expect(score.dimensions[0]?.deductions[0]?.totalPoints).toBe(20);
  });
});

describe('data/rubric.json', () => {
  it('is valid: weights add to 100, every rule exists', () => {
    expect(validateRubric(loadCheckData().rubric, new Set(RULES.map((r) => r.meta.id)))).toEqual([]);
  });

  it('gives every recommended rule a cost somewhere', () => {
    const costed = new Set(loadCheckData().rubric.dimensions.flatMap((d) => d.costs.map((c) => c.rule)));
    expect(RULES.filter((r) => !costed.has(r.meta.id)).map((r) => r.meta.id)).toEqual([]);
  });

  it('scores a clean synthetic report 100 and a defective one lower, point by point', () => {
    expect(checkText(reportText()).score.total).toBe(100);
    const bad = checkText(reportText({ shortcomings: '', header: '发布日期：2023-05-01' }));
    expect(bad.score.total).toBeLessThan(80);
    const lost = bad.score.dimensions.flatMap((d) => d.deductions).reduce((s, d) => s + d.totalPoints, 0);
    expect(bad.score.total + lost).toBeCloseTo(100, 0);
    const q8 = bad.score.dimensions.find((d) => d.id === 'Q8');
    expect(q8?.deductions.map((d) => bad.findings[d.finding]?.data?.part)).toEqual(['shortcomings']);
  });

  it('does not move when a severity is reconfigured', () => {
    const text = reportText({ shortcomings: '' });
    const a = checkText(text).score.total;
    const b = checkText(text, { config: { rules: { 'structure/missing-part': 'info' } } }).score.total;
    expect(b).toBe(a);
  });
});
