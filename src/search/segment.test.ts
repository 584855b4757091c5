import { describe, expect, it } from 'vitest';
import { searchTokens, segmentForIndex, termTokens } from './segment.js';

describe('segmentation for search', () => {
  it('indexes words and their dictionary sub-words, without punctuation', () => {
    const tokens = searchTokens('全年受理行政复议申请115件，出庭应诉率达到100%。');
    expect(tokens).toEqual(
      expect.arrayContaining(['行政', '复议', '行政复议', '115', '出庭', '应诉', '出庭应诉率']),
    );
    expect(tokens).not.toContain('，');
    expect(tokens).not.toContain('%');
  });

  it('keeps domain words whole', () => {
    expect(searchTokens('法治政府建设')).toEqual(
      expect.arrayContaining(['法治政府', '法治', '政府', '建设']),
    );
  });

  it('joins tokens with single spaces', () => {
    expect(segmentForIndex('行政复议，应诉')).toBe('行政 复议 行政复议 应诉');
  });

  it('turns a query term into the tokens a matching report is sure to have', () => {
    expect(termTokens('行政复议')).toEqual(['行政', '复议']);
    expect(termTokens('规范性文件').sort()).toEqual(['文件', '范性', '规范'].sort());
    // 率 is left out: in a report it is often part of a longer word.
    expect(termTokens('应诉率')).toEqual(['应诉']);
    expect(termTokens('率')).toEqual([]);
    expect(termTokens('APP')).toEqual(['app']);
  });

  it('finds every query token among the tokens of a text containing the term', () => {
    const text = '依法行政复议工作稳步推进，行政机关负责人出庭应诉率100%，规范性文件备案审查';
    const indexed = new Set(searchTokens(text).map((t) => t.toLowerCase()));
    for (const term of ['行政复议', '应诉率', '出庭应诉', '规范性文件', '备案审查', '复议']) {
      for (const token of termTokens(term)) expect(indexed, `${term} → ${token}`).toContain(token);
    }
  });
});
