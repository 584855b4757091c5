import { describe, expect, it } from 'vitest';
import { findingsOf, reportText } from '../../testing/fixtures.js';

const RULE = 'content/data-density';

const WORDY = [
  '一、2022年度推进法治政府建设的主要举措和成效',
  ...Array.from(
    { length: 12 },
    (_, i) =>
      `(${'一二三四五六七八九十'[i % 10]})持续深化法治政府建设。坚持高位推动，强化统筹协调，健全工作机制，压实工作责任，推动各项任务落地见效，法治政府建设水平不断提升。`,
  ),
].join('\n');

describe(RULE, () => {
  it('does not fire on a report with data', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
  });

  it('fires when there are few numeric facts per 1,000 characters', () => {
    const [f] = findingsOf(RULE, reportText({ measures: WORDY }));
    expect(f?.messageId).toBe('low');
    expect(Number(f?.actual)).toBeLessThan(5);
    expect(f?.extent).toBeGreaterThan(0);
  });

  it('takes the threshold from the options', () => {
    expect(findingsOf(RULE, reportText({ measures: WORDY }), ['info', { min: 0.5 }])).toEqual([]);
  });
});
