/** `structure/merged-parts`: one section holds two mandated parts (problems and plans, typically). */
import type { PartKind } from '../../../core/types.js';
import { defineRule } from '../../types.js';
import { PART_NAMES } from '../util.js';

const MANDATED: PartKind[] = ['measures', 'shortcomings', 'leadership', 'plans'];

export default defineRule<Record<string, never>>({
  meta: {
    id: 'structure/merged-parts',
    category: 'structure',
    severity: 'info',
    recommended: true,
    basis: 'R-CONT-06',
    description: {
      zh: '一个章节同时包含两个规定部分（如“存在的问题和下一步工作打算”），应分别成节',
      en: 'One section carries two mandated parts (e.g. problems and next-year plans) that should be separate',
    },
    messages: {
      merged: '“{heading}”一节把“{names}”合在一起写，应分别成节',
    },
    defaultOptions: {},
    schema: { type: 'object', additionalProperties: false, properties: {} },
  },
  check(ctx) {
    for (const part of ctx.report.parts) {
      const kinds = ctx.shared.partKinds(part).filter((k) => MANDATED.includes(k));
      if (kinds.length < 2) continue;
      ctx.emit({
        messageId: 'merged',
        data: {
          heading: part.heading,
          parts: kinds.join('+'),
          names: kinds.map((k) => PART_NAMES[k]).join('”与“'),
        },
        span: part.headingSpan,
        expected: kinds.map((k) => PART_NAMES[k]).join(' | '),
        actual: part.heading,
      });
    }
  },
});
