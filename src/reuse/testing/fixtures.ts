/**
 * Texts for the copy-detection tests, written for them: paragraphs a report might contain, a
 * paraphrase with figures and place names changed, unrelated paragraphs, and seeded filler.
 */
import type { Report } from '../../core/analyze.js';
import type { Paragraph } from '../../core/types.js';
import { Rng } from '../../synth/rng.js';

/** A report whose every line is a body paragraph (what paragraphUnits reads). */
export function bodyReport(lines: readonly string[]): Pick<Report, 'text' | 'paragraphs'> {
  const text = lines.join('\n');
  const paragraphs: Paragraph[] = [];
  let at = 0;
  for (const line of lines) {
    paragraphs.push({ span: { start: at, end: at + line.length }, role: 'body' });
    at += line.length + 1;
  }
  return { text, paragraphs };
}

/** A paragraph one report copies from another. */
export const COPIED =
  '东港区全面推行行政执法公示制度，在区政府门户网站开设执法信息公示专栏，集中公开执法主体、执法人员、职责权限、执法依据、执法程序和监督方式等信息。全年公示行政许可决定3125件、行政处罚决定846件，执法信息公示率达到100%。同时建立执法公示动态调整机制，人员和职责发生变化的，在5个工作日内更新公示内容。';

/** The same paragraph as another unit would copy it: its own place name, its own figures. */
export const PARAPHRASED =
  '西林县全面推行行政执法公示制度，在县政府门户网站开设执法信息公示专栏，集中公开执法主体、执法人员、职责权限、执法依据、执法程序和监督方式等信息。全年公示行政许可决定958件、行政处罚决定127件，执法信息公示率为100%。同时建立执法公示动态调整机制，人员和职责发生变化的，在7个工作日内更新公示内容。';

/** Paragraphs on other matters, sharing only the vocabulary of the genre. */
export const UNRELATED: readonly string[] = [
  '围绕群众反映强烈的物业服务、房屋租赁等问题，组织住建、市场监管等部门开展联合检查，督促整改问题隐患二百余处，并对两家拒不整改的企业依法立案查处。',
  '深化公共法律服务体系建设，在每个社区设立法律服务工作室，由执业律师定期坐班，为居民提供婚姻家庭、劳动争议、邻里纠纷等方面的法律咨询。',
  '推进政务数据归集共享，将不动产登记、社保缴费、企业登记等高频数据接入共享平台，累计调用数据四十余万次，减少群众提交纸质材料近万份。',
  '健全规范性文件备案审查机制，对报送备案的文件逐件登记、逐件审查，发现与上位法不一致的，及时向制定机关发出纠正意见书并跟踪整改落实。',
  '开展行政复议案件质量评查，邀请法学专家和执业律师组成评查组，对全年审结的复议案卷逐卷评查，评查结果纳入年度法治建设考核。',
  '组织新修订的行政处罚法专题培训，采取集中授课与案例研讨相结合的方式，覆盖全体一线执法人员，并组织闭卷考试检验学习效果。',
];

/** An opening made of stock phrases only (data/boilerplate.tsv), as two units would each write it. */
export const PREAMBLE_A =
  '2022年，东港区坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面贯彻党的二十大精神，对照职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的目标，现将2022年度法治政府建设情况报告如下：';
export const PREAMBLE_B =
  '2023年，西林县坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面贯彻党的二十大和二十届二中全会精神，围绕职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意，现将有关情况报告如下：';

// Common characters of report prose; filler drawn from them shares no passage by chance.
const POOL =
  '政府法治建设推进工作制度机制规范管理服务监督执法行政审批改革完善健全加强落实开展组织实施深化提升优化创新保障体系能力水平质量效率群众企业社会经济发展安全环境资源交通教育卫生文化民生市场主体信用信息公开平台数据共享网络系统项目资金人员队伍培训考核评价责任目标任务措施问题整改风险防范化解矛盾纠纷调解复议诉讼案件办理受理审查决定处罚许可检查备案登记公示记录档案会议学习宣传普及示范试点基层社区乡村街道部门单位机构领导干部职工专家律师顾问咨询意见建议';

/** Seeded filler of `length` characters: pool characters with a comma or full stop now and then. */
export function filler(seed: number, length: number): string {
  const rng = new Rng(seed);
  let out = '';
  let sinceMark = 0;
  while (out.length < length) {
    if (sinceMark >= 12 && rng.chance(0.12)) {
      out += rng.chance(0.4) ? '。' : '，';
      sinceMark = 0;
      continue;
    }
    out += POOL[rng.int(0, POOL.length - 1)];
    sinceMark++;
  }
  return `${out.slice(0, length - 1)}。`;
}
