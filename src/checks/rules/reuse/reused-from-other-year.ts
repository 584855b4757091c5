/**
 * `reuse/reused-from-other-year`: a passage repeated, nearly word for word, from the same unit's
 * report of another year — the year's work described with last year's text. A corpus rule.
 */
import { defineCorpusRule } from '../../types.js';
import { emitPassages, REUSE_DEFAULTS, REUSE_SCHEMA, type ReuseRuleOptions } from './options.js';

export default defineCorpusRule<ReuseRuleOptions>({
  meta: {
    id: 'reuse/reused-from-other-year',
    category: 'reuse',
    severity: 'info',
    recommended: true,
    description: {
      zh: '段落与本单位其他年度报告的段落高度雷同（照搬往年表述）',
      en: "A passage nearly repeats a passage of the same unit's report of another year",
    },
    messages: {
      reused: '本段与本单位{year}年度报告的段落高度雷同（相似度 {similarity}%，{chars} 字）',
    },
    defaultOptions: REUSE_DEFAULTS,
    schema: REUSE_SCHEMA,
  },
  checkCorpus(context) {
    emitPassages(
      context,
      'same-unit-other-year',
      'reused',
      (r) => `${r.other.year ?? '其他'}年度报告中的段落`,
    );
  },
});
