import { describe, expect, it } from 'vitest';
import { findingsOf, MEASURES, reportOf, reportText } from '../../testing/fixtures.js';

const RULE = 'structure/embedded-part';
const EMBEDDED = `${MEASURES}\n(十一)压实法治建设责任。县政府主要负责人认真履行推进法治建设第一责任人职责，主持研究法治工作3次。`;

describe(RULE, () => {
  it('does not fire when each part has its own section', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
  });

  it('fires when the first-responsible duties live inside the measures part', () => {
    const text = reportText({ measures: EMBEDDED, leadership: '' });
    const report = reportOf(text);
    const [f, ...rest] = findingsOf(RULE, text);
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('warning');
    expect(f?.data?.part).toBe('leadership');
    expect(f?.message).toMatch(/没有单独成节，只出现在“一、2022年度推进法治政府建设的主要举措和成效”中/u);
    expect(text.slice(f?.span.start, f?.span.end)).toContain('第一责任人');
    expect(f?.related?.[0]?.span).toEqual(report.parts[0]?.headingSpan);
  });

  it('leaves kinds the options do not list alone', () => {
    const text = reportText({ measures: EMBEDDED, leadership: '' });
    expect(findingsOf(RULE, text, ['warning', { parts: ['shortcomings'] }])).toEqual([]);
  });
});
