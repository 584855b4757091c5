/**
 * `content/no-reasons` (R-CONT-02): the shortcomings part lists problems without any causal
 * language — the 督察工作规定 asks for 不足**和原因**. The heading itself ("存在的不足和原因") does
 * not count; in a section that also holds the plans, only the text before the plans does.
 */
import { defineRule } from '../../types.js';
import { compilePatterns, partAnchor, textOf } from '../util.js';

export interface NoReasonsOptions {
  /** Causal cues (JavaScript regular expressions). */
  cues: string[];
}

export const CAUSAL_CUES = [
  '原因',
  '主要是',
  '究其',
  '由于',
  '因为',
  '导致',
  '造成',
  '受[^，。；,;]{0,12}影响',
  '在于',
  '根源',
  '源于',
  '归因',
  '以致',
  '致使',
];

export default defineRule<NoReasonsOptions>({
  meta: {
    id: 'content/no-reasons',
    category: 'content',
    severity: 'warning',
    recommended: true,
    basis: 'R-CONT-02',
    description: {
      zh: '“存在的不足”部分只列问题，没有分析原因（无“原因”“由于”“导致”“受…影响”等表述）',
      en: 'The shortcomings part lists problems without causal language (原因, 由于, 导致, 受…影响 …)',
    },
    messages: {
      noReasons: '“存在的不足”部分只列问题、没有分析原因（未见“原因”“由于”“导致”“受…影响”等表述）',
    },
    defaultOptions: { cues: CAUSAL_CUES },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        cues: { type: 'array', items: { type: 'string' }, description: 'Causal cues (regular expressions).' },
      },
    },
  },
  check(ctx) {
    const spans = ctx.shared.partText('shortcomings');
    if (spans.length === 0) return;
    const text = textOf(ctx.report, spans);
    const cues = compilePatterns(ctx.options.cues, 'cues');
    if (cues.some((re) => re.test(text))) return;
    const first = spans[0] as (typeof spans)[number];
    ctx.emit({
      messageId: 'noReasons',
      span: partAnchor(ctx.report, 'shortcomings', first),
      actual: 'no causal language',
    });
  },
});
