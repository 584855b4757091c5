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

  // Our own sentences in the phrasings that domain.md §5 records from reports other than the seeds
  // (provinces, ministries, 执法统计年报), and in common variants of them: every figure, in order.
  it.each([
    ['全市组织法治专题培训200余场次。', [['leadership.law_trainings', 200]]],
    ['出台《某某条例》等3部地方性法规、规章。', [['legislation.enacted', 3]]],
    [
      '审查重大合同56份，提出意见建议120条，涉及金额35.2亿元。',
      [
        ['legality_review.contracts', 56],
        ['legality_review.opinions', 120],
      ],
    ],
    [
      '共受理行政调解案件3.2万件，调解成功2.8万件。',
      [
        ['mediation.cases', 32000],
        ['mediation.succeeded', 28000],
      ],
    ],
    [
      '全年受理行政复议案件300件，作出撤销、变更、确认违法和责令履行决定等纠错决定27件，通过调解、和解方式结案35件。',
      [
        ['reconsideration.accepted', 300],
        ['reconsideration.corrected', 27],
        ['reconsideration.settled', 35],
      ],
    ],
    ['行政复议被纠错率为4.55%。', [['reconsideration.correction_rate', 4.55]]],
    ['126名行政机关主要负责人出庭应诉。', [['litigation.head_appearances', 126]]],
    ['1.2万余名国家机关工作人员参加旁听庭审。', [['litigation.trial_observers', 12000]]],
    ['全年共开展领导干部旁听庭审活动3次，参与人员260人次。', [['litigation.trial_observers', 260]]],
    [
      '办理行政执法案件34482件，其中行政许可32424件，行政处罚2054件，行政裁决4件。',
      [['enforcement.penalty_cases', 2054]],
    ],
    [
      '全年共组织2期行政执法人员资格考试，参考人员512人，合格率91.2%。',
      [
        ['enforcement.exam_takers', 512],
        ['enforcement.exam_pass_rate', 91.2],
      ],
    ],
    ['组织行政执法人员参加公共法律知识培训，培训1260人次。', [['enforcement.trained', 1260]]],
    ['开展行政执法案卷评查，共抽查案卷380卷，评出优秀案卷25卷。', [['enforcement.case_files_reviewed', 380]]],
    [
      '社区矫正在册对象186人，全年新接收98人，解矫112人。',
      [
        ['community_correction.on_register', 186],
        ['community_correction.received', 98],
        ['community_correction.released', 112],
      ],
    ],
    [
      '全年共收到行政复议申请320件，依法受理286件，审结271件，综合纠错率12.3%。',
      [
        ['reconsideration.received', 320],
        ['reconsideration.accepted', 286],
        ['reconsideration.closed', 271],
        ['reconsideration.correction_rate', 12.3],
      ],
    ],
    [
      '受理劳动人事争议仲裁案件380件，结案365件。',
      [
        ['arbitration.accepted', 380],
        ['arbitration.closed', 365],
      ],
    ],
    [
      '办理人大代表建议85件、政协提案120件，办复率100%。',
      [
        ['oversight.npc_suggestions', 85],
        ['oversight.cppcc_proposals', 120],
        ['oversight.handled_rate', 100],
      ],
    ],
    ['12345热线全年受理群众诉求16.8万件，办结率99.2%。', [['hotline.calls', 168000]]],
    ['全年累计开展“双随机、一公开”抽查460次。', [['supervision.random_inspection_tasks', 460]]],
    ['县委理论学习中心组开展法治专题学习3次。', [['leadership.central_group_law_study', 3]]],
    [
      '审核政府合同126份，为政府重大决策提供法律意见88条。',
      [
        ['legality_review.contracts', 126],
        ['legality_review.opinions', 88],
      ],
    ],
    ['组织旁听庭审活动3次，260名领导干部参加。', [['litigation.trial_observers', 260]]],
    ['网上政务服务事项可办率达到98.6%。', [['services.online_rate', 98.6]]],
    ['对38家重点执法单位的420卷行政执法案卷进行评查。', [['enforcement.case_files_reviewed', 420]]],
    [
      '梳理不予行政处罚事项56项、减轻行政处罚事项18项、不予实施行政强制措施事项9项。',
      [
        ['lenient.no_penalty_items', 56],
        ['lenient.reduced_penalty_items', 18],
        ['lenient.no_coercion_items', 9],
      ],
    ],
    ['建立法律专家库，入库专家25名。', [['counsel.experts', 25]]],
    ['全年法律援助中心共受理援助案件862件。', [['legal_aid.cases', 862]]],
    ['政府信息主动公开1862件，依申请公开政府信息36件。', [['transparency.documents_published', 1862]]],
    // 常务会议学法 is the 会前学法 of the government's executive meetings.
    [
      '县政府常务会议学法12次，县委理论学习中心组开展法治专题学习4次。',
      [
        ['leadership.pre_meeting_law_study', 12],
        ['leadership.central_group_law_study', 4],
      ],
    ],
    [
      '全年开展普法宣传活动800余场次，发放宣传资料12万余份，受教育群众30余万人次。',
      [
        ['pufa.activities', 800],
        ['pufa.materials', 120000],
        ['pufa.audience', 300000],
      ],
    ],
    ['共开展法律进机关、进乡村等“八进”活动1500余场次。', [['pufa.activities', 1500]]],
    ['政务服务事项“一网通办”率98%。', [['services.online_rate', 98]]],
    ['全年开展“三官一律”进社区活动120余次。', [['pufa.activities', 120]]],
    ['共组建督察组5个。', [['inspection.teams', 5]]],
    ['网上可办政务服务事项达1526项。', [['services.online_items', 1526]]],
    [
      '劳动人事争议仲裁院全年立案受理劳动争议案件812件，审结786件。',
      [
        ['arbitration.accepted', 812],
        ['arbitration.closed', 786],
      ],
    ],
    [
      '共审查县政府及办公室文件86件，提出修改意见230余条。',
      [
        ['legality_review.documents', 86],
        ['legality_review.opinions', 230],
      ],
    ],
    // 不予受理 is not 受理; a 满意率 is no 办复率.
    [
      '受理行政复议申请97件，其中不予受理5件，受理92件。',
      [
        ['reconsideration.accepted', 97],
        ['reconsideration.accepted', 92],
      ],
    ],
    [
      '办理人大代表建议63件、政协委员提案91件，办结率100%，满意率98%以上。',
      [
        ['oversight.npc_suggestions', 63],
        ['oversight.cppcc_proposals', 91],
        ['oversight.handled_rate', 100],
      ],
    ],
    // An outcome list: each item named by its own word, none lent the last one's key.
    [
      '审结行政复议案件412件，其中维持268件、驳回57件、终止39件、撤销18件、确认违法6件、责令履行2件。',
      [
        ['reconsideration.closed', 412],
        ['reconsideration.corrected', 18],
        ['reconsideration.corrected', 6],
        ['reconsideration.corrected', 2],
      ],
    ],
    // The people at an emergency drill are not a 普法 audience; a 信访 rate is no service's.
    ['开展应急演练120场，参与群众1.5万余人次。', [['emergency.drills', 120]]],
    [
      '全年共接待来访群众3260人次，办理信访事项1850件，按期办结率99.2%。',
      [
        ['petition.visits', 3260],
        ['petition.visits', 1850],
      ],
    ],
  ] as [string, [string, number][]][])('reads %s', (text, expected) => {
    expect(extract(text).map(([k, v]) => [k, v])).toEqual(expected);
  });

  it('gives figures after 分别为 the keys of the items listed before it, one by one', () => {
    expect(
      extract('全县受理行政复议申请、审结行政复议案件分别为86件、79件。').map(([k, v]) => [k, v]),
    ).toEqual([
      ['reconsideration.accepted', 86],
      ['reconsideration.closed', 79],
    ]);
    expect(extract('行政复议案件受理数、办结数分别为120件和112件。').map(([k, v]) => [k, v])).toEqual([
      ['reconsideration.accepted', 120],
      ['reconsideration.closed', 112],
    ]);
    // The noun left to the last item.
    expect(
      extract('法律援助、公证、司法鉴定案件分别为320件、2100件、156件。').map(([k, v]) => [k, v]),
    ).toEqual([
      ['legal_aid.cases', 320],
      ['notary.cases', 2100],
      ['forensic.cases', 156],
    ]);
  });

  it('does not count training of others, or the best case files, as enforcement figures', () => {
    expect(extract('组织律师参加培训，培训300人次。')).toEqual([]);
    expect(extract('评出优秀案卷25卷。')).toEqual([]);
  });
});
