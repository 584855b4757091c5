import { describe, expect, it } from 'vitest';
import { findingsOf, reportText } from '../../testing/fixtures.js';

const RULE = 'structure/missing-part';

describe(RULE, () => {
  it('does not fire on a report with the four parts', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
  });

  it('fires once per missing part, as an error, at the title', () => {
    const text = reportText({ shortcomings: '', leadership: '' });
    const found = findingsOf(RULE, text);
    expect(found.map((f) => f.data?.part)).toEqual(['shortcomings', 'leadership']);
    expect(found.every((f) => f.severity === 'error' && f.messageId === 'missing')).toBe(true);
    expect(found[0]?.message).toContain('存在的不足和原因');
    expect(text.slice(found[0]?.span.start, found[0]?.span.end)).toContain('法治政府建设情况的报告');
  });

  it('does not fire for a part that is only embedded (embedded-part reports that)', () => {
    const measures = `${reportText({ shortcomings: '', leadership: '', plans: '', header: '', title: '', preamble: '', signature: '' })}`;
    const text = reportText({
      measures: `${measures}\n(十一)压实责任。县政府主要负责人认真履行推进法治建设第一责任人职责，主持研究法治工作3次。`,
      leadership: '',
    });
    expect(findingsOf(RULE, text)).toEqual([]);
  });

  it('takes the required parts from the options', () => {
    const text = reportText({ plans: '' });
    expect(findingsOf(RULE, text, ['error', { parts: ['measures', 'shortcomings', 'leadership'] }])).toEqual(
      [],
    );
    expect(findingsOf(RULE, text).map((f) => f.data?.part)).toEqual(['plans']);
  });

  it('does not take a closing promise ("认真加以解决") for a plans part', () => {
    const shortcomings = [
      '二、2022年度推进法治政府建设存在的不足和原因',
      '一是基层执法力量不足，主要是编制少。二是宣传形式单一。这些问题需要在今后的工作中认真加以解决。',
    ].join('\n');
    const text = reportText({ shortcomings, plans: '' });
    expect(findingsOf(RULE, text).map((f) => f.data?.part)).toEqual(['plans']);
    expect(findingsOf('structure/merged-parts', text)).toEqual([]);
  });
});
