/** `structure/embedded-part`: a mandated part has no section of its own but sits inside another one. */
import type { PartKind } from '../../../core/types.js';
import { defineRule } from '../../types.js';
import { firstSentence, PART_KIND_SCHEMA, PART_NAMES } from '../util.js';

export interface EmbeddedPartOptions {
  /** Parts that must have a section of their own. */
  parts: PartKind[];
}

export default defineRule<EmbeddedPartOptions>({
  meta: {
    id: 'structure/embedded-part',
    category: 'structure',
    severity: 'warning',
    recommended: true,
    basis: 'R-CONT-03',
    description: {
      zh: '规定的内容部分没有单独成节，只夹在其他部分中（如第一责任人履职情况写在“主要举措”里）',
      en: 'A mandated part has no section of its own and only appears inside another part',
    },
    messages: {
      embedded: '“{name}”没有单独成节，只出现在“{within}”中',
      embeddedNowhere: '“{name}”没有单独成节，只在正文中顺带提及',
    },
    defaultOptions: { parts: ['shortcomings', 'leadership', 'plans'] },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        parts: {
          type: 'array',
          items: PART_KIND_SCHEMA,
          description: 'Parts that must have their own section.',
        },
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    for (const e of report.embeddedParts) {
      if (!ctx.options.parts.includes(e.kind)) continue;
      const within = report.parts[e.within];
      const span = e.span.end - e.span.start > 200 ? firstSentence(report.text, e.span) : e.span;
      ctx.emit({
        messageId: within ? 'embedded' : 'embeddedNowhere',
        data: { part: e.kind, name: PART_NAMES[e.kind], within: within?.heading ?? '', cue: e.cue },
        span,
        ...(within ? { related: [{ span: within.headingSpan, note: '所在部分' }] } : {}),
        expected: `a section of its own: ${PART_NAMES[e.kind]}`,
        actual: within ? `inside ${within.heading}` : 'mentioned in passing',
      });
    }
  },
});
