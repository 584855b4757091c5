import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath, loadKnowledge } from '../knowledge/load.js';
import { type ConsistencyOptions, checkConsistency, evaluateConsistency } from './consistency.js';
import { extractFigures } from './extract.js';
import { compileRelations } from './relations.js';

// Every input goes through the real extractor, so these tests also pin what the checks get from it.
const { catalogue } = loadKnowledge();
const relations = compileRelations(readFileSync(dataPath('relations.tsv'), 'utf8'), catalogue);

function input(text: string) {
  return { text, figures: extractFigures(text, catalogue, { body: { start: 0, end: text.length } }) };
}

function check(text: string, options?: ConsistencyOptions) {
  return checkConsistency(input(text), relations, options);
}

/** The evaluated checks as "check relation-id passed", for asserting that a check ran at all. */
function ran(text: string): string[] {
  return evaluateConsistency(input(text), relations)
    .evaluated.filter((e) => e.relation !== 'builtin:rate-range')
    .map((e) => `${e.check} ${e.relation.split(' ')[0]} ${e.passed ? 'ok' : 'FAIL'}`);
}

describe('sums (C-SUM-01/02)', () => {
  it('passes a complete cleanup whose parts add up', () => {
    const text = '全年共清理本级规范性文件80件,保留61件,废止12件,修改7件。';
    expect(check(text)).toEqual([]);
    expect(ran(text)).toEqual(['sum cleanup-sum ok']);
  });

  it('reports a complete list that does not add up, pointing at every figure', () => {
    const text = '全年共清理本级规范性文件80件,保留60件,废止12件,修改7件。';
    const [finding, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      check: 'sum',
      severity: 'warning',
      expected: '60件 + 12件 + 7件 = 79件',
      actual: '80件',
      relation: expect.stringMatching(/^cleanup-sum \(relations\.tsv:\d+\)$/),
    });
    expect(finding?.figures.map((f) => f.value)).toEqual([80, 60, 12, 7]);
    expect(finding?.message).toContain('不符');
  });

  it('checks parts after 其中 only as an upper bound', () => {
    expect(ran('全年共清理本级规范性文件80件,其中废止12件,修改7件。')).toEqual([
      'partial-sum cleanup-sum ok',
    ]);
    const [finding] = check('全年共清理本级规范性文件80件,其中废止52件,修改37件。');
    expect(finding).toMatchObject({
      check: 'partial-sum',
      severity: 'warning',
      expected: '≥ 52件 + 37件 = 89件',
    });
  });

  it('does not demand equality when the list names a category without a key (宣布失效)', () => {
    const text = '全年共清理本级规范性文件80件,保留55件,废止12件,修改7件,宣布失效6件。';
    expect(check(text)).toEqual([]);
    expect(ran(text)).toEqual(['partial-sum cleanup-sum ok']);
  });

  it('pairs a sub-cleanup with its own total, not with the main one', () => {
    const text =
      '全年共清理规范性文件150件,保留120件,废止30件;6件涉及行政处罚的规范性文件进行了专项清理,保留3件,修改2件,废止1件。';
    expect(check(text)).toEqual([]);
    // The main cleanup lists no 修改, and the sub-cleanup's 修改2件 is not borrowed to complete it.
    expect(ran(text)).toEqual(['partial-sum cleanup-sum ok', 'sum cleanup-sum ok']);
  });

  it('turns the equality into a bound when the total is approximate', () => {
    expect(check('全年共清理本级规范性文件80余件,保留63件,废止12件,修改7件。')).toEqual([]);
    const [finding] = check('全年共清理本级规范性文件80余件,保留51件,废止12件,修改7件。');
    expect(finding).toMatchObject({ check: 'sum', severity: 'warning', actual: '80余件' });
  });

  it('checks figures after 其中 that carry the total’s own key (built in)', () => {
    expect(check('全年共制发行政规范性文件30件,其中以市政府名义印发行政规范性文件12件。')).toEqual([]);
    const [finding] = check('全年共制发行政规范性文件30件,其中以市政府名义印发行政规范性文件32件。');
    expect(finding).toMatchObject({
      check: 'partial-sum',
      relation: 'builtin:breakdown',
      severity: 'warning',
    });
  });
});

describe('order (C-LE-01)', () => {
  it('passes a funnel in order', () => {
    const text = '全年收到行政复议申请150件,受理130件,审结120件。';
    expect(check(text)).toEqual([]);
    expect(ran(text)).toEqual(['order recon-accepted ok', 'order recon-closed ok']);
  });

  it('reports more accepted than received', () => {
    const [finding] = check('区政府全年收到行政复议申请58件,受理60件。');
    expect(finding).toMatchObject({
      check: 'order',
      severity: 'warning',
      expected: '≤ 58件',
      actual: '60件',
      message: '受理行政复议 60件 超过了 收到行政复议申请 58件',
    });
  });

  it('adds a stated carry-over to the bound', () => {
    const text = '区政府全年受理行政复议申请60件,审结66件(含上年结转8件)。';
    expect(check(text)).toEqual([]);
    const [finding] = check('区政府全年受理行政复议申请60件,审结71件(含上年结转8件)。');
    expect(finding).toMatchObject({
      check: 'order',
      severity: 'warning',
      expected: '≤ 60件 + 结转8件 = 68件',
    });
    expect(finding?.quantities).toEqual([expect.objectContaining({ role: 'carried', value: 8, raw: '8件' })]);
  });

  it('only notes more closed than accepted when no carry-over is stated', () => {
    const [finding] = check('区政府全年受理行政复议申请60件,审结66件。');
    expect(finding).toMatchObject({ check: 'order', severity: 'info' });
    expect(finding?.message).toContain('未说明是否含往年结转');
  });
});

describe('rates (C-RATE-01/02)', () => {
  it('passes a rate that the counts give', () => {
    const text = '全县共调解矛盾纠纷820件,调解成功797件,调解成功率97.2%。';
    expect(check(text)).toEqual([]);
    expect(ran(text)).toContain('rate mediation-rate ok');
  });

  it('reports a rate the counts do not give', () => {
    const [finding, ...rest] = check('全县共调解矛盾纠纷820件,调解成功797件,调解成功率96.2%。');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      check: 'rate',
      severity: 'warning',
      expected: '≈ 97.20% (797/820)',
      actual: '96.2%',
      message: '调解成功率 96.2% 与 797/820 = 97.20% 不符',
    });
    expect(finding?.figures.map((f) => f.key)).toEqual([
      'mediation.cases',
      'mediation.succeeded',
      'mediation.success_rate',
    ]);
  });

  it('allows rounding to the decimals written and truncation of the last one', () => {
    // 797/820 = 97.195…
    expect(check('全县共调解矛盾纠纷820件,调解成功797件,调解成功率97%。')).toEqual([]);
    expect(check('全县共调解矛盾纠纷820件,调解成功797件,调解成功率97.19%。')).toEqual([]);
    // 1008/1033 = 97.5798…: "97.58" rounds, "97.57" truncates; "97.56" is too far.
    expect(check('全市共调解纠纷1033件,调解成功1008件,调解成功率97.58%。')).toEqual([]);
    expect(check('全市共调解纠纷1033件,调解成功1008件,调解成功率97.57%。')).toEqual([]);
    expect(check('全市共调解纠纷1033件,调解成功1008件,调解成功率97.56%。')).toHaveLength(1);
    expect(check('全县共调解矛盾纠纷820件,调解成功797件,调解成功率97.1%。')).toHaveLength(1);
  });

  it('passes when any candidate denominator gives the rate', () => {
    // 9/130 = 6.92%: the denominator is the accepted, not the closed cases.
    const text = '全年收到行政复议申请150件,受理130件,审结120件,直接纠错9件,纠错率6.92%。';
    expect(check(text)).toEqual([]);
    expect(ran(text)).toContain('rate recon-correction-rate ok');
  });

  it('only notes a rate that no candidate denominator gives', () => {
    const [finding] = check('全年收到行政复议申请150件,受理130件,审结120件,直接纠错9件,纠错率8.8%。');
    expect(finding).toMatchObject({ check: 'rate', severity: 'info' });
    expect(finding?.message).toContain('分母无法推定');
    expect(finding?.expected).toBe('≈ 7.50% (9/120) 或 6.92% (9/130) 或 6.00% (9/150)');
  });

  it('warns about a non-zero rate of zero cases whatever the denominator', () => {
    const [finding] = check('全年共发生行政诉讼案件19件,开庭审理17件,败诉0件,败诉率7.56%。');
    expect(finding).toMatchObject({
      check: 'rate',
      severity: 'warning',
      relation: expect.stringMatching(/^litigation-loss-rate/),
    });
  });

  it('skips the equality when a count is approximate', () => {
    expect(check('全县共调解矛盾纠纷820余件,调解成功797件,调解成功率90%。')).toEqual([]);
  });
});

describe('rate range (C-RATE-03)', () => {
  it('reports a rate above 100% as an error, and nothing else about it', () => {
    const findings = check('全县共调解矛盾纠纷820件,调解成功率102.5%。');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'rate-range', severity: 'error', actual: '102.5%' });
  });

  it('is a built-in check that can be turned off', () => {
    expect(check('全县共调解矛盾纠纷820件,调解成功率102.5%。', { builtins: false })).toEqual([]);
  });
});

describe('implied whole numbers (C-RATE-04)', () => {
  it('passes a pass rate that some whole number of takers gives', () => {
    // 312 × 96.8% = 302.0
    const text = '组织312名行政执法人员参加执法资格考试,合格率达96.8%。';
    expect(check(text)).toEqual([]);
    expect(ran(text)).toEqual(['implied-integer enforcement-exam ok']);
  });

  it('reports a pass rate that no whole number of takers gives', () => {
    const [finding] = check('组织37名国家工作人员参加学法用法考试,合格率为94%。');
    expect(finding).toMatchObject({
      check: 'implied-integer',
      severity: 'warning',
      expected: '34/37 = 91.89% 或 35/37 = 94.59%',
      actual: '37 × 94% = 34.78',
    });
  });

  it('uses the number who passed when the sentence states it', () => {
    expect(check('组织行政执法人员535人参加执法资格考试,507人通过考试,合格率94.77%。')).toEqual([]);
    const [finding] = check('组织469人参加年度学法用法考试,459人考试合格,合格率95.75%。');
    expect(finding).toMatchObject({ check: 'rate', severity: 'warning', expected: '≈ 97.87% (459/469)' });
    expect(finding?.quantities).toEqual([expect.objectContaining({ role: 'numerator', value: 459 })]);
  });

  it('checks that some whole denominator gives a claim rate', () => {
    expect(check('共认领监管事项12项,认领率为92.31%。')).toEqual([]);
    expect(check('共认领监管事项12项,认领率为93%。')).toMatchObject([{ check: 'implied-integer' }]);
    // With the number to claim stated, the rate is checked against it.
    expect(check('在监管系统应认领监管事项1178项,已认领1162项,认领率98.64%。')).toEqual([]);
    expect(check('在监管系统应认领监管事项1178项,已认领1162项,认领率91.19%。')).toMatchObject([
      { check: 'rate', expected: '≈ 98.64% (1162/1178)' },
    ]);
  });
});

describe('shares (C-SHARE-01, built in)', () => {
  it('passes shares that add up to 100% and match their counts', () => {
    const text =
      '全年办理行政执法案件5000件,其中行政许可4100件,占比82%;行政处罚850件,占比17%;行政强制50件,占比1%。';
    expect(check(text)).toEqual([]);
    expect(ran(text).filter((r) => r.startsWith('share'))).toHaveLength(4);
  });

  it('reports shares of one list above 100%', () => {
    const [finding] = check('热线诉求中,咨询类、投诉类、求助类分别占60%、35%和10%。');
    expect(finding).toMatchObject({ check: 'share', severity: 'warning', actual: '60% + 35% + 10% = 105%' });
    expect(finding?.quantities?.map((q) => q.raw)).toEqual(['60%', '35%', '10%']);
  });

  it('only notes bare 占比 figures above 100%, which may be overlapping groups', () => {
    expect(check('热线诉求中,咨询类占比62.5%,投诉类占比31.2%,求助类占比9.8%。')).toMatchObject([
      { check: 'share', severity: 'info' },
    ]);
  });

  it('reports a share that its count and total do not give', () => {
    const findings = check('全年办理行政执法案件5000件,其中行政许可4100件,占比85%。');
    expect(findings).toMatchObject([
      { check: 'share', severity: 'warning', expected: '≈ 82.00% (4100件/5000件)' },
    ]);
  });

  it('checks 占…的 shares against the total inside them', () => {
    expect(check('失踪人员从年初40人降至8人,占全部安置帮教对象2000人的0.4%。')).toEqual([]);
    expect(check('失踪人员从年初40人降至8人,占全部安置帮教对象2000人的0.5%。')).toMatchObject([
      { check: 'share', severity: 'info' },
    ]);
  });
});

describe('stock and flow (C-FLOW-01)', () => {
  it('passes a register that balances with the stated start stock', () => {
    const text =
      '年初在册社区矫正对象300人,全年共接收社区矫正对象120人,解除110人,年底在册社区矫正对象310人。';
    expect(check(text)).toEqual([]);
    expect(ran(text)).toEqual(['stock-flow correction-flow ok']);
  });

  it('notes a register that does not balance', () => {
    const [finding] = check(
      '全市社区矫正对象由上年末的300人,全年共接收社区矫正对象120人,解除110人,现有在册社区矫正对象320人。',
    );
    expect(finding).toMatchObject({
      check: 'stock-flow',
      severity: 'info',
      expected: '300人 + 120人 − 110人 = 310人',
      actual: '320人',
    });
    expect(finding?.quantities).toEqual([expect.objectContaining({ role: 'start', value: 300 })]);
  });

  it('is not checked without a start stock', () => {
    expect(ran('全年共接收社区矫正对象120人,解除110人,在册社区矫正对象320人。')).toEqual([]);
  });
});

describe('which figures belong together', () => {
  it('pairs each rate with the counts of its own sentence', () => {
    const text =
      '全市共调解矛盾纠纷900件,调解成功850件,调解成功率94.4%。\n县区共调解矛盾纠纷400件,调解成功380件,调解成功率95%。';
    expect(check(text)).toEqual([]);
    expect(ran(text).filter((r) => r.startsWith('rate'))).toEqual([
      'rate mediation-rate ok',
      'rate mediation-rate ok',
    ]);
  });

  it('never combines figures of different paragraphs when a key recurs', () => {
    const text =
      '全市共调解矛盾纠纷900件,调解成功850件。\n县区共调解矛盾纠纷400件,调解成功380件。\n全市调解成功率90%。';
    expect(check(text)).toEqual([]);
    expect(ran(text).filter((r) => r.startsWith('rate'))).toEqual([]);
  });

  it('combines unique figures across paragraphs, but only notes a failure', () => {
    const text = '全市共调解矛盾纠纷900件,调解成功850件。\n另有一段文字。\n全市调解成功率95.1%。';
    expect(check(text)).toMatchObject([{ check: 'rate', severity: 'info' }]);
  });

  it('does not mix a numerator from another paragraph with a denominator of the rate’s sentence', () => {
    const text = '全市共调解矛盾纠纷900件。\n县区调解成功率95%,县区调解矛盾纠纷400件。\n全市调解成功850件。';
    expect(ran(text).filter((r) => r.startsWith('rate '))).toEqual([]);
  });
});
