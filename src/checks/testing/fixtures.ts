/**
 * Test helper, not shipped API: short synthetic reports (our own text, no seed text) built from
 * parts that a test can replace, and shortcuts to analyze and check them.
 */
import { analyze, type Report } from '../../core/analyze.js';
import type { SourceHints } from '../../core/types.js';
import { loadKnowledge } from '../../knowledge/load.js';
import { type ResolvedConfig, type RuleSetting, resolveConfig, type UserConfig } from '../config.js';
import { type CheckResult, type RunOptions, runChecks } from '../engine.js';
import { loadCheckData } from '../load.js';
import { ruleById } from '../rules/index.js';
import type { CheckData, Finding } from '../types.js';

export interface ReportParts {
  /** Lines before the title (page header). */
  header: string;
  title: string;
  preamble: string;
  measures: string;
  shortcomings: string;
  leadership: string;
  plans: string;
  /** Lines after the body. */
  signature: string;
}

export const MEASURES = [
  '一、2022年度推进法治政府建设的主要举措和成效',
  '(一)深入学习贯彻习近平法治思想。县政府常务会议将习近平法治思想列为第一议题，全年开展专题学习6次。',
  '(二)深化“放管服”改革。推行告知承诺制，公布权责清单2135项，政务服务事项网上可办率达98.5%，优化营商环境。',
  '(三)加强规范性文件管理。审核规范性文件18件，备案审查率100%，清理规章和文件42件。',
  '(四)推进重大行政决策。编制重大行政决策事项目录，落实公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序，法律顾问参与审查合同65份。',
  '(五)严格规范公正文明执法。全面落实行政执法“三项制度”，开展案卷评查2次，评查案卷120卷，推行首违不罚清单。',
  '(六)依法应对突发事件。修订应急预案11件，组织应急演练8场。',
  '(七)化解矛盾纠纷。全年受理行政复议申请56件，审结50件，组织行政调解312件。',
  '(八)强化权力监督。办理人大代表建议和政协提案81件，主动公开政府信息2300条，推进政务公开。',
  '(九)建设数字政府。建成执法监督平台，实现电子证照共享，推行非现场执法。',
  '(十)加强法治宣传。开展“八五”普法主题活动45场，编印《以案释法读本》，发布典型案例12个。',
].join('\n');

export const SHORTCOMINGS = [
  '二、2022年度推进法治政府建设存在的不足和原因',
  '一是基层执法力量不足，主要是乡镇执法人员编制少、专业人员缺乏。二是规范性文件质量有待提高，原因在于起草单位合法性意识不强。',
].join('\n');

export const LEADERSHIP = [
  '三、2022年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
  '县政府主要负责人认真履行推进法治建设第一责任人职责，主持召开常务会议研究法治政府建设工作4次，带头述法，组织会前学法12次。',
].join('\n');

export const PLANS = [
  '四、2023年度推进法治政府建设的主要安排',
  '一是在6月底前完成行政规范性文件清理，由县司法局牵头。二是全年组织行政执法人员培训不少于4期。三是贯彻《优化营商环境条例》，深化公平竞争审查。',
].join('\n');

export const BASE: ReportParts = {
  header: '发布日期：2023-03-20',
  title: '某某县人民政府关于2022年度法治政府建设情况的报告',
  preamble:
    '2022年，县政府坚持以习近平法治思想为指导，全面推进依法行政，法治政府建设取得新进展。现将有关情况报告如下：',
  measures: MEASURES,
  shortcomings: SHORTCOMINGS,
  leadership: LEADERSHIP,
  plans: PLANS,
  signature: '某某县人民政府\n2023年2月10日',
};

/** The text of a synthetic report; parts set to '' are left out. */
export function reportText(parts: Partial<ReportParts> = {}): string {
  const p = { ...BASE, ...parts };
  return [p.header, p.title, p.preamble, p.measures, p.shortcomings, p.leadership, p.plans, p.signature]
    .filter((s) => s !== '')
    .join('\n');
}

export function reportOf(text: string, hints: SourceHints = {}): Report {
  return analyze(text, { knowledge: loadKnowledge(), hints });
}

export interface CheckTextOptions {
  config?: UserConfig;
  hints?: SourceHints;
  run?: RunOptions;
  data?: CheckData;
}

/** Analyze and check a text under the recommended preset (plus `config`). */
export function checkText(text: string, options: CheckTextOptions = {}): CheckResult & { report: Report } {
  const report = reportOf(text, options.hints);
  const config: ResolvedConfig = resolveConfig(options.config ?? {});
  return {
    ...runChecks(report, loadKnowledge(), config, options.data ?? loadCheckData(), options.run),
    report,
  };
}

/**
 * Findings of one rule over a text, the rule turned on (at its default severity unless `setting`
 * says otherwise) whatever the preset says.
 */
export function findingsOf(
  ruleId: string,
  text: string,
  setting?: RuleSetting,
  options: Omit<CheckTextOptions, 'config'> = {},
): Finding[] {
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const { findings } = checkText(text, {
    ...options,
    config: { rules: { [ruleId]: setting ?? rule.meta.severity } },
  });
  return findings.filter((f) => f.ruleId === ruleId);
}

/** The text a finding points at. */
export function quoted(report: Report, f: Pick<Finding, 'span'>): string {
  return report.text.slice(f.span.start, f.span.end);
}
