import { describe, expect, it } from 'vitest';
import { findingsOf, reportText } from '../../testing/fixtures.js';

const RULE = 'content/vague-plans';
const VAGUE = [
  '四、2023年度推进法治政府建设的主要安排',
  '一是进一步提高政治站位，持续深化法治政府建设。二是进一步加强执法队伍建设，不断提升执法水平。',
].join('\n');

describe(RULE, () => {
  it('does not fire on plans with numbers, deadlines, instruments or owners', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
    for (const extra of [
      '三是年底前完成执法证件换发。',
      '三是贯彻《行政复议法》。',
      '三是由县司法局牵头开展评查。',
      '三是培训执法人员200人次。',
    ]) {
      expect(findingsOf(RULE, reportText({ plans: `${VAGUE}${extra}` }))).toEqual([]);
    }
  });

  it('fires on plans with nothing measurable (a year alone is not a target)', () => {
    const text = reportText({ plans: `${VAGUE}三是做好2023年度各项工作。` });
    const [f] = findingsOf(RULE, text);
    expect(f?.messageId).toBe('vague');
    expect(f?.severity).toBe('info');
    expect(text.slice(f?.span.start, f?.span.end)).toBe('四、2023年度推进法治政府建设的主要安排');
  });

  it('requires `min` measurable sentences', () => {
    const found = findingsOf(RULE, reportText(), ['info', { min: 5 }]);
    expect(found.map((f) => f.messageId)).toEqual(['few']);
    expect(found[0]?.extent).toBeGreaterThan(0);
  });
});
