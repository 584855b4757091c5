import { describe, expect, it } from 'vitest';
import { findingsOf, reportText } from '../../testing/fixtures.js';

const RULE = 'content/no-reasons';
const NO_REASONS = [
  '二、存在的不足和原因',
  '一是基层执法力量不足。二是规范性文件质量有待提高。三是法治宣传形式比较单一。',
].join('\n');

describe(RULE, () => {
  it('does not fire when causes are analysed', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
    const caused = NO_REASONS.replace('有待提高。', '有待提高，受人员流动影响较大。');
    expect(findingsOf(RULE, reportText({ shortcomings: caused }))).toEqual([]);
  });

  it('fires when problems are listed without causes, even under a heading that says 原因', () => {
    const text = reportText({ shortcomings: NO_REASONS });
    const [f] = findingsOf(RULE, text);
    expect(f?.severity).toBe('warning');
    expect(text.slice(f?.span.start, f?.span.end)).toBe('二、存在的不足和原因');
  });

  it('looks only at the problems of a section that also holds the plans', () => {
    const merged = [
      '二、存在的问题和下一步工作打算',
      '我县法治政府建设还存在一些薄弱环节，执法人员力量不足。',
      '下一步，我们将在6月底前完成规范性文件清理，解决由于人员不足导致的问题。',
    ].join('\n');
    const text = reportText({ shortcomings: merged, plans: '' });
    const [f] = findingsOf(RULE, text);
    expect(f?.messageId).toBe('noReasons');
    expect(text.slice(f?.span.start, f?.span.end)).toContain('薄弱环节');
  });

  it('takes the cues from the options', () => {
    const text = reportText({ shortcomings: NO_REASONS });
    expect(findingsOf(RULE, text, ['warning', { cues: ['单一'] }])).toEqual([]);
  });
});
