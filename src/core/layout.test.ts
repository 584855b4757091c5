import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../knowledge/load.js';
import { findLayout, parseFieldLine } from './layout.js';
import { normalize } from './normalize.js';

const knowledge = loadKnowledge();

function layoutOf(source: string) {
  const { text } = normalize(source);
  const layout = findLayout(text, knowledge);
  const role = (i: number) => layout.paragraphs[i]?.role;
  const lines = text.split('\n');
  return { text, layout, roles: lines.map((_, i) => role(i)) };
}

describe('parseFieldLine', () => {
  it('reads several label/value pairs of one 政务公开 line, spaced labels included', () => {
    const line = '索 引 号 000000000/2024-00012 主题分类 司法 发布机构 某县人民政府';
    const fields = parseFieldLine(line, 100, knowledge);
    expect(fields?.map((f) => [f.field, f.value])).toEqual([
      ['indexNumber', '000000000/2024-00012'],
      ['topic', '司法'],
      ['publisher', '某县人民政府'],
    ]);
    const publisher = fields?.[2];
    expect(publisher && line.slice(publisher.span.start - 100, publisher.span.end - 100)).toBe(
      '某县人民政府',
    );
  });

  it('splits labels glued to the previous value by their colon', () => {
    const fields = parseFieldLine('发布时间:2023-03-14 12:59来源:某市司法局访问量:', 0, knowledge);
    expect(fields?.map((f) => [f.field, f.value])).toEqual([
      ['published', '2023-03-14 12:59'],
      ['source', '某市司法局'],
      ['views', ''],
    ]);
  });

  it('ignores lines that do not start with a label', () => {
    expect(parseFieldLine('全年发布时间较上年提前。', 0, knowledge)).toBeNull();
  });
});

describe('findLayout', () => {
  it('separates chrome, header fields, title, body, signature and trailer', () => {
    const { roles, layout, text } = layoutOf(
      [
        '当前位置: 首页 > 政府信息公开 > 法治政府建设年度报告',
        '成文日期: 2024-02-20 发布机构: 某县司法局',
        '某县司法局2023年度法治政府建设报告',
        '2024-03-01 10:00',
        '分享',
        '2023年,县司法局坚持依法行政,各项工作取得新成效。现将有关情况报告如下:',
        '一、主要举措和成效',
        '全年办理法律援助案件100件。',
        '某县司法局',
        '2024年2月20日',
        '打印 关闭',
        'Produced By 某某网站群',
      ].join('\n'),
    );
    expect(roles).toEqual([
      'header',
      'header',
      'title',
      'header',
      'header',
      'body',
      'body',
      'body',
      'signature',
      'signature',
      'trailer',
      'trailer',
    ]);
    expect(layout.fields.map((f) => [f.field, f.value])).toEqual([
      ['signed', '2024-02-20'],
      ['publisher', '某县司法局'],
      ['published', '2024-03-01 10:00'],
    ]);
    expect(layout.signature?.date?.iso).toBe('2024-02-20');
    expect(layout.signature?.issuers.map((s) => text.slice(s.start, s.end))).toEqual(['某县司法局']);
  });

  it('takes the last title-like line before the body when the page repeats the title', () => {
    const { layout, text } = layoutOf(
      [
        '关于2022年度法治政府建设情况的报告',
        '发布时间:2023-03-14',
        '字体:大 中 小',
        '关于2022年度法治政府建设情况的报告',
        '2022年,我市扎实推进法治政府建设,取得明显成效。',
      ].join('\n'),
    );
    expect(layout.titleIndex).toBe(3);
    expect(layout.title && text.slice(layout.title.start, layout.title.end)).toBe(
      '关于2022年度法治政府建设情况的报告',
    );
  });

  it('reads a header line that opens with the author', () => {
    const line = '作者:县司法局  发布时间:2024-03-12 09:30  点击数:';
    expect(parseFieldLine(line, 0, knowledge)?.map((f) => [f.field, f.value])).toEqual([
      ['author', '县司法局'],
      ['published', '2024-03-12 09:30'],
      ['views', ''],
    ]);
  });

  it('joins a title broken over two lines, under metadata lines it does not know by heart', () => {
    const { layout, text, roles } = layoutOf(
      [
        '信息索引号:000014349/2024-00112',
        '生成日期:2024-03-25',
        '公开日期:2024-03-26',
        '运河区人民政府关于2023年度法治政府',
        '建设情况的报告',
        '2023年,我区扎实推进法治政府建设,取得明显成效。',
      ].join('\n'),
    );
    expect(layout.fields.map((f) => [f.field, f.value])).toEqual([
      ['indexNumber', '000014349/2024-00112'],
      ['signed', '2024-03-25'],
      ['published', '2024-03-26'],
    ]);
    expect(layout.title && text.slice(layout.title.start, layout.title.end)).toBe(
      '运河区人民政府关于2023年度法治政府\n建设情况的报告',
    );
    expect(roles.slice(3, 6)).toEqual(['title', 'title', 'body']);
    expect(layout.bodyStart).toBe(5);
  });

  it('does not take the preamble or a part heading for the title', () => {
    const { layout } = layoutOf(
      [
        '某镇2022年度法治政府建设情况报告',
        '按照《关于做好2022年度法治政府建设情况报告的通知》要求,现将有关情况报告如下:',
        '一、2022年度法治政府建设工作情况',
      ].join('\n'),
    );
    expect(layout.titleIndex).toBe(0);
    expect(layout.bodyStart).toBe(1);
  });

  it('reads a signature on one line', () => {
    const { layout } = layoutOf(
      '某县2023年度法治政府建设工作报告\n2023年,我县坚持依法行政,各项工作取得新成效,现报告如下。\n某县人民政府 2024年1月30日',
    );
    expect(layout.signature?.date?.iso).toBe('2024-01-30');
    expect(layout.signature?.issuers).toHaveLength(1);
  });

  it('reads the signature above a 公文 disclosure note', () => {
    const { layout } = layoutOf(
      '某县2023年度法治政府建设工作报告\n2023年,我县坚持依法行政,各项工作取得新成效,现报告如下。\n某县人民政府\n2024年1月30日\n(此件公开发布)',
    );
    expect(layout.signature?.date?.iso).toBe('2024-01-30');
  });
});
