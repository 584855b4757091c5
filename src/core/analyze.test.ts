import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../knowledge/load.js';
import { analyze } from './analyze.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/reports/${name}`, import.meta.url), 'utf8');
const knowledge = loadKnowledge();

describe('analyze: a county government report saved from its website', () => {
  const report = analyze(fixture('county-gov-2023.txt'), { knowledge });

  it('reads the metadata from the title, the page header and the signature', () => {
    expect(report.meta).toEqual({
      title: '清河县人民政府关于2023年度法治政府建设情况的报告',
      issuer: '清河县人民政府',
      unitKind: 'government',
      jurisdiction: { name: '河北省邢台市清河县', code: '130534', level: 'county' },
      year: 2023,
      published: '2024-03-12',
      signed: '2024-02-26',
    });
  });

  it('points every metadata value at its source text', () => {
    const at = (key: keyof typeof report.metaSpans): string => {
      const span = report.metaSpans[key];
      return span ? report.text.slice(span.start, span.end) : '';
    };
    expect(at('title')).toBe('清河县人民政府关于2023年度法治政府建设情况的报告');
    expect(at('published')).toBe('2024-03-12');
    expect(at('signed')).toBe('2024年2月26日');
    expect(at('year')).toBe('2023');
  });

  it('keeps the site chrome out of the body', () => {
    const body = report.text.slice(report.body.start, report.body.end);
    expect(body.startsWith('2023年,清河县人民政府')).toBe(true);
    expect(body.endsWith('持续推进行政执法“三项制度”。')).toBe(true);
    expect(body).not.toMatch(/扫一扫|版权所有|字体|发布时间/u);
  });

  it('maps the four mandated parts', () => {
    expect(report.parts.map((p) => p.kinds)).toEqual([
      ['measures'],
      ['shortcomings'],
      ['leadership'],
      ['plans'],
    ]);
    expect(report.embeddedParts).toEqual([]);
  });

  it('builds the heading tree under each part', () => {
    const [measures] = report.headings;
    expect(measures?.children.map((h) => h.title)).toEqual(['加强组织领导', '规范行政决策', '化解矛盾纠纷']);
    expect(measures?.children[0]?.children.map((h) => h.marker)).toEqual(['一是', '二是']);
  });
});

describe('analyze: a department report with merged parts and garbled dates', () => {
  const report = analyze(fixture('bureau-2022-merged.txt'), { knowledge });

  it('reads a department of a county-level city', () => {
    expect(report.meta.issuer).toBe('临江市市场监督管理局');
    expect(report.meta.unitKind).toBe('department');
    expect(report.meta.jurisdiction).toEqual({ name: '吉林省白山市临江市', code: '220681', level: 'county' });
    expect(report.meta.year).toBe(2022);
  });

  it('keeps an ambiguous signature date raw and reports it', () => {
    expect(report.meta.signed).toBeNull();
    const issue = report.dateIssues.find((d) => d.raw === '2023年128日');
    expect(issue?.repaired).toBeNull();
    expect(issue?.note).toContain('2023-01-28 or 2023-12-08');
  });

  it('repairs a month-day that lost 月 in the body', () => {
    const issue = report.dateIssues.find((d) => d.raw === '820日');
    expect(issue?.repaired).toBe('2022-08-20');
    expect(report.text.slice(issue?.span.start, issue?.span.end)).toBe('820日');
  });

  it('reports merged shortcomings and plans, and the missing leadership part', () => {
    expect(report.parts.map((p) => p.kinds)).toEqual([['measures'], ['shortcomings', 'plans']]);
    expect(report.embeddedParts.map((e) => e.kind)).toEqual([]);
  });
});

describe('analyze: text that is not a report', () => {
  it('says why', () => {
    const report = analyze('今天天气很好。\n我们去公园散步。', { knowledge });
    expect(report.notAReport).toMatch(/too short|no mention/u);
  });
});

describe('analyze: title variants', () => {
  const source = fixture('county-gov-2023.txt');

  it('reads a title broken over two lines as one, its spans still on the text', () => {
    const report = analyze(
      source.replace(
        /^清河县人民政府关于2023年度法治政府建设情况的报告$/mu,
        '清河县人民政府关于2023年度法治政府\n建设情况的报告',
      ),
      { knowledge },
    );
    expect(report.meta.title).toBe('清河县人民政府关于2023年度法治政府建设情况的报告');
    expect(report.meta.year).toBe(2023);
    const at = (key: keyof typeof report.metaSpans): string => {
      const span = report.metaSpans[key];
      return span ? report.text.slice(span.start, span.end) : '';
    };
    expect(at('year')).toBe('2023');
    expect(at('issuer')).toBe('清河县人民政府');
  });

  it('takes the year the publication date makes the previous one when title and body disagree', () => {
    // The title says 2024 (a typo), and the plans speak of 2024 more often than the body of 2023;
    // the opening and the publication in 2024 say 2023.
    const text = source
      .replace(/关于2023年度法治政府建设情况的报告/gu, '关于2024年度法治政府建设情况的报告')
      .replace('二是持续推进', '二是2024年一季度、2024年二季度、2024年下半年持续推进');
    const report = analyze(text, { knowledge });
    expect(report.meta.year).toBe(2023);
  });
});

describe('analyze: documents that are not annual reports', () => {
  const source = fixture('county-gov-2023.txt');
  const retitled = (title: string) =>
    analyze(source.replaceAll('清河县人民政府关于2023年度法治政府建设情况的报告', title), { knowledge });

  it('refuses titles of the documents that sit beside the reports (data/other-documents.tsv)', () => {
    for (const [title, what] of [
      ['清河县人民政府2023年政府信息公开工作年度报告', 'government information disclosure'],
      ['清河县2024年法治政府建设工作要点', 'work plan'],
      ['清河县2023年行政执法统计年报', 'enforcement statistics'],
      ['《清河县人民政府关于2023年度法治政府建设情况的报告》解读', 'interpretation'],
    ] as const) {
      expect(retitled(title).notAReport, title).toContain(what);
    }
  });

  it('reads the report itself and its usual title shapes', () => {
    expect(analyze(source, { knowledge }).notAReport).toBeNull();
    expect(retitled('清河县2023年法治政府建设年度报告').notAReport).toBeNull();
    expect(retitled('清河县人民政府2023年度法治政府建设工作报告').notAReport).toBeNull();
  });
});
