import { describe, expect, it } from 'vitest';
import { findingsOf, MEASURES, reportText } from '../../testing/fixtures.js';

const RULE = 'text/template-residue';

const withLine = (line: string): string => reportText({ measures: `${MEASURES}\n(十一)${line}` });
const residues = (line: string): string[] => {
  const text = withLine(line);
  return findingsOf(RULE, text).map((f) => text.slice(f.span.start, f.span.end));
};

describe(RULE, () => {
  it('does not fire on a clean report', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
  });

  it('finds the placeholders of templates', () => {
    expect(residues('XX年XX月，召开会议。')).toEqual(['XX', 'XX']);
    expect(residues('20XX年，我县开展××专项行动。')).toEqual(['20XX年', '××']);
    expect(residues('于X月X日召开会议，审查文件*件。')).toEqual(['X月X日', '*']);
    expect(residues('全年办理案件X件（此处填写具体数字）。')).toEqual(['X', '（此处填写具体数字）']);
    expect(residues('由【单位名称】负责。')).toEqual(['【单位名称】']);
    expect(residues('2023年度xx县法治工作。')).toEqual(['xx']);
  });

  it('leaves Latin text and real numbers alone', () => {
    expect(residues('完成ICP备案，开展DNA检测，上报XML数据，淘汰Windows XP系统。')).toEqual([]);
    expect(residues('会场面积为3×4米，审查文件12件。')).toEqual([]);
    expect(residues('张某某诉某某局一案已审结。')).toEqual([]);
  });

  it('is an error and looks at the title too', () => {
    const text = reportText({ title: '某某县人民政府关于20XX年度法治政府建设情况的报告' });
    const found = findingsOf(RULE, text);
    expect(found.map((f) => f.severity)).toContain('error');
    expect(found.map((f) => text.slice(f.span.start, f.span.end))).toContain('20XX年度');
  });

  it('takes extra patterns from the options', () => {
    const text = withLine('由○○局负责。');
    expect(findingsOf(RULE, text)).toEqual([]);
    expect(findingsOf(RULE, text, ['error', { extraPatterns: ['○○'] }])).toHaveLength(1);
  });
});
