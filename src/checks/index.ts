/**
 * `fazhi` checks: a linter for annual rule-of-law government reports. Rules over the analyzed
 * report, configured like ESLint, with findings that carry spans and a transparent 0–100 score.
 *
 * @example
 * import { checkReport } from './checks/index.js';
 * const { findings, score } = checkReport(report, loadKnowledge());
 * score.total; // 78.5
 */
import type { Report } from '../core/analyze.js';
import type { Knowledge } from '../core/knowledge.js';
import { type ResolvedConfig, resolveConfig } from './config.js';
import { type CheckResult, type RunOptions, runChecks } from './engine.js';
import { loadCheckData } from './load.js';
import type { CheckData } from './types.js';

export type { AreaDef, Labelling, OutlineAreas, ParagraphLabel, SentenceLabel } from './areas.js';
export { labelReport, parseOutlineAreas } from './areas.js';
export type { ConfigOverride, PresetName, ResolvedConfig, RuleSetting, UserConfig } from './config.js';
export {
  buildConfigSchema,
  ConfigError,
  isIgnored,
  PRESETS,
  resolveConfig,
  validateConfig,
} from './config.js';
export type { Directive } from './directives.js';
export { htmlDirectives, parseDirectives } from './directives.js';
export type { CheckResult, RunOptions } from './engine.js';
export { DIRECTIVE_RULE_ID, runChecks } from './engine.js';
export type { Features } from './features.js';
export { loadCheckData } from './load.js';
export { RULES } from './rules/index.js';
export type { DimensionScore, Rubric, Score } from './score.js';
export type { Finding, Fix, RelatedLocation, Rule, Severity } from './types.js';

/**
 * The 纲要 area labels (A01–A10, X_society, X_security, X_judiciary, X_economy) with their
 * Chinese names, for front ends that show `CheckResult.labels`.
 *
 * @example areaLabels()[0] // { id: 'A01', name: '学习贯彻习近平法治思想', title: '深入学习贯彻…', scope: 'in' }
 */
export function areaLabels(
  data: CheckData = loadCheckData(),
): { id: string; name: string; title: string; scope: 'in' | 'adjacent' | 'off' }[] {
  return data.areas.areas.map(({ id, name, title, scope }) => ({ id, name, title, scope }));
}

/**
 * Check one analyzed report: the findings of the configured rules and the score.
 * `config` defaults to the `recommended` preset; `data` to the rule data of `data/`.
 */
export function checkReport(
  report: Report,
  knowledge: Knowledge,
  config: ResolvedConfig = resolveConfig(),
  data: CheckData = loadCheckData(),
  options: RunOptions = {},
): CheckResult {
  return runChecks(report, knowledge, config, data, options);
}
