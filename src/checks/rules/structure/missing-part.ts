/** `structure/missing-part`: a mandated part (督察工作规定 content items 一–四) is nowhere in the report. */
import type { PartKind } from '../../../core/types.js';
import { defineRule } from '../../types.js';
import { documentAnchor, PART_KIND_SCHEMA, PART_NAMES } from '../util.js';

export interface MissingPartOptions {
  /** The parts a report must have. */
  parts: PartKind[];
}

export default defineRule<MissingPartOptions>({
  meta: {
    id: 'structure/missing-part',
    category: 'structure',
    severity: 'error',
    recommended: true,
    strict: 'error',
    basis: 'R-CONT-01…04',
    description: {
      zh: '报告缺少规定的内容部分（主要举措和成效、存在的不足和原因、第一责任人履职情况、下一年度主要安排）',
      en: 'A part the 督察工作规定 requires (measures, shortcomings, first-responsible duties, next-year plans) is missing',
    },
    messages: {
      missing: '报告缺少“{name}”部分：既没有单独的章节，正文中也找不到相应内容',
    },
    defaultOptions: { parts: ['measures', 'shortcomings', 'leadership', 'plans'] },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        parts: { type: 'array', items: PART_KIND_SCHEMA, description: 'Parts a report must have.' },
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    const present = new Set<PartKind>(report.parts.flatMap((p) => ctx.shared.partKinds(p)));
    for (const e of report.embeddedParts) present.add(e.kind);
    for (const kind of ctx.options.parts) {
      if (present.has(kind)) continue;
      ctx.emit({
        messageId: 'missing',
        data: { part: kind, name: PART_NAMES[kind] },
        span: documentAnchor(report),
        expected: PART_NAMES[kind],
        actual: 'none',
      });
    }
  },
});
