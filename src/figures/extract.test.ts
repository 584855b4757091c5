import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../knowledge/load.js';
import { extractFigures } from './extract.js';

const { catalogue } = loadKnowledge();

function extract(text: string): [string, number, string | null][] {
  return extractFigures(text, catalogue, { body: { start: 0, end: text.length } }).map((f) => [
    f.key,
    f.value,
    f.approx,
  ]);
}

describe('extractFigures', () => {
  it('carries the subject across clauses', () => {
    expect(extract('全年共受理行政复议申请115件,审结90件,直接纠错6件,纠错率6.67%。')).toEqual([
      ['reconsideration.accepted', 115, null],
      ['reconsideration.closed', 90, null],
      ['reconsideration.corrected', 6, null],
      ['reconsideration.correction_rate', 6.67, null],
    ]);
  });

  it('gives both figures of a 分别…和… pair the same key', () => {
    expect(extract('县委常委会会议、县政府常务会议分别研究法治建设议题8次和6次。')).toEqual([
      ['leadership.rule_of_law_meetings', 8, null],
      ['leadership.rule_of_law_meetings', 6, null],
    ]);
  });

  it('gives every item of a list the key named after its last item', () => {
    expect(
      extract('开通县级120项、乡镇级340项、村级56项政务服务事项网上办理。').map(([k, v]) => [k, v]),
    ).toEqual([
      ['services.online_items', 120],
      ['services.online_items', 340],
      ['services.online_items', 56],
    ]);
  });

  it('keeps qualifiers and Chinese numerals', () => {
    expect(extract('开展普法宣传活动百余场次,发放宣传资料1.2万余份。')).toEqual([
      ['pufa.activities', 100, 'over'],
      ['pufa.materials', 12000, 'over'],
    ]);
  });

  it('reads a rate whose subject is two clauses back', () => {
    expect(extract('共调解矛盾纠纷900件,其中调解成功880件,调解成功率97.78%。')).toEqual([
      ['mediation.cases', 900, null],
      ['mediation.succeeded', 880, null],
      ['mediation.success_rate', 97.78, null],
    ]);
  });

  it('leaves out figures of courts and police', () => {
    expect(extract('市法院受理行政诉讼案件300件,审结280件。')).toEqual([]);
    expect(extract('公安机关破获刑事案件120起。')).toEqual([]);
  });

  it('leaves out targets', () => {
    expect(extract('力争2025年行政复议纠错率保持在10%以内。')).toEqual([]);
  });

  it('does not carry a key into the parts of a total', () => {
    expect(extract('办理法律援助案件600件,其中民事300件,刑事250件。')).toEqual([
      ['legal_aid.cases', 600, null],
    ]);
  });

  it('does not read 协调解决 as mediation', () => {
    expect(extract('通过协调解决群众诉求12件。')).toEqual([]);
  });

  it('skips plans parts', () => {
    const text = '四、下一步工作安排\n全年培训执法人员500名。';
    const figures = extractFigures(text, catalogue, {
      body: { start: 0, end: text.length },
      parts: [
        {
          kinds: ['plans'],
          heading: '四、下一步工作安排',
          headingSpan: { start: 0, end: 9 },
          span: { start: 0, end: text.length },
        },
      ],
    });
    expect(figures).toEqual([]);
  });

  it('points the span at the quantity and the quote at its clause', () => {
    const text = '2023年,全县共调解矛盾纠纷1,200件。';
    const [f] = extractFigures(text, catalogue, { body: { start: 0, end: text.length } });
    expect(f && text.slice(f.span.start, f.span.end)).toBe('1,200件');
    expect(f && text.slice(f.quoteSpan.start, f.quoteSpan.end)).toBe('全县共调解矛盾纠纷1,200件');
    expect(f?.area).toBe('A07');
  });
});
