/** `structure/part-order`: the parts do not follow the order of the 督察工作规定 content items. */
import type { PartKind } from '../../../core/types.js';
import { defineRule } from '../../types.js';
import { PART_KIND_SCHEMA, PART_NAMES } from '../util.js';

export interface PartOrderOptions {
  order: PartKind[];
}

export default defineRule<PartOrderOptions>({
  meta: {
    id: 'structure/part-order',
    category: 'structure',
    severity: 'info',
    recommended: false,
    strict: 'info',
    basis: '督察工作规定 (一)–(五)',
    description: {
      zh: '各部分顺序与规定的内容顺序（举措成效、不足原因、第一责任人、下一年度安排）不一致',
      en: 'Parts are out of the order of the mandated content items',
    },
    messages: {
      order: '“{heading}”（{name}）排在“{before}”（{beforeName}）之后，与规定顺序不一致',
    },
    defaultOptions: { order: ['measures', 'shortcomings', 'leadership', 'plans', 'other'] },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { order: { type: 'array', items: PART_KIND_SCHEMA, description: 'The expected order.' } },
    },
  },
  check(ctx) {
    const rank = (k: PartKind): number => {
      const i = ctx.options.order.indexOf(k);
      return i < 0 ? -1 : i;
    };
    let highest: { rank: number; heading: string; kind: PartKind } | null = null;
    for (const part of ctx.report.parts) {
      const ranks = part.kinds.filter((k) => k !== 'other' && rank(k) >= 0);
      if (ranks.length === 0) continue;
      const first = ranks.reduce((a, b) => (rank(a) <= rank(b) ? a : b));
      if (highest && rank(first) < highest.rank) {
        ctx.emit({
          messageId: 'order',
          data: {
            heading: part.heading,
            name: PART_NAMES[first],
            before: highest.heading,
            beforeName: PART_NAMES[highest.kind],
          },
          span: part.headingSpan,
        });
      }
      const last = ranks.reduce((a, b) => (rank(a) >= rank(b) ? a : b));
      if (!highest || rank(last) > highest.rank)
        highest = { rank: rank(last), heading: part.heading, kind: last };
    }
  },
});
