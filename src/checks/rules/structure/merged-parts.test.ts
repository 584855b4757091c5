import { describe, expect, it } from 'vitest';
import { findingsOf, reportText } from '../../testing/fixtures.js';

const RULE = 'structure/merged-parts';

const MERGED = [
  '二、存在的问题和下一步工作打算',
  '我县法治政府建设还存在一些薄弱环节，执法人员力量不足。',
  '下一步，我们将在6月底前完成规范性文件清理，全年培训执法人员不少于4期。',
].join('\n');

describe(RULE, () => {
  it('does not fire on separate sections', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
  });

  it('fires on a section holding problems and plans', () => {
    const text = reportText({ shortcomings: MERGED, plans: '' });
    const [f] = findingsOf(RULE, text);
    expect(f?.severity).toBe('info');
    expect(f?.data?.parts).toBe('shortcomings+plans');
    expect(text.slice(f?.span.start, f?.span.end)).toBe('二、存在的问题和下一步工作打算');
  });
});
