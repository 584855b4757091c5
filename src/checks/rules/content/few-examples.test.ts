import { describe, expect, it } from 'vitest';
import { findingsOf, MEASURES, reportText } from '../../testing/fixtures.js';

const RULE = 'content/few-examples';

describe(RULE, () => {
  it('does not fire when cases, documents and honours are named', () => {
    const measures = `${MEASURES}\n(十一)我县被评为全省法治政府建设示范县，制定《某某县重大行政决策程序规定》。`;
    expect(findingsOf(RULE, reportText({ measures }))).toEqual([]);
  });

  it('fires on a report of slogans', () => {
    const measures = MEASURES.replace(/《[^》]*》|典型案例/gu, '材料');
    const plans = '四、2023年度推进法治政府建设的主要安排\n一是在6月底前完成文件清理。';
    const [f] = findingsOf(RULE, reportText({ measures, plans }));
    expect(f?.messageId).toBe('few');
    expect(Number(f?.actual)).toBeLessThan(3);
  });
});
