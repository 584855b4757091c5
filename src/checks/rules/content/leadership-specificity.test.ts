import { describe, expect, it } from 'vitest';
import { findingsOf, reportText } from '../../testing/fixtures.js';

const RULE = 'content/leadership-specificity';

describe(RULE, () => {
  it('does not fire when the part gives counts', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
  });

  it('fires when the part is slogans only', () => {
    const leadership = [
      '三、2022年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
      '县政府主要负责人认真履行推进法治建设第一责任人职责，高度重视法治政府建设，亲自部署、亲自过问。',
    ].join('\n');
    const text = reportText({ leadership });
    const [f] = findingsOf(RULE, text);
    expect(f?.severity).toBe('info');
    expect(text.slice(f?.span.start, f?.span.end)).toMatch(/^三、/u);
  });
});
