/**
 * Test helper, not shipped API: a fictional county's annual report, written for these tests,
 * with the usual 公文 outline (一、 （一） 1. （1） ①) and a 落款. `level` is the heading depth
 * (0 for body text) so DOCX fixtures can number headings automatically and PDF fixtures can
 * print the markers.
 */
export interface ReportParagraph {
  /** 0 = body paragraph; 1 一、; 2 （一）; 3 1.; 4 （1）; 5 ①. */
  level: 0 | 1 | 2 | 3 | 4 | 5;
  text: string;
  /** The marker a reader must put back in front of a heading. */
  marker?: string;
}

export const REPORT_TITLE = '青禾县人民政府关于2023年度法治政府建设情况的报告';

export const REPORT_BODY: ReportParagraph[] = [
  {
    level: 0,
    text: '2023年，青禾县人民政府坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，围绕县委全面依法治县工作部署，统筹推进依法行政各项工作，全县法治政府建设取得新进展。现将有关情况报告如下：',
  },
  { level: 1, marker: '一、', text: '2023年度推进法治政府建设的主要举措和成效' },
  { level: 2, marker: '（一）', text: '坚持高位推动，压紧压实法治建设责任' },
  {
    level: 0,
    text: '县政府把法治政府建设摆在全局工作的突出位置，全年召开县政府常务会议研究法治政府建设议题8次，制定年度工作要点，明确重点任务26项，逐项落实责任单位和完成时限，年底前全部完成。',
  },
  { level: 3, marker: '1.', text: '健全领导干部学法制度' },
  {
    level: 0,
    text: '坚持县政府常务会议会前学法制度，全年集中学习宪法、行政复议法、行政处罚法等法律法规15部，组织领导干部旁听庭审活动2次，参加人员共计310人次，领导干部运用法治思维解决问题的能力明显增强。',
  },
  { level: 4, marker: '（1）', text: '完善考核评价办法' },
  {
    level: 0,
    text: '将法治建设成效纳入县管领导班子和领导干部年度考核，考核分值占比提高到6%，对考核排名靠后的3个单位主要负责人进行约谈，推动责任层层传导。',
  },
  { level: 5, marker: '①', text: '乡镇考核全覆盖' },
  { level: 5, marker: '②', text: '县直部门考核全覆盖' },
  { level: 2, marker: '（二）', text: '深化行政执法体制改革，提升执法规范化水平' },
  {
    level: 0,
    text: '全面推行行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，全县42个行政执法主体公示率达100%。全年办理行政处罚案件2156件，其中适用简易程序1032件，开展行政执法案卷评查2次，评查案卷240卷，发现并整改问题37个，群众对执法工作的满意度达到96.5%。',
  },
  { level: 1, marker: '二、', text: '存在的不足和原因' },
  {
    level: 0,
    text: '一是基层法治力量仍然薄弱，部分乡镇缺少专职法治审核人员；二是行政执法监督的信息化水平不高，监督手段较为单一；三是法治宣传教育的针对性有待加强。',
  },
  { level: 1, marker: '三、', text: '2024年度推进法治政府建设的主要安排' },
  {
    level: 0,
    text: '2024年，青禾县将持续深化法治政府建设示范创建，健全重大行政决策程序，加强行政执法协调监督工作体系建设，推进公共法律服务体系建设，为全县高质量发展提供坚实法治保障。',
  },
];

export const REPORT_SIGNATURE = ['青禾县人民政府', '2024年1月31日'];

/** The paragraphs a reader must produce for the report: title, body with markers, 落款. */
export function expectedParagraphs(): string[] {
  return [REPORT_TITLE, ...REPORT_BODY.map((p) => (p.marker ?? '') + p.text), ...REPORT_SIGNATURE];
}
