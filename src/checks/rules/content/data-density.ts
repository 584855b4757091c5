/**
 * `content/data-density` (Q5, R-EVID-01): few numeric facts (a number with a counting unit or a
 * percentage) per 1,000 characters of the body, plans left out.
 */
import { computeFeatures } from '../../features.js';
import { defineRule } from '../../types.js';
import { documentAnchor } from '../util.js';

export interface DataDensityOptions {
  /** Numeric facts per 1,000 characters below which the rule fires. */
  min: number;
  /** Bodies shorter than this (characters) are not judged. */
  minBodyChars: number;
}

export default defineRule<DataDensityOptions>({
  meta: {
    id: 'content/data-density',
    category: 'content',
    severity: 'info',
    recommended: true,
    basis: 'Q5; R-EVID-01 (“内容翔实”)',
    description: {
      zh: '正文数据太少：每千字的数字事实（带计量单位的数字、百分比）低于阈值',
      en: 'Too few numeric facts (numbers with a counting unit, percentages) per 1,000 characters',
    },
    messages: {
      low: '正文每千字只有{density}个数据（共{count}个、{chars}字），低于{min}个，成效缺少数据支撑',
    },
    defaultOptions: { min: 5, minBodyChars: 500 },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        min: { type: 'number', minimum: 0 },
        minBodyChars: { type: 'integer', minimum: 0 },
      },
    },
  },
  check(ctx) {
    const { report, options } = ctx;
    const f = computeFeatures(report, ctx.shared, ctx.data);
    if (f.bodyChars < options.minBodyChars) return;
    if (f.numericFactsPer1000 >= options.min) return;
    ctx.emit({
      messageId: 'low',
      data: { density: f.numericFactsPer1000, count: f.numericFacts, chars: f.bodyChars, min: options.min },
      span: documentAnchor(report),
      expected: `≥ ${options.min}`,
      actual: String(f.numericFactsPer1000),
      extent: options.min > 0 ? 1 - f.numericFactsPer1000 / options.min : 0,
    });
  },
});
