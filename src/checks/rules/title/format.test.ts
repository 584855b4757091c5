import { describe, expect, it } from 'vitest';
import { findingsOf, reportText } from '../../testing/fixtures.js';

const RULE = 'title/format';

describe(RULE, () => {
  it('does not fire on a complete title', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
  });

  it('fires on a title without a reporter', () => {
    const found = findingsOf(RULE, reportText({ title: '关于2022年度法治政府建设情况的报告' }));
    expect(found.map((f) => f.messageId)).toEqual(['noSubject']);
    expect(found[0]?.severity).toBe('info');
  });

  it('fires on a title that does not end in 报告', () => {
    const found = findingsOf(RULE, reportText({ title: '某某县人民政府2022年度法治政府建设工作总结' }));
    expect(found.map((f) => f.messageId)).toEqual(['notReport']);
  });

  it('checks a province-prescribed name, one step higher', () => {
    const title = '西安市某某区人民政府关于2022年法治政府建设情况的报告';
    const options = { prescribedNames: [{ province: '61', name: '法治政府建设年度报告' }] };
    const found = findingsOf(RULE, reportText({ title, signature: '西安市某某区人民政府\n2023年2月10日' }), [
      'info',
      options,
    ]);
    expect(found.map((f) => f.messageId)).toEqual(['prescribedName']);
    expect(found[0]?.severity).toBe('warning');
    // Not in that province: nothing.
    expect(findingsOf(RULE, reportText(), ['info', options])).toEqual([]);
  });
});
