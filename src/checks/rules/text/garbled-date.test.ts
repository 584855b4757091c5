import { describe, expect, it } from 'vitest';
import { findingsOf, MEASURES, reportText } from '../../testing/fixtures.js';

const RULE = 'text/garbled-date';

describe(RULE, () => {
  it('does not fire on well-formed dates', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
  });

  it('fires on a month-day that lost 月, with a fix', () => {
    const text = reportText({
      measures: `${MEASURES}\n(十一)开展专项督察。1016日至20日，县政府组织督察组开展法治督察。`,
    });
    const [f, ...rest] = findingsOf(RULE, text);
    expect(rest).toEqual([]);
    expect(text.slice(f?.span.start, f?.span.end)).toBe('1016日');
    expect(f?.message).toBe('日期“1016日”缺少“年”“月”等字，应为“10月16日”');
    expect(f?.fix).toEqual({ span: f?.span, text: '10月16日' });
    expect(f?.severity).toBe('warning');
  });

  it('fires on a month-day that lost 月 after a year', () => {
    const text = reportText({
      measures: `${MEASURES}\n(十一)开展专项督察。2023年820日，县政府组织督察组开展法治督察。`,
    });
    const found = findingsOf(RULE, text);
    expect(found.map((f) => [text.slice(f.span.start, f.span.end), f.fix?.text])).toEqual([
      ['820日', '8月20日'],
    ]);
  });

  it('fires on a signature date without separators, keeping the year', () => {
    const text = reportText({ signature: '某某县人民政府\n2023210' });
    const found = findingsOf(RULE, text);
    expect(found.map((f) => f.fix?.text)).toEqual(['2023年2月10日']);
  });

  it('gives no fix when the repair is ambiguous', () => {
    // 2023 is known; "1131日" reads as 11月31日 (invalid) or 113月1日 (invalid): no reading → no fix.
    const text = reportText({ measures: `${MEASURES}\n(十一)召开会议。1131日召开专题会议。` });
    const found = findingsOf(RULE, text);
    for (const f of found) {
      expect(f.fix).toBeUndefined();
      expect(f.messageId).toBe('ambiguous');
    }
  });
});
