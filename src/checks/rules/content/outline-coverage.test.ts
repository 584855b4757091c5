import { describe, expect, it } from 'vitest';
import { findingsOf, MEASURES, reportText } from '../../testing/fixtures.js';

const RULE = 'content/outline-coverage';

describe(RULE, () => {
  it('does not fire when the measures touch every area', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
  });

  it('fires listing the areas left out, with the share as extent', () => {
    const measures = MEASURES.split('\n')
      .filter((l) => !/突发事件|数字政府/u.test(l))
      .join('\n');
    const [f, ...rest] = findingsOf(RULE, reportText({ measures }));
    expect(rest).toEqual([]);
    expect(f?.data?.missing).toBe('A06,A09');
    expect(f?.message).toBe('主要举措未涉及纲要的2个领域：A06 突发事件应对、A09 数字法治政府');
    expect(f?.extent).toBeCloseTo(0.2);
  });

  it('expects only the areas of the options', () => {
    const measures = MEASURES.split('\n')
      .filter((l) => !/突发事件/u.test(l))
      .join('\n');
    expect(findingsOf(RULE, reportText({ measures }), ['info', { areas: ['A05', 'A07'] }])).toEqual([]);
  });
});
