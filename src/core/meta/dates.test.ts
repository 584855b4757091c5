import { describe, expect, it } from 'vitest';
import { findFullDates, findGarbledMonthDays, parseLooseDate } from './dates.js';

describe('findFullDates', () => {
  it('reads the forms reports use', () => {
    // The last one typed with ○ (U+25CB) for 〇, as many documents are.
    const text =
      '2023年1月31日;发布时间:2023-03-17 17:01;2023/3/5;2023.03.09;二〇二三年一月三十一日;二○二四年三月十五日';
    expect(findFullDates(text).map((d) => d.iso)).toEqual([
      '2023-01-31',
      '2023-03-17',
      '2023-03-05',
      '2023-03-09',
      '2023-01-31',
      '2024-03-15',
    ]);
  });

  it('rejects impossible dates and index numbers', () => {
    expect(findFullDates('2023年2月30日')).toEqual([]);
    expect(findFullDates('MB1A08302/2023-02723')).toEqual([]);
  });

  it('gives exact spans', () => {
    const text = '落款 2024年 2月 28日 止';
    const [d] = findFullDates(text);
    expect(d && text.slice(d.start, d.end)).toBe('2024年 2月 28日');
  });
});

describe('parseLooseDate', () => {
  it('repairs a signature date that lost its separators when only one reading is valid', () => {
    expect(parseLooseDate('2024228')).toMatchObject({ iso: '2024-02-28', garbled: true });
    expect(parseLooseDate('20240228')).toMatchObject({ iso: '2024-02-28', garbled: true });
    expect(parseLooseDate('2023年131日')).toMatchObject({ iso: '2023-01-31', garbled: true });
  });

  it('keeps an ambiguous date raw with all its readings', () => {
    const d = parseLooseDate('2024112');
    expect(d?.iso).toBeNull();
    expect(d?.readings).toEqual(['2024-01-12', '2024-11-02']);
  });

  it('reads a well-formed date as not garbled', () => {
    expect(parseLooseDate('2023年1月31日')).toMatchObject({ iso: '2023-01-31', garbled: false });
  });

  it('returns null for text without a date', () => {
    expect(parseLooseDate('天门市人民政府')).toBeNull();
  });
});

describe('findGarbledMonthDays', () => {
  it('finds month-days that lost 月 and repairs them with the report year', () => {
    const found = findGarbledMonthDays('820日,我县材料被推荐上报;1016日至20日开展培训;共15日', 2023);
    expect(found.map((d) => [d.raw, d.iso])).toEqual([
      ['820日', '2023-08-20'],
      ['1016日', '2023-10-16'],
    ]);
  });

  it('does not flag well-formed dates', () => {
    expect(findGarbledMonthDays('8月20日召开会议,2023年10月16日', 2023)).toEqual([]);
  });
});
