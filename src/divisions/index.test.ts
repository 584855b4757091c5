import { describe, expect, it } from 'vitest';
import { type DivisionIndex, padCode, parseDivisions } from './index.js';
import { loadDivisions } from './load.js';

const index: DivisionIndex = loadDivisions();

function codeOf(chain: string[], options?: Parameters<DivisionIndex['resolve']>[1]): string | null {
  return index.resolve(chain, options)?.code ?? null;
}

describe('data', () => {
  it('has the expected number of units per level', () => {
    const count = { province: 0, prefecture: 0, county: 0, township: 0, pseudo: 0 };
    for (const d of index.all()) count[d.level ?? 'pseudo']++;
    expect(count.province).toBe(31);
    expect(count.prefecture).toBeGreaterThanOrEqual(333);
    expect(count.county).toBeGreaterThanOrEqual(2800);
    expect(count.township).toBeGreaterThanOrEqual(38000);
  });

  it('has unique codes whose parents exist and one level up', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const d of index.all()) {
      if (seen.has(d.code)) problems.push(`duplicate ${d.code}`);
      seen.add(d.code);
      if (d.code.length === 2) {
        if (d.parentCode !== null) problems.push(`province ${d.code} has a parent`);
        continue;
      }
      const parent = d.parentCode === null ? null : index.get(d.parentCode);
      if (!parent || !d.code.startsWith(parent.code)) problems.push(`parent of ${d.code}`);
    }
    expect(problems).toEqual([]);
  });

  it('marks the statistical pseudo-levels', () => {
    for (const code of ['1101', '1201', '3101', '5001', '5002', '4190', '4290', '4690', '6590', '441900']) {
      const d = index.get(code);
      expect(d?.pseudo, code).toBe(true);
      expect(d?.level, code).toBeNull();
    }
    expect(index.get('1301')?.pseudo).toBe(false);
    expect(index.names()).not.toContain('市辖区');
    expect(index.names()).not.toContain('县');
    expect(index.names()).not.toContain('省直辖县级行政区划');
  });

  it('marks NBS areas that are not administrative divisions', () => {
    expect(index.get('320576')?.statistical).toBe(true); // 苏州工业园区
    expect(index.get('120115')?.statistical).toBe(false);
  });
});

describe('get and jurisdiction', () => {
  it('takes natural and padded codes', () => {
    expect(index.get('2307')?.name).toBe('伊春市');
    expect(index.get('230700')?.name).toBe('伊春市');
    expect(index.get('420000')?.name).toBe('湖北省');
    expect(index.get('120115123')?.name).toBe('牛家牌镇');
    expect(index.get('120115123000')?.name).toBe('牛家牌镇');
    expect(index.get('999999')).toBeNull();
  });

  it('gives code, name, level, parent and full name', () => {
    expect(index.get('120115123')).toMatchObject({
      code: '120115123',
      name: '牛家牌镇',
      level: 'township',
      parentCode: '120115',
      fullName: '天津市宝坻区牛家牌镇',
    });
    expect(index.get('429006')).toMatchObject({
      level: 'county',
      parentCode: '4290',
      fullName: '湖北省天门市',
    });
  });

  it('leaves the pseudo-levels out of full names', () => {
    const full = (code: string) => index.get(code)?.fullName;
    expect(full('120118')).toBe('天津市静海区');
    expect(full('429006')).toBe('湖北省天门市');
    expect(full('120115123')).toBe('天津市宝坻区牛家牌镇');
    expect(full('420105')).toBe('湖北省武汉市汉阳区');
    expect(full('370830')).toBe('山东省济宁市汶上县');
    expect(full('2307')).toBe('黑龙江省伊春市');
    expect(full('500229')).toBe('重庆市城口县');
    expect(full('659001')).toBe('新疆维吾尔自治区石河子市');
    expect(full('441900101')).toBe('广东省东莞市石碣镇');
  });

  it('pads codes the way the gold format writes them', () => {
    expect(padCode('42')).toBe('420000');
    expect(padCode('2307')).toBe('230700');
    expect(padCode('429006')).toBe('429006');
    expect(padCode('120115123')).toBe('120115123');
    expect(index.jurisdiction('42')).toEqual({ name: '湖北省', code: '420000', level: 'province' });
    expect(index.jurisdiction('2307')).toEqual({
      name: '黑龙江省伊春市',
      code: '230700',
      level: 'prefecture',
    });
  });

  it('gives a pseudo-level the jurisdiction of the unit above it', () => {
    expect(index.jurisdiction('1101')).toEqual({ name: '北京市', code: '110000', level: 'province' });
    expect(index.jurisdiction('441900')).toEqual({
      name: '广东省东莞市',
      code: '441900',
      level: 'prefecture',
    });
  });

  it('lists children', () => {
    expect(index.children('4290').map((d) => d.name)).toEqual(['仙桃市', '潜江市', '天门市', '神农架林区']);
  });
});

describe('findMentions', () => {
  it('finds every name with its span, longest match first', () => {
    const text = '天津市宝坻区牛家牌镇人民政府';
    const mentions = index.findMentions(text);
    expect(mentions.map((m) => [m.name, m.start, m.end])).toEqual([
      ['天津市', 0, 3],
      ['宝坻区', 3, 6],
      ['牛家牌镇', 6, 10],
    ]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.name);
    expect(mentions[2]?.candidates.map((d) => d.code)).toEqual(['120115123']);
  });

  it('prefers the longest name', () => {
    // 滨海新区, not a shorter name inside it
    expect(index.findMentions('天津市滨海新区').map((m) => m.name)).toEqual(['天津市', '滨海新区']);
    expect(index.findMentions('恩施土家族苗族自治州人民政府').map((m) => m.name)).toEqual([
      '恩施土家族苗族自治州',
    ]);
  });

  it('knows everyday forms of autonomous units', () => {
    const mentions = index.findMentions('恩施州、长阳县和湘西州');
    expect(mentions.map((m) => [m.name, m.form])).toEqual([
      ['恩施州', 'common'],
      ['长阳县', 'common'],
      ['湘西州', 'common'],
    ]);
    expect(mentions[1]?.candidates[0]?.code).toBe('420528');
  });

  it('matches full names only by default', () => {
    expect(index.findMentions('法治宝坻建设')).toEqual([]);
    expect(index.findMentions('宝坻人民政府')).toEqual([]);
  });

  it('matches short forms on request, next to a government word or a related name', () => {
    const names = (text: string) => index.findMentions(text, { shortForms: true }).map((m) => m.name);
    expect(names('宝坻人民政府')).toEqual(['宝坻']);
    expect(names('湖北天门')).toEqual(['湖北', '天门']);
    expect(names('法治宝坻建设')).toEqual([]);
    // 人民 (short for several 人民镇) is not a place in 人民政府
    expect(names('县人民政府')).toEqual([]);
    expect(index.findMentions('宝坻人民政府', { shortForms: true })[0]?.form).toBe('short');
  });

  it('takes a two-character name only in context', () => {
    const names = (text: string) => index.findMentions(text).map((m) => m.name);
    expect(names('山西省阳泉市郊区')).toEqual(['山西省', '阳泉市', '郊区']);
    expect(names('主城区和郊区')).toEqual([]);
    expect(names('赵县人民政府')).toEqual(['赵县']);
    expect(names('新县城建设')).toEqual([]);
    expect(index.findMentions('主城区和郊区', { weakNames: true }).map((m) => m.name)).toEqual([
      '城区',
      '郊区',
    ]);
  });

  it('does not read 乡村 as a township', () => {
    expect(index.findMentions('“平安乡村”建设')).toEqual([]);
    expect(index.findMentions('奉节县平安乡').map((m) => m.name)).toEqual(['奉节县', '平安乡']);
    expect(index.findMentions('平安乡人民政府').map((m) => m.name)).toEqual(['平安乡']);
  });

  it('finds old names', () => {
    const [m] = index.findMentions('伊春区人民政府');
    expect(m?.form).toBe('former');
    expect(m?.candidates[0]?.code).toBe('230702');
    expect(index.findMentions('密云县')[0]?.form).toBe('alias');
  });
});

describe('resolve', () => {
  it('resolves the gold examples', () => {
    expect(index.resolve(['天津市', '宝坻区', '牛家牌镇'])).toEqual({
      name: '天津市宝坻区牛家牌镇',
      code: '120115123',
      level: 'township',
    });
    expect(index.resolve(['天门市'])).toEqual({ name: '湖北省天门市', code: '429006', level: 'county' });
    expect(index.resolve(['伊春市'])).toEqual({
      name: '黑龙江省伊春市',
      code: '230700',
      level: 'prefecture',
    });
    expect(index.resolve(['汉阳区'])).toEqual({
      name: '湖北省武汉市汉阳区',
      code: '420105',
      level: 'county',
    });
    expect(index.resolve(['汶上县'])).toEqual({
      name: '山东省济宁市汶上县',
      code: '370830',
      level: 'county',
    });
    expect(index.resolve(['天津市', '静海区'])).toEqual({
      name: '天津市静海区',
      code: '120118',
      level: 'county',
    });
  });

  it('resolves a province alone', () => {
    expect(index.resolve(['湖北省'])).toEqual({ name: '湖北省', code: '420000', level: 'province' });
  });

  it('handles county-level cities under a province directly', () => {
    expect(codeOf(['仙桃市'])).toBe('429004');
    expect(codeOf(['潜江市'])).toBe('429005');
    expect(index.resolve(['济源市'])).toEqual({ name: '河南省济源市', code: '419001', level: 'county' });
    expect(index.resolve(['神农架林区'])).toEqual({
      name: '湖北省神农架林区',
      code: '429021',
      level: 'county',
    });
  });

  it('handles 自治州, 自治县, 盟, 旗, 特区 and 新区', () => {
    expect(codeOf(['恩施土家族苗族自治州'])).toBe('422800');
    expect(codeOf(['恩施州'])).toBe('422800');
    expect(codeOf(['长阳土家族自治县'])).toBe('420528');
    expect(codeOf(['长阳自治县'])).toBe('420528');
    expect(index.resolve(['兴安盟'])?.level).toBe('prefecture');
    expect(codeOf(['兴安盟'])).toBe('152200');
    expect(codeOf(['鄂托克前旗'])).toBe('150623');
    expect(codeOf(['六枝特区'])).toBe('520203');
    expect(codeOf(['浦东新区'])).toBe('310115');
    // also the name of a statistical area in 台州; the district wins
    expect(codeOf(['滨海新区'])).toBe('120116');
  });

  it('resolves a prefecture without districts to the prefecture', () => {
    expect(index.resolve(['东莞市'])).toEqual({ name: '广东省东莞市', code: '441900', level: 'prefecture' });
    expect(codeOf(['东莞市', '石碣镇'])).toBe('441900101');
  });

  it('returns null for a lone ambiguous name, with every reading', () => {
    expect(index.resolve(['朝阳区'])).toBeNull();
    const detailed = index.resolveDetailed(['朝阳区']);
    expect(detailed.ambiguous).toBe(true);
    expect(detailed.candidates.map((c) => c.jurisdiction.code).sort()).toEqual(['110105', '220104']);
    expect(index.resolveDetailed(['鼓楼区']).candidates).toHaveLength(4);
    const towns = index.resolveDetailed(['城关镇']);
    expect(towns.ambiguous).toBe(true);
    expect(towns.candidates.length).toBeGreaterThan(50);
  });

  it('disambiguates with the units above in the chain', () => {
    expect(codeOf(['北京市', '朝阳区'])).toBe('110105');
    expect(codeOf(['长春市', '朝阳区'])).toBe('220104');
    expect(codeOf(['南京市', '鼓楼区'])).toBe('320106');
    expect(codeOf(['武清区', '城关镇'])).toBe('120114110');
  });

  it('disambiguates with context names and codes', () => {
    expect(codeOf(['鼓楼区'], { contextNames: ['福州市'] })).toBe('350102');
    expect(codeOf(['鼓楼区'], { contextCodes: ['320100'] })).toBe('320106');
    expect(codeOf(['城关镇'], { contextNames: ['武清区'] })).toBe('120114110');
    const best = index.resolveDetailed(['鼓楼区'], { contextNames: ['福州市'] }).candidates[0];
    expect(best?.score).toBeGreaterThan(1.5);
  });

  it('reads names inside longer strings', () => {
    expect(codeOf(['武汉市汉阳区人民政府'])).toBe('420105');
    expect(codeOf(['中共天门市委 天门市人民政府'])).toBe('429006');
    expect(codeOf(['宝坻'])).toBe('120115');
  });

  it('takes mentions as input', () => {
    const mentions = index.findMentions('黑龙江省伊春市人民政府');
    expect(codeOf(mentions.map((m) => m.name))).toBe('230700');
    expect(index.resolve(mentions)?.code).toBe('230700');
  });

  it('returns null when nothing fits', () => {
    expect(index.resolve([])).toBeNull();
    expect(index.resolve(['国务院'])).toBeNull();
    expect(index.resolveDetailed(['国务院']).candidates).toEqual([]);
  });

  it('prefers the most specific unit that accounts for the most names', () => {
    const detailed = index.resolveDetailed(['天津市', '宝坻区', '牛家牌镇']);
    expect(detailed.ambiguous).toBe(false);
    expect(detailed.candidates[0]?.explains).toEqual(['天津市', '宝坻区', '牛家牌镇']);
    expect(detailed.candidates.map((c) => c.jurisdiction.code)).toEqual(['120115123', '120115', '120000']);
  });
});

describe('history (division-aliases.tsv)', () => {
  it('resolves former units to themselves by default', () => {
    expect(index.resolve(['伊春区'])).toEqual({
      name: '黑龙江省伊春市伊春区',
      code: '230702',
      level: 'county',
    });
    expect(index.resolve(['莱芜市'])).toEqual({ name: '山东省莱芜市', code: '371200', level: 'prefecture' });
    expect(index.get('371202')?.fullName).toBe('山东省莱芜市莱城区');
    expect(index.get('230702')?.former?.successorCodes).toEqual(['230717']);
  });

  it('reads a former name as its successor after the change', () => {
    expect(index.resolve(['伊春区'], { year: 2021 })).toEqual({
      name: '黑龙江省伊春市伊美区',
      code: '230717',
      level: 'county',
    });
    expect(codeOf(['伊春区'], { year: 2018 })).toBe('230702');
    expect(codeOf(['莱城区'], { year: 2022 })).toBe('370116');
  });

  it('prefers the current unit of the same name unless the year or chain says otherwise', () => {
    expect(codeOf(['钢城区'])).toBe('370117');
    expect(codeOf(['济南市', '钢城区'])).toBe('370117');
    expect(codeOf(['钢城区'], { year: 2018 })).toBe('371203');
    expect(codeOf(['莱芜市', '钢城区'])).toBe('371203');
    expect(codeOf(['友好区'])).toBe('230719');
    expect(codeOf(['友好区'], { year: 2017 })).toBe('230704');
  });

  it('keeps a current unit that reuses a code ahead of the former name', () => {
    expect(index.get('130502')?.name).toBe('襄都区');
    expect(codeOf(['邢台市', '桥东区'], { year: 2019 })).toBe('130502');
    expect(index.resolve(['邢台市', '桥东区'], { year: 2019 })?.name).toBe('河北省邢台市桥东区');
  });

  it('maps old names of current units', () => {
    expect(index.resolve(['密云县'])).toEqual({ name: '北京市密云区', code: '110118', level: 'county' });
    expect(codeOf(['重庆市', '开县'])).toBe('500154');
    expect(codeOf(['哈密地区'])).toBe('650500');
  });

  it('resolves the districts of the 2019 伊春 reform', () => {
    expect(codeOf(['伊春市', '金林区'])).toBe('230751');
    expect(codeOf(['伊美区'])).toBe('230717');
  });
});

describe('names', () => {
  it('lists full and everyday names, short forms on request', () => {
    const names = new Set(index.names());
    expect(names.has('宝坻区')).toBe(true);
    expect(names.has('恩施州')).toBe(true);
    expect(names.has('伊春区')).toBe(true);
    expect(names.has('宝坻')).toBe(false);
    expect(new Set(index.names({ shortForms: true })).has('宝坻')).toBe(true);
  });

  it('looks up exact names', () => {
    expect(index.lookup('汉阳区').map((d) => d.code)).toEqual(['420105']);
    expect(index.lookup('城关镇').length).toBe(88);
    expect(index.lookup('宝坻')).toEqual([]);
    expect(index.lookup('宝坻', { shortForms: true }).map((d) => d.code)).toEqual(['120115']);
  });
});

describe('parseDivisions', () => {
  const tiny = [
    '# test data',
    '12\t天津市',
    '1201\t市辖区\t\tp',
    '120115\t宝坻区',
    '120115123\t牛家牌镇',
    '42\t湖北省',
    '4290\t省直辖县级行政区划\t\tp',
    '429006\t天门市',
    '',
  ].join('\n');

  it('builds an index from small data', () => {
    const small = parseDivisions(tiny);
    expect(small.all()).toHaveLength(7);
    expect(small.resolve(['牛家牌镇'])?.name).toBe('天津市宝坻区牛家牌镇');
    expect(small.get('429006')?.fullName).toBe('湖北省天门市');
  });

  it('accepts CRLF line ends', () => {
    expect(parseDivisions(tiny.replace(/\n/g, '\r\n')).get('120115')?.name).toBe('宝坻区');
  });

  it('rejects malformed data', () => {
    expect(() => parseDivisions('12345\t某地')).toThrow(/line 1/);
    expect(() => parseDivisions('12\t天津市\n12\t天津市')).toThrow(/duplicate code 12/);
    expect(() => parseDivisions('120115\t宝坻区')).toThrow(/parent 1201/);
    expect(() => parseDivisions(tiny, 'alias\t老名\t\t\t999999\t2015\tnote')).toThrow(/successor 999999/);
    expect(() => parseDivisions(tiny, 'former\t老名\t\t\t120115\t2015\tnote')).toThrow(
      /code and an until year/,
    );
    expect(() => parseDivisions(tiny, 'other\t老名\t\t\t120115\t2015\tnote')).toThrow(/kind/);
  });

  it('reads former and alias rows', () => {
    const small = parseDivisions(
      tiny,
      'former\t老区\t120199\t\t120115\t2016+\tmerged\nalias\t宝坻县\t\t\t120115\t2001\trenamed\n',
    );
    expect(small.get('120199')?.former).toEqual({
      until: 2016,
      untilIsLowerBound: true,
      successorCodes: ['120115'],
      note: 'merged',
    });
    expect(small.get('120199')?.fullName).toBe('天津市老区');
    expect(small.resolve(['宝坻县'])?.code).toBe('120115');
  });
});
