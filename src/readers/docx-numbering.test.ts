import { describe, expect, it } from 'vitest';
import { chineseCounting, formatNumber } from './docx-numbering.js';

describe('chineseCounting', () => {
  it('writes numbers the way 公文 headings do', () => {
    const cases: [number, string][] = [
      [1, '一'],
      [9, '九'],
      [10, '十'],
      [11, '十一'],
      [19, '十九'],
      [20, '二十'],
      [21, '二十一'],
      [99, '九十九'],
      [100, '一百'],
      [101, '一百零一'],
      [110, '一百一十'],
      [1005, '一千零五'],
      [10001, '一万零一'],
      [0, '〇'],
    ];
    expect(cases.map(([n]) => chineseCounting(n))).toEqual(cases.map(([, s]) => s));
  });
});

describe('formatNumber', () => {
  it('renders every format Chinese reports use', () => {
    const cases: [number, string, string][] = [
      [3, 'decimal', '3'],
      [12, 'chineseCounting', '十二'],
      [12, 'chineseCountingThousand', '十二'],
      [12, 'taiwaneseCounting', '十二'],
      [12, 'japaneseCounting', '十二'],
      [12, 'chineseLegalSimplified', '拾贰'],
      [2, 'ideographTraditional', '乙'],
      [11, 'ideographTraditional', '甲'],
      [1, 'ideographZodiac', '子'],
      [3, 'decimalEnclosedCircle', '③'],
      [20, 'decimalEnclosedCircle', '⑳'],
      [21, 'decimalEnclosedCircle', '㉑'],
      [36, 'decimalEnclosedCircleChinese', '㊱'],
      [51, 'decimalEnclosedCircle', '51'],
      [2, 'decimalEnclosedParen', '⑵'],
      [1, 'ideographEnclosedCircle', '㈠'],
      [12, 'decimalFullWidth', '１２'],
      [5, 'decimalZero', '05'],
      [28, 'upperLetter', 'BB'],
      [2, 'lowerLetter', 'b'],
      [14, 'upperRoman', 'XIV'],
      [9, 'lowerRoman', 'ix'],
      [3, 'bullet', ''],
      [3, 'none', ''],
      [7, 'somethingNew', '7'],
    ];
    expect(cases.map(([n, f]) => formatNumber(n, f))).toEqual(cases.map(([, , s]) => s));
  });
});
