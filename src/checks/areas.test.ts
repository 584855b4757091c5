import { describe, expect, it } from 'vitest';
import { bestArea, labelReport, parseOutlineAreas, scoreText } from './areas.js';
import { loadCheckData } from './load.js';
import { reportOf, reportText } from './testing/fixtures.js';

const { areas } = loadCheckData();

describe('outline-areas.tsv', () => {
  it('has A01–A10 and the X_ labels with names, scopes and keywords', () => {
    expect(areas.areas.map((a) => a.id)).toEqual([
      'A01',
      'A02',
      'A03',
      'A04',
      'A05',
      'A06',
      'A07',
      'A08',
      'A09',
      'A10',
      'X_society',
      'X_security',
      'X_judiciary',
      'X_economy',
    ]);
    for (const a of areas.areas) {
      expect(a.name, a.id).not.toBe(a.id);
      expect(a.keywords.length, a.id).toBeGreaterThan(3);
    }
    expect(areas.areas.filter((a) => a.scope === 'off').map((a) => a.id)).toEqual([
      'X_security',
      'X_judiciary',
      'X_economy',
    ]);
  });

  it('rejects bad rows', () => {
    expect(() => parseOutlineAreas('A01\tkw\t(')).toThrow(/invalid keyword/u);
    expect(() => parseOutlineAreas('A01\tcolour\tred')).toThrow(/unknown row kind/u);
    expect(() => parseOutlineAreas('A01\tscope\tsideways')).toThrow(/unknown scope/u);
  });
});

describe('classification', () => {
  it('labels sentences by their strongest area', () => {
    const label = (s: string) => bestArea(scoreText(s, areas), areas);
    expect(label('全年受理行政复议申请56件，审结50件。')).toBe('A07');
    expect(label('审核规范性文件18件，备案审查率100%。')).toBe('A03');
    expect(label('全面落实行政执法“三项制度”，开展案卷评查。')).toBe('A05');
    expect(label('破获刑事案件320起，抓获犯罪嫌疑人150人。')).toBe('X_security');
    expect(label('全年实现地区生产总值520亿元。')).toBe('X_economy');
    expect(label('开展《反电信网络诈骗法》宣传。')).not.toBe('X_security');
    expect(label('天气晴朗。')).toBeNull();
  });

  it('labels the paragraphs of a report, best label first', () => {
    const report = reportOf(reportText());
    const { paragraphs } = labelReport(report, areas);
    const line = (p: (typeof paragraphs)[number]) => report.text.slice(p.span.start, p.span.end);
    const reconsideration = paragraphs.find((p) => line(p).includes('行政复议'));
    expect(reconsideration?.area).toBe('A07');
    expect(reconsideration?.areas[0]).toBe('A07');
    expect(paragraphs.every((p) => p.area === null || p.areas[0] === p.area)).toBe(true);
  });
});
