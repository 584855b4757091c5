import { describe, expect, it } from 'vitest';
import { htmlDirectives, parseDirectives, parseRuleList, silencedBy } from './directives.js';
import { checkText, MEASURES, reportText } from './testing/fixtures.js';

const RESIDUE = '(十一)召开XX专题会议。';
const withMeasures = (extra: string): string => reportText({ measures: `${MEASURES}\n${extra}` });
const residues = (text: string) =>
  checkText(text).findings.filter((f) => f.ruleId === 'text/template-residue');

describe('parseDirectives', () => {
  it('reads whole-line directives, with optional comment wrappers and a reason', () => {
    const text =
      'a\nfazhi-disable-next-line text/template-residue, content/off-scope -- 引文\nb\n<!-- fazhi-disable -->\nc';
    const ds = parseDirectives(text);
    expect(ds.map((d) => [d.kind, d.rules])).toEqual([
      ['disable-next-line', ['text/template-residue', 'content/off-scope']],
      ['disable', null],
    ]);
    expect(text.slice(ds[0]?.target.start, ds[0]?.target.end)).toBe('b');
  });

  it('reads a directive comment inside a line', () => {
    const text = '召开XX会议。<!-- fazhi-disable-line text/template-residue -->\n下一行';
    const [d] = parseDirectives(text);
    expect(d?.kind).toBe('disable-line');
    expect(text.slice(d?.target.start, d?.target.end)).toBe(text.split('\n')[0]);
  });

  it('ignores words that only look like directives', () => {
    expect(parseDirectives('关于fazhi-disabled的说明\nfazhi-enable2')).toEqual([]);
    expect(parseRuleList(' -- 只有理由')).toBeNull();
  });
});

describe('directives in a checked text', () => {
  it('disable-next-line silences the next line for the named rule only', () => {
    expect(residues(withMeasures(RESIDUE))).toHaveLength(1);
    const text = withMeasures(`fazhi-disable-next-line text/template-residue\n${RESIDUE}`);
    const result = checkText(text);
    expect(result.findings.filter((f) => f.ruleId === 'text/template-residue')).toEqual([]);
    expect(result.suppressed.map((f) => f.ruleId)).toEqual(['text/template-residue']);
    const other = withMeasures(`fazhi-disable-next-line content/off-scope\n${RESIDUE}`);
    expect(residues(other)).toHaveLength(1);
  });

  it('disable … enable silences a block', () => {
    const text = withMeasures(
      `fazhi-disable text/template-residue\n${RESIDUE}\nfazhi-enable text/template-residue\n(十二)另开XX会议。`,
    );
    const found = residues(text);
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]?.span.start)).toMatch(/^XX会议/u);
  });

  it('disable-file silences a rule everywhere, including findings about the whole report', () => {
    const text = `${reportText({ leadership: '' })}\nfazhi-disable-file structure/missing-part`;
    expect(
      checkText(reportText({ leadership: '' })).findings.some((f) => f.ruleId === 'structure/missing-part'),
    ).toBe(true);
    expect(checkText(text).findings.some((f) => f.ruleId === 'structure/missing-part')).toBe(false);
  });

  it('silenced findings do not cost points', () => {
    const plain = checkText(withMeasures(RESIDUE)).score.total;
    const silenced = checkText(withMeasures(`fazhi-disable-next-line\n${RESIDUE}`)).score.total;
    expect(silenced).toBeGreaterThan(plain);
  });

  it('reports unknown rule ids, and unused directives when asked', () => {
    const text = withMeasures('fazhi-disable-next-line text/no-such-rule\n(十一)正常内容。');
    const found = checkText(text).findings.filter((f) => f.ruleId === 'fazhi/directive');
    expect(found.map((f) => f.messageId)).toEqual(['unknownRule']);
    const unused = checkText(
      withMeasures('fazhi-disable-next-line text/template-residue\n(十一)正常内容。'),
      {
        config: { reportUnusedDirectives: true },
      },
    ).findings.filter((f) => f.ruleId === 'fazhi/directive');
    expect(unused.map((f) => f.messageId)).toEqual(['unused']);
  });

  it('noInlineConfig ignores directives', () => {
    const text = withMeasures(`fazhi-disable-next-line text/template-residue\n${RESIDUE}`);
    const result = checkText(text, { config: { noInlineConfig: true } });
    expect(result.findings.filter((f) => f.ruleId === 'text/template-residue')).toHaveLength(1);
  });
});

describe('htmlDirectives', () => {
  const reportTextOfPage = '标题\n一、主要举措\n召开XX专题会议,研究法治工作。\n二、存在的不足';
  const html = `<html><body><h1>标题</h1><p>一、主要举措</p>
    <!-- fazhi-disable-next-line text/template-residue -->
    <p>召开XX专题会议，研究法治工作。</p>
    <p>二、存在的不足<!-- fazhi-disable-line structure/embedded-part --></p>
    <!-- fazhi-disable-file content/off-scope -->
    <!-- fazhi-disable-next-line title/format -->
  </body></html>`;

  it('anchors comments to the visible text next to them', () => {
    const { directives, problems } = htmlDirectives(html, reportTextOfPage);
    const lines = directives.map((d) => [d.kind, reportTextOfPage.slice(d.target.start, d.target.end)]);
    expect(lines[0]).toEqual(['disable-next-line', '召开XX专题会议,研究法治工作。']);
    expect(lines[1]).toEqual(['disable-line', '二、存在的不足']);
    expect(lines[2]?.[0]).toBe('disable-file');
    // The last comment has no text after it.
    expect(problems).toHaveLength(1);
    const at = reportTextOfPage.indexOf('XX');
    const d = silencedBy({ ruleId: 'text/template-residue', span: { start: at, end: at + 2 } }, directives);
    expect(d?.kind).toBe('disable-next-line');
  });
});
