/**
 * `content/leadership-specificity` (Q10): the part on the principal leaders' first-responsible
 * duties says nothing countable — no number of meetings, 述法 sessions, law-study sessions or
 * inspections.
 */
import { defineRule } from '../../types.js';
import { partAnchor } from '../util.js';

export default defineRule<Record<string, never>>({
  meta: {
    id: 'content/leadership-specificity',
    category: 'content',
    severity: 'info',
    recommended: true,
    basis: 'R-CONT-03; Q10',
    description: {
      zh: '第一责任人履职情况没有具体数字（研究法治工作的会议次数、述法、会前学法、督察等）',
      en: 'The first-responsible part gives no counts (meetings on rule-of-law work, 述法, law study, inspections)',
    },
    messages: {
      vague: '第一责任人履职情况没有任何具体数字（如常委会、常务会议研究法治工作次数，述法、会前学法场次）',
    },
    defaultOptions: {},
    schema: { type: 'object', additionalProperties: false, properties: {} },
  },
  check(ctx) {
    const spans = ctx.shared.partText('leadership');
    if (spans.length === 0) return;
    const facts = ctx.shared.numericFacts();
    const inside = facts.some((q) => spans.some((s) => s.start <= q.start && q.end <= s.end));
    if (inside) return;
    const first = spans[0] as (typeof spans)[number];
    ctx.emit({ messageId: 'vague', span: partAnchor(ctx.report, 'leadership', first), actual: '0' });
  },
});
