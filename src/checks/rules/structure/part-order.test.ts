import { describe, expect, it } from 'vitest';
import { findingsOf, LEADERSHIP, reportText, SHORTCOMINGS } from '../../testing/fixtures.js';

const RULE = 'structure/part-order';

describe(RULE, () => {
  it('does not fire on the canonical order', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
  });

  it('fires when the shortcomings come after the first-responsible part', () => {
    const swapped = reportText({
      shortcomings: LEADERSHIP.replace('三、', '二、'),
      leadership: SHORTCOMINGS.replace('二、', '三、'),
    });
    const [f, ...rest] = findingsOf(RULE, swapped);
    expect(rest).toEqual([]);
    expect(f?.data?.name).toBe('存在的不足和原因');
    expect(swapped.slice(f?.span.start, f?.span.end)).toMatch(/^三、.*不足和原因$/u);
  });

  it('is off in the recommended preset', async () => {
    const { resolveConfig } = await import('../../config.js');
    expect(resolveConfig().rules[RULE]).toBeUndefined();
    expect(resolveConfig({ extends: 'strict' }).rules[RULE]?.severity).toBe('info');
  });
});
