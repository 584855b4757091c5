/**
 * `content/vague-plans` (Q9): the next-year plans contain nothing one could check a year later —
 * no number, no deadline, no named instrument 《…》, no responsible unit.
 */
import { sentenceSpans } from '../../../core/structure/parts.js';
import { findQuantities } from '../../../figures/quantity.js';
import { defineRule } from '../../types.js';
import { compilePatterns, partAnchor } from '../util.js';

export interface VaguePlansOptions {
  /** Sentences with a measurable item the plans must have. */
  min: number;
  /** Deadline cues. */
  deadlines: string[];
  /** Responsible-unit cues. */
  owners: string[];
}

export const DEADLINE_CUES = [
  '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|份|中旬|上旬|下旬)?(?:前|之前)',
  '年底前|年内|年末前|上半年|下半年|第[一二三四]季度',
  '(?:19|20)\\d{2}年(?:底|末)(?:前)?',
  '(?:之前|以前|前)(?:完成|实现|出台|建成)',
];
export const OWNER_CUES = [
  '牵头',
  '责任单位|责任部门|责任人',
  '由[^，。；]{1,20}负责',
  '(?:局|委|办|中心|政府)(?:负责|主抓)',
];

export default defineRule<VaguePlansOptions>({
  meta: {
    id: 'content/vague-plans',
    category: 'content',
    severity: 'info',
    recommended: true,
    basis: 'R-CONT-04; Q9',
    description: {
      zh: '下一年度安排没有任何可考核的内容（数字目标、完成时限、具体文件《…》、责任单位）',
      en: 'Next-year plans have nothing measurable: no number, deadline, named instrument 《…》 or responsible unit',
    },
    messages: {
      vague: '下一年度安排没有可考核的内容（数字目标、完成时限、具体文件《…》或责任单位）',
      few: '下一年度安排只有{count}句含可考核的内容（数字目标、完成时限、具体文件或责任单位），少于{min}句',
    },
    defaultOptions: { min: 1, deadlines: DEADLINE_CUES, owners: OWNER_CUES },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        min: { type: 'integer', minimum: 1, description: 'Sentences with a measurable item required.' },
        deadlines: { type: 'array', items: { type: 'string' } },
        owners: { type: 'array', items: { type: 'string' } },
      },
    },
  },
  check(ctx) {
    const { report, options } = ctx;
    const spans = ctx.shared.partText('plans');
    if (spans.length === 0) return;
    const cues = [
      ...compilePatterns(options.deadlines, 'deadlines'),
      ...compilePatterns(options.owners, 'owners'),
      /《[^》]{2,60}》/u,
    ];
    let count = 0;
    for (const span of spans) {
      for (const s of sentenceSpans(report.text, span)) {
        const sentence = report.text.slice(s.start, s.end);
        const numeric = findQuantities(report.text, s.start, s.end).some((q) => q.unit !== '');
        if (numeric || cues.some((re) => re.test(sentence))) count++;
      }
    }
    if (count >= options.min) return;
    const first = spans[0] as (typeof spans)[number];
    ctx.emit({
      messageId: count === 0 ? 'vague' : 'few',
      data: { count, min: options.min },
      span: partAnchor(report, 'plans', first),
      expected: `≥ ${options.min}`,
      actual: String(count),
      extent: 1 - count / options.min,
    });
  },
});
