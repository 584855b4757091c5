/** The four figures/* rules, fed with inconsistencies made by hand (the checker is a seam). */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../core/analyze.js';
import type { Inconsistency } from '../../consistency-source.js';
import { loadCheckData } from '../../load.js';
import { findingsOf, reportOf, reportText } from '../../testing/fixtures.js';
import type { CheckData } from '../../types.js';

const TEXT = reportText();

/** Check data whose consistency checker returns what `make` builds from the report's figures. */
function withInconsistencies(make: (report: Report) => Inconsistency[]): CheckData {
  return { ...loadCheckData(), consistency: make };
}

function figuresOf(report: Report, ...keys: string[]): Report['figures'] {
  return keys.map((k) => {
    const f = report.figures.find((x) => x.key === k);
    if (!f) throw new Error(`no figure ${k} in ${report.figures.map((x) => x.key).join(', ')}`);
    return f;
  });
}

const report = reportOf(TEXT);
const reconsideration = report.figures.filter((f) => f.key.startsWith('reconsideration.')).map((f) => f.key);

describe('figures/*', () => {
  it('has the reconsideration figures the cases use', () => {
    expect(reconsideration.length).toBeGreaterThanOrEqual(2);
  });

  it('report nothing when the consistency checks find nothing (or are not wired)', () => {
    for (const id of [
      'figures/sum-mismatch',
      'figures/rate-mismatch',
      'figures/order-violation',
      'figures/stock-flow',
    ]) {
      expect(findingsOf(id, TEXT)).toEqual([]);
      expect(findingsOf(id, TEXT, undefined, { data: withInconsistencies(() => []) })).toEqual([]);
    }
  });

  it('route each check type to its rule, keeping the check severity relative to warning', () => {
    const data = withInconsistencies((r) => {
      const [a, b] = figuresOf(r, ...(reconsideration.slice(0, 2) as [string, string]));
      const base = { figures: [a, b], message: 'test', relation: 'closed ≤ accepted' };
      return [
        { ...base, check: 'order', severity: 'warning', expected: '50 ≤ 56', actual: '60 > 56' },
        { ...base, check: 'rate-range', severity: 'error', expected: '≤ 100%', actual: '120%' },
        { ...base, check: 'rate', severity: 'info', expected: '89.29%', actual: '85%' },
        { ...base, check: 'partial-sum', severity: 'warning', expected: '56', actual: '60' },
        { ...base, check: 'stock-flow', severity: 'warning', expected: '246', actual: '228' },
      ] as Inconsistency[];
    });
    const order = findingsOf('figures/order-violation', TEXT, undefined, { data });
    expect(order).toHaveLength(1);
    expect(order[0]?.severity).toBe('warning');
    expect(order[0]?.related).toHaveLength(1);
    expect(TEXT.slice(order[0]?.span.start, order[0]?.span.end)).toContain('56件');
    const rates = findingsOf('figures/rate-mismatch', TEXT, undefined, { data });
    expect(rates.map((f) => [f.messageId, f.severity])).toEqual([
      ['range', 'error'],
      ['rate', 'info'],
    ]);
    expect(rates[0]?.message).toBe('比率超出范围：test');
    expect(findingsOf('figures/sum-mismatch', TEXT, undefined, { data }).map((f) => f.messageId)).toEqual([
      'partialSum',
    ]);
    expect(findingsOf('figures/stock-flow', TEXT, undefined, { data })[0]?.expected).toBe('246');
    // Configured as error, the whole rule moves up: an info-level rate finding becomes a warning.
    const raised = findingsOf('figures/rate-mismatch', TEXT, 'error', { data });
    expect(raised.map((f) => f.severity)).toEqual(['error', 'warning']);
  });
});
