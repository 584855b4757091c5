import { describe, expect, it } from 'vitest';
import { findQuantities, type Quantity, UNITS } from './quantity.js';

/** [raw, value, unit, approx] of every quantity, after checking that each span matches its raw text. */
function brief(
  text: string,
  from?: number,
  to?: number,
): Array<[string, number, string, Quantity['approx']]> {
  const qs = findQuantities(text, from, to);
  for (const q of qs) {
    expect(text.slice(q.start, q.end)).toBe(q.raw);
    expect(q.start).toBeLessThanOrEqual(q.numberStart);
    expect(q.numberStart).toBeLessThan(q.numberEnd);
    expect(q.numberEnd).toBeLessThanOrEqual(q.end);
  }
  return qs.map((q) => [q.raw, q.value, q.unit, q.approx]);
}

/** The only quantity of `text`. */
function only(text: string): Quantity {
  const qs = findQuantities(text);
  expect(qs).toHaveLength(1);
  const q = qs[0] as Quantity;
  expect(text.slice(q.start, q.end)).toBe(q.raw);
  return q;
}

/** The numeral part of a quantity. */
function numeral(text: string, q: Quantity): string {
  return text.slice(q.numberStart, q.numberEnd);
}

describe('findQuantities: figures with units', () => {
  it('finds each figure of a sentence, in order, with exact spans', () => {
    expect(brief('全年共受理行政复议申请115件,审结90件。')).toEqual([
      ['115件', 115, '件', null],
      ['90件', 90, '件', null],
    ]);
  });

  it('keeps the pairs of 分别…和…', () => {
    expect(brief('市政府常务会议、专题会议分别研究法治工作15次和12次')).toEqual([
      ['15次', 15, '次', null],
      ['12次', 12, '次', null],
    ]);
  });

  it('keeps every part of a list', () => {
    expect(brief('开通市级2220项、镇级5432项、村级20671项服务事项网上办理')).toEqual([
      ['2220项', 2220, '项', null],
      ['5432项', 5432, '项', null],
      ['20671项', 20671, '项', null],
    ]);
  });

  it('keeps a total and its parts', () => {
    expect(brief('受理、审批、指派法律援助案件847件,其中民事447件,刑事400件。')).toEqual([
      ['847件', 847, '件', null],
      ['447件', 447, '件', null],
      ['400件', 400, '件', null],
    ]);
  });

  it('reads percentages', () => {
    expect(brief('热线接通率99.5%,直接办结率96.28%。')).toEqual([
      ['99.5%', 99.5, '%', null],
      ['96.28%', 96.28, '%', null],
    ]);
  });

  it('takes the longest unit', () => {
    expect(brief('开展送法进乡村活动32场次,受众4800人次,出动执法车辆26车次,审核合同56件次')).toEqual([
      ['32场次', 32, '场次', null],
      ['4800人次', 4800, '人次', null],
      ['26车次', 26, '车次', null],
      ['56件次', 56, '件次', null],
    ]);
  });

  it('reads 个 before a noun and the 个-units of time', () => {
    expect(brief('组织15个部门,办理时限压缩至5个工作日,历时3个月')).toEqual([
      ['15个', 15, '个', null],
      ['5个工作日', 5, '个工作日', null],
      ['3个月', 3, '个月', null],
    ]);
  });

  it('keeps a counter in parentheses with its unit', () => {
    expect(only('开展应急培训326场(次)').unit).toBe('场(次)');
    expect(only('开展应急培训326场（次）').unit).toBe('场(次)');
  });

  it('allows one space between an Arabic figure and its unit', () => {
    expect(brief('对15 处乡镇和372 个村开展督察')).toEqual([
      ['15 处', 15, '处', null],
      ['372 个', 372, '个', null],
    ]);
  });

  it('reads multipliers into the value', () => {
    const text = '累计归集信用信息2014.63万条,惩戒对象1,100万人次,涉及24万户';
    expect(brief(text)).toEqual([
      ['2014.63万条', 20146300, '条', null],
      ['1,100万人次', 11000000, '人次', null],
      ['24万户', 240000, '户', null],
    ]);
    const q = findQuantities(text)[0] as Quantity;
    expect(numeral(text, q)).toBe('2014.63万');
  });

  it('reads money in 元 whatever the multiplier', () => {
    expect(brief('罚款8300元,挽回经济损失2.5万元,涉及标的额20亿元,追缴3千元')).toEqual([
      ['8300元', 8300, '元', null],
      ['2.5万元', 25000, '元', null],
      ['20亿元', 2000000000, '元', null],
      ['3千元', 3000, '元', null],
    ]);
  });

  it('reads 个百分点 and other rate units', () => {
    expect(brief('纠错率同比下降2.3个百分点,差错率3‰,事故率2‱')).toEqual([
      ['2.3个百分点', 2.3, '个百分点', null],
      ['3‰', 3, '‰', null],
      ['2‱', 2, '‱', null],
    ]);
  });

  it('has every unit of the seed statistics in its list', () => {
    for (const u of ['件', '个', '%', '人', '项', '条', '名', '人次', '次', '起', '元', '份', '家', '场']) {
      expect(UNITS).toContain(u);
    }
    for (const u of ['处', '期', '部', '本', '场次', '所', '位', '车次', '件次', '套', '对']) {
      expect(UNITS).toContain(u);
    }
  });
});

describe('findQuantities: Chinese numerals', () => {
  it('reads a Chinese numeral followed by a counting unit', () => {
    expect(brief('制定两个方案,落实三项措施,召开十五次会议,清理一百零五件文件,废止十二件')).toEqual([
      ['两个', 2, '个', null],
      ['三项', 3, '项', null],
      ['十五次', 15, '次', null],
      ['一百零五件', 105, '件', null],
      ['十二件', 12, '件', null],
    ]);
  });

  it('reads 百余 and 万余 as over', () => {
    const text = '开展法治宣传活动百余场次,印发法律法规宣传手册万余册';
    expect(brief(text)).toEqual([
      ['百余场次', 100, '场次', 'over'],
      ['万余册', 10000, '册', 'over'],
    ]);
    const [a, b] = findQuantities(text) as [Quantity, Quantity];
    expect(numeral(text, a)).toBe('百');
    expect(numeral(text, b)).toBe('万');
  });

  it('reads 余 and 多 between a Chinese numeral and its unit', () => {
    expect(brief('组织五十余人参加培训,走访企业三十多家,培训执法人员三千余人,惠及两万多户')).toEqual([
      ['五十余人', 50, '人', 'over'],
      ['三十多家', 30, '家', 'over'],
      ['三千余人', 3000, '人', 'over'],
      ['两万多户', 20000, '户', 'over'],
    ]);
  });

  it('reads 余 and 多 before a multiplier', () => {
    expect(brief('惠及群众二十余万人,交易额三十万多亿元,办件10余万件')).toEqual([
      ['二十余万人', 200000, '人', 'over'],
      ['三十万多亿元', 3e13, '元', 'over'],
      ['10余万件', 100000, '件', 'over'],
    ]);
  });

  it('reads vague numerals from their lower bound, as over', () => {
    expect(brief('召开协调会数十次,培训几百人,走访十几家企业,发放数万册,参与二十几人')).toEqual([
      ['数十次', 10, '次', 'over'],
      ['几百人', 100, '人', 'over'],
      ['十几家', 10, '家', 'over'],
      ['数万册', 10000, '册', 'over'],
      ['二十几人', 20, '人', 'over'],
    ]);
  });

  it('reads 大写 numerals and colloquial forms', () => {
    expect(brief('罚款壹万贰仟元,覆盖两万三千人,服务两万三人')).toEqual([
      ['壹万贰仟元', 12000, '元', null],
      ['两万三千人', 23000, '人', null],
      ['两万三人', 23000, '人', null],
    ]);
  });

  it('needs a unit after a Chinese numeral', () => {
    expect(brief('一是加强领导,二是完善制度,三是强化考核')).toEqual([]);
  });

  it('does not read 分, 台, 门 as units after Chinese numerals', () => {
    expect(brief('这项工作十分重要,七台河市,推行一门式服务')).toEqual([]);
    expect(brief('考核得分95分,新增设备12台')).toEqual([
      ['95分', 95, '分', null],
      ['12台', 12, '台', null],
    ]);
  });
});

describe('findQuantities: qualifiers', () => {
  it.each([
    ['接听来电超2014.63万条', '超2014.63万条', 20146300, 'over'],
    ['参训人员逾3000人', '逾3000人', 3000, 'over'],
    ['参训人员超过3000人', '超过3000人', 3000, 'over'],
    ['参训人员3000人以上', '3000人以上', 3000, 'over'],
    ['覆盖率达95%以上', '95%以上', 95, 'over'],
    ['参训人员3000余人', '3000余人', 3000, 'over'],
    ['参训人员3000多人', '3000多人', 3000, 'over'],
    ['参训人员至少3000人', '至少3000人', 3000, 'over'],
    ['受众近3000人', '近3000人', 3000, 'under'],
    ['受众将近3000人', '将近3000人', 3000, 'under'],
    ['受众接近3000人', '接近3000人', 3000, 'under'],
    ['受众不足3000人', '不足3000人', 3000, 'under'],
    ['受众不到3000人', '不到3000人', 3000, 'under'],
    ['比例不超过5%', '不超过5%', 5, 'under'],
    ['时限压缩至5个工作日以内', '5个工作日以内', 5, 'under'],
    ['受众约3000人', '约3000人', 3000, 'about'],
    ['受众大约3000人', '大约3000人', 3000, 'about'],
    ['受众3000人左右', '3000人左右', 3000, 'about'],
    ['受众约为3000人', '约为3000人', 3000, 'about'],
  ] as const)('%s → %s', (text, raw, value, approx) => {
    const q = only(text);
    expect(q).toMatchObject({ raw, value, approx });
  });

  it('makes an under and an over together about: 近24万余次', () => {
    const text = '热线已接听来电近24万余次';
    const q = only(text);
    expect(q).toMatchObject({ raw: '近24万余次', value: 240000, unit: '次', approx: 'about' });
    expect(numeral(text, q)).toBe('24万');
  });

  it('keeps 余 after 万 apart from the value: 50万余件', () => {
    expect(only('累计受理网上办件50万余件').value).toBe(500000);
    expect(only('累计受理网上办件50万余件').approx).toBe('over');
  });

  it('leaves neutral words out of the span: 达, 共, 累计', () => {
    expect(brief('开展普法活动达30余场次,共计发放资料800余份')).toEqual([
      ['30余场次', 30, '场次', 'over'],
      ['800余份', 800, '份', 'over'],
    ]);
  });

  it('does not read 近 and 约 inside words as qualifiers', () => {
    expect(brief('最近3年签约120户,预约50次')).toEqual([
      ['3年', 3, '年', null],
      ['120户', 120, '户', null],
      ['50次', 50, '次', null],
    ]);
  });

  it('reads qualifiers of time units: 两年多, 一个多月', () => {
    expect(brief('历时两年多,整改用时一个多月')).toEqual([
      ['两年多', 2, '年', 'over'],
      ['一个多月', 1, '个月', 'over'],
    ]);
  });
});

describe('findQuantities: percentages written in words', () => {
  it('reads 百分之, 千分之, 万分之', () => {
    expect(brief('满意率达到百分之九十五,差错率控制在千分之一,事故率万分之三')).toEqual([
      ['百分之九十五', 95, '%', null],
      ['千分之一', 1, '‰', null],
      ['万分之三', 3, '‱', null],
    ]);
  });

  it('gives the numeral after 之 as the number span', () => {
    const text = '满意率百分之九十五以上';
    const q = only(text);
    expect(q).toMatchObject({ raw: '百分之九十五以上', value: 95, unit: '%', approx: 'over' });
    expect(numeral(text, q)).toBe('九十五');
  });

  it('stops before a following 百分 word: 百分之七十百分位', () => {
    expect(brief('处于全国百分之七十百分位')).toEqual([['百分之七十', 70, '%', null]]);
  });

  it('reads 百分之百 and 百分之 with Arabic digits', () => {
    expect(brief('做到百分之百全覆盖,比例百分之95')).toEqual([
      ['百分之百', 100, '%', null],
      ['百分之95', 95, '%', null],
    ]);
  });
});

describe('findQuantities: ranges', () => {
  it.each([
    ['每村配备3-5件设备', '3-5件', 3, 5, '件'],
    ['每村配备3—5件设备', '3—5件', 3, 5, '件'],
    ['每村配备3~5件设备', '3~5件', 3, 5, '件'],
    ['每村配备3至5件设备', '3至5件', 3, 5, '件'],
    ['每村配备三至五件设备', '三至五件', 3, 5, '件'],
    ['每村配备三到五件设备', '三到五件', 3, 5, '件'],
    ['每村配备3件至5件设备', '3件至5件', 3, 5, '件'],
    ['降幅10%—20%之间', '10%—20%', 10, 20, '%'],
    ['降幅10%-20%之间', '10%-20%', 10, 20, '%'],
    ['奖励3-5万元', '3-5万元', 30000, 50000, '元'],
    ['每月两三次', '两三次', 2, 3, '次'],
    ['每周一两次', '一两次', 1, 2, '次'],
  ] as const)('%s → %s', (text, raw, low, high, unit) => {
    const q = only(text);
    expect(q).toMatchObject({ raw, value: low, unit, range: { low, high } });
  });

  it('spans the range numerals from the first to the last', () => {
    const text = '每村配备3至5件设备';
    expect(numeral(text, only(text))).toBe('3至5');
  });

  it('keeps a qualifier before a range', () => {
    expect(only('约3-5人').approx).toBe('about');
  });

  it('sets no range on single figures, 百余 included', () => {
    expect(only('开展活动百余场次').range).toBeUndefined();
    expect(only('审结90件').range).toBeUndefined();
  });
});

describe('findQuantities: not quantities', () => {
  it.each([
    ['2022年,全市法治政府建设取得新成效'],
    ['2022年3月18日召开全市推进会'],
    ['3月18日召开全市推进会'],
    ['7月26日召开专题会议'],
    ['落实《法治政府建设实施纲要(2021—2025年)》'],
    ['落实《法治政府建设实施纲要(2021-2025年)》'],
    ['发布时间:2023-03-17 17:01'],
    ['汶上县司法局 2024228'],
    ['荣获20222023年度先进'],
    ['二〇二三年一月三十一日'],
    ['二零二二年度'],
    ['于1016日至20日开展督察'],
    ['4-10月份开展专项行动'],
    ['截至2022年底'],
  ])('dates and years: %s', (text) => {
    expect(brief(text)).toEqual([]);
  });

  it.each([
    ['市人大常委会第四次会议'],
    ['公布第1批典型案例'],
    ['第 3 批试点'],
    ['市委十五届三次全会'],
    ['学习贯彻党的二十大精神'],
    ['十九届六中全会'],
    ['荣获全省第一名'],
  ])('ordinals: %s', (text) => {
    expect(brief(text)).toEqual([]);
  });

  it.each([
    ['深入实施"八五"普法规划'],
    ['深入实施“八五”普法规划'],
    ['八五普法中期评估'],
    ['推行"1+3"队建制模式'],
    ['优化“5+2”法治服务'],
    ['提供7×24小时服务'],
    ['12345热线工单'],
    ['拨打12348公共法律服务热线'],
    ['110接处警'],
    ['落实“三项制度”'],
    ['践行“四个亲自”'],
    ['落实行政执法三项制度'],
    ['党政一把手'],
    ['推行一网通办'],
    ['推进一件事一次办'],
    ['开展双随机、一公开监管'],
    ['推进两法衔接'],
    ['落实三统一要求'],
    ['建立“四所一庭”联动机制'],
    ['建立四所一庭联动机制'],
    ['实行一人一档'],
    ['开展一对一帮扶'],
    ['统筹推进五位一体'],
    ['落实一次性告知'],
    ['做到最多跑一次'],
    ['严格落实中央八项规定'],
    ['增强四个意识'],
    ['做到两个维护'],
    ['编制十四五规划'],
    ['十三五期间'],
    ['一次告知、一表申请、一套材料'],
    ['推出一批典型案例'],
    ['大家一起行动'],
    ['作为一种新模式'],
    ['推进一部分事项'],
    ['建设5G基站'],
  ])('names, slogans and codes: %s', (text) => {
    expect(brief(text)).toEqual([]);
  });

  it.each([
    ['鄂政办发〔2021〕33号'],
    ['厅字〔2019〕28号'],
    ['索引号:2023-02723'],
    ['索引号:MB1A08302/2023'],
    ['索引号:011052703/2023-02723'],
    ['电话:0728-4812345'],
    ['鄂ICP备05005537号-1'],
    ['政府网站标识码4290060001'],
    ['时间2023.03.17'],
  ])('document, index and phone numbers: %s', (text) => {
    expect(brief(text)).toEqual([]);
  });

  it('skips figures inside short quoted names, percentages included', () => {
    expect(brief('开展“100%回访”活动,推行“3个当场”')).toEqual([]);
  });

  it.each([
    ['进一步健全制度'],
    ['统一部署、统一标准'],
    ['唯一一个试点'],
    ['一方面加强监管'],
    ['一系列举措'],
    ['一些地方'],
    ['一直坚持'],
    ['推进一体化建设'],
    ['一律公开'],
    ['万一发生'],
    ['千万不能'],
    ['保障百姓权益'],
    ['服务三农'],
    ['零件采购'],
    ['零容忍'],
    ['试点城区之一'],
    ['每一次执法'],
    ['星期三召开'],
    ['深入千家万户'],
    ['法律进万家'],
    ['人数十分踊跃'],
    ['三分之二以上'],
  ])('Chinese numerals inside words: %s', (text) => {
    expect(brief(text)).toEqual([]);
  });

  it('leaves 一 alone after 统, 唯, 每 even before a unit character', () => {
    expect(brief('统一部门标准,每一件事')).toEqual([]);
  });

  it('counts 每周两次 (周 is not a weekday there)', () => {
    expect(brief('每周两次电话回访')).toEqual([['两次', 2, '次', null]]);
  });
});

describe('findQuantities: Arabic figures without a unit', () => {
  it('returns them with an empty unit', () => {
    expect(brief('涉及468检查事项,共计300余,其中1,200')).toEqual([
      ['468', 468, '', null],
      ['300余', 300, '', 'over'],
      ['1,200', 1200, '', null],
    ]);
  });

  it('skips years, list markers, hotlines and designators', () => {
    expect(brief('1.加强领导 2、完善制度 (3)强化考核 2022 12345 110 3号楼 17时 建党100周年')).toEqual([]);
  });
});

describe('findQuantities: input forms and windows', () => {
  it('tolerates full-width digits, percent, comma, point and parentheses', () => {
    expect(brief('受理１１５件,比例９７．６％,合计１，１００万元,培训３２６场（次）,配备３－５件')).toEqual([
      ['１１５件', 115, '件', null],
      ['９７．６％', 97.6, '%', null],
      ['１，１００万元', 11000000, '元', null],
      ['３２６场（次）', 326, '场(次)', null],
      ['３－５件', 3, '件', null],
    ]);
  });

  it('searches only the window, with offsets of the whole text', () => {
    const text = '受理115件。审结90件。纠错5件。';
    const qs = findQuantities(text, 7, 12);
    expect(qs.map((q) => q.raw)).toEqual(['90件']);
    expect(qs[0]?.start).toBe(text.indexOf('90件'));
  });

  it('does not let a unit or qualifier run past the window', () => {
    const text = '受众近3000人次';
    expect(findQuantities(text, 3, 8).map((q) => [q.raw, q.unit, q.approx])).toEqual([
      ['3000人', '人', null],
    ]);
  });

  it('reads a report paragraph with many kinds of figures', () => {
    const text =
      '2023年,全县共收到行政复议申请236件,受理212件,审结近200件,直接纠错率6.5%;' +
      '组织开展“法律进万家”活动百余场次,发放宣传资料1.8万余份,受众约12万人次;' +
      '全县21个乡镇、386个村(社区)实现法律顾问全覆盖,两个部门获评先进。';
    expect(brief(text)).toEqual([
      ['236件', 236, '件', null],
      ['212件', 212, '件', null],
      ['近200件', 200, '件', 'under'],
      ['6.5%', 6.5, '%', null],
      ['百余场次', 100, '场次', 'over'],
      ['1.8万余份', 18000, '份', 'over'],
      ['约12万人次', 120000, '人次', 'about'],
      ['21个', 21, '个', null],
      ['386个', 386, '个', null],
      ['两个', 2, '个', null],
    ]);
  });
});
