import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../synth/gbk.js';
import { decodeText, parseCsv, parseSpreadsheet } from './csv.js';
import { deadlineFor, normalizeDeadline, RosterError, rosterFromRows } from './roster.js';

describe('spreadsheets', () => {
  it('parses CSV with quotes, doubled quotes, CRLF and blank lines', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n\r\n1,2\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', '2'],
    ]);
  });

  it('guesses tab and semicolon separators', () => {
    expect(parseCsv('单位名称\t代码\n某县\t130500')).toEqual([
      ['单位名称', '代码'],
      ['某县', '130500'],
    ]);
    expect(parseCsv('a;b\n1;2')[1]).toEqual(['1', '2']);
  });

  it('decodes UTF-8 with and without BOM, UTF-16 and GBK', () => {
    const text = '单位名称,行政区划代码';
    expect(decodeText(new TextEncoder().encode(`\ufeff${text}`))).toBe(text);
    expect(decodeText(new TextEncoder().encode(text))).toBe(text);
    expect(decodeText(encodeGbk(text))).toBe(text);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(utf16)).toBe(text);
  });

  it('reads the first sheet of an XLSX workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('名册');
    sheet.addRow(['单位名称', '行政区划代码', '截止日期']);
    sheet.addRow(['某市人民政府', 130500, new Date(Date.UTC(2025, 2, 31))]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await parseSpreadsheet(bytes)).toEqual([
      ['单位名称', '行政区划代码', '截止日期'],
      ['某市人民政府', '130500', '2025-03-31'],
    ]);
  });
});

describe('roster', () => {
  it('maps Chinese and English headers, unit kinds and deadlines', () => {
    const units = rosterFromRows([
      ['序号', '单位', '区划代码', '类型', '报送期限', '联系人', '备注'],
      ['1', '某市人民政府', '130500', '政府', '3月31日', '张三', ''],
      ['2', '某市司法局', '1305', '部门', '2025-02-28', '', '部门'],
      ['3', '', '', '', '', '', ''],
    ]);
    expect(units).toEqual([
      {
        ord: 1,
        name: '某市人民政府',
        code: '130500',
        unitKind: 'government',
        deadline: '03-31',
        contact: '张三',
        note: null,
      },
      {
        ord: 2,
        name: '某市司法局',
        code: '1305',
        unitKind: 'department',
        deadline: '2025-02-28',
        contact: null,
        note: '部门',
      },
    ]);
  });

  it('takes the first column as the unit without a header', () => {
    expect(
      rosterFromRows([
        ['某县人民政府', '130521'],
        ['某镇人民政府', ''],
      ]).map((u) => [u.name, u.code]),
    ).toEqual([
      ['某县人民政府', '130521'],
      ['某镇人民政府', null],
    ]);
  });

  it('says which row is wrong', () => {
    expect(() =>
      rosterFromRows([
        ['单位名称', '行政区划代码'],
        ['某县', '河北'],
      ]),
    ).toThrow(/第2行.*应为数字/u);
    expect(() =>
      rosterFromRows([
        ['单位名称', '截止日期'],
        ['某县', '下个月'],
      ]),
    ).toThrow(RosterError);
    expect(() => rosterFromRows([['单位名称']])).toThrow(/没有单位/u);
  });

  it('normalizes deadlines and applies them to the year after the report year', () => {
    expect(normalizeDeadline('2025/3/1')).toBe('2025-03-01');
    expect(normalizeDeadline('2025年3月1日')).toBe('2025-03-01');
    expect(normalizeDeadline('3-1')).toBe('03-01');
    expect(normalizeDeadline('')).toBeNull();
    expect(deadlineFor({ deadline: null }, 2023)).toBe('2024-03-31');
    expect(deadlineFor({ deadline: '02-28' }, 2023)).toBe('2024-02-28');
    expect(deadlineFor({ deadline: '2024-04-15' }, 2023)).toBe('2024-04-15');
  });
});
