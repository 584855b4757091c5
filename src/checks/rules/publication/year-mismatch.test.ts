import { describe, expect, it } from 'vitest';
import { findingsOf, PLANS, reportText } from '../../testing/fixtures.js';
import { yearsIn } from './year-mismatch.js';

const RULE = 'publication/year-mismatch';

describe(RULE, () => {
  it('does not fire when every year agrees', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
  });

  it('fires when the report year is not the publication year − 1', () => {
    const [f] = findingsOf(RULE, reportText({ header: '发布日期：2024-03-20' }));
    expect(f?.messageId).toBe('publishedYear');
    expect(f?.severity).toBe('error');
    expect(f?.expected).toBe('2023');
    expect(f?.actual).toBe('2024');
  });

  it('fires when the body opens on another year than the title', () => {
    const text = reportText({ preamble: '2021年，县政府坚持依法行政。现将有关情况报告如下：' });
    const [f] = findingsOf(RULE, text);
    expect(f?.messageId).toBe('bodyYear');
    expect(f?.severity).toBe('warning');
    expect(f?.actual).toBe('2022');
    expect(f?.expected).toBe('2021');
  });

  it('fires when the title names another year than the body reports on', () => {
    const text = reportText({ title: '某某县人民政府关于2021年度法治政府建设情况的报告' });
    const [f, ...rest] = findingsOf(RULE, text);
    expect(rest).toEqual([]);
    expect(f?.message).toBe('标题写的是2021年，正文开头写的是2022年');
    expect(text.slice(f?.span.start, f?.span.end)).toBe('2021');
    expect(text.slice(f?.related?.[0]?.span.start, f?.related?.[0]?.span.end)).toBe('2022');
  });

  it('without an opening year, compares the title with the year the part headings agree on (one finding)', () => {
    const text = reportText({
      title: '某某县人民政府关于2021年度法治政府建设情况的报告',
      preamble: '县政府坚持依法行政。现将有关情况报告如下：',
    });
    const found = findingsOf(RULE, text);
    expect(found.map((f) => f.message)).toEqual(['标题写的是2021年，各部分标题写的是2022年']);
  });

  it('fires when the next-year plans are not for year + 1', () => {
    const text = reportText({ plans: PLANS.replace('四、2023年度', '四、2022年度') });
    const [f] = findingsOf(RULE, text);
    expect(f?.messageId).toBe('planYear');
    expect(text.slice(f?.span.start, f?.span.end)).toBe('2022');
  });

  it('ignores year ranges and "since" phrases in headings', () => {
    expect(yearsIn('(2021—2025年)')).toEqual([]);
    expect(yearsIn('2020年以来的工作')).toEqual([]);
    expect(yearsIn('一、2022年度工作').map((y) => y.year)).toEqual([2022]);
  });
});
