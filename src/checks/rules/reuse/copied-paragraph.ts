/**
 * `reuse/copied-paragraph` (rubric Q11): a passage that is a near-copy of a passage in another
 * unit's report, beyond the boilerplate every report shares. A corpus rule: the passages come
 * from copy detection over a corpus (`fazhi reuse`), not from the report alone.
 */
import { defineCorpusRule } from '../../types.js';
import { emitPassages, REUSE_DEFAULTS, REUSE_SCHEMA, type ReuseRuleOptions } from './options.js';

export default defineCorpusRule<ReuseRuleOptions>({
  meta: {
    id: 'reuse/copied-paragraph',
    category: 'reuse',
    severity: 'warning',
    recommended: true,
    basis: 'Q11',
    description: {
      zh: '段落与其他单位报告的段落高度雷同（语料库比对，常见套话除外）',
      en: "A passage nearly copies a passage of another unit's report (corpus comparison; common boilerplate excepted)",
    },
    messages: {
      copied: '本段与其他单位报告“{title}”的段落高度雷同（相似度 {similarity}%，{chars} 字）',
    },
    defaultOptions: REUSE_DEFAULTS,
    schema: REUSE_SCHEMA,
  },
  checkCorpus(context) {
    emitPassages(
      context,
      'cross-unit',
      'copied',
      (r) => `雷同段落（相似度 ${Math.round(r.similarity * 100)}%）`,
    );
  },
});
