/** `signature/missing` (R-FORM-01): the report ends with the issuing body (落款) and the 成文日期. */
import { findFullDates, parseLooseDate } from '../../../core/meta/dates.js';
import type { Span } from '../../../core/types.js';
import { defineRule } from '../../types.js';
import { documentAnchor } from '../util.js';

export default defineRule<Record<string, never>>({
  meta: {
    id: 'signature/missing',
    category: 'signature',
    severity: 'info',
    recommended: true,
    basis: 'R-FORM-01',
    description: {
      zh: '报告末尾应有落款（发文机关）和成文日期',
      en: 'The report ends with the issuing body (落款) and the date of signing',
    },
    messages: {
      none: '报告末尾没有落款（发文机关和成文日期）',
      noDate: '落款“{issuer}”下没有成文日期',
      noIssuer: '落款只有日期“{date}”，没有发文机关',
    },
    defaultOptions: {},
    schema: { type: 'object', additionalProperties: false, properties: {} },
  },
  check(ctx) {
    const { report } = ctx;
    const lines = report.paragraphs.filter((p) => p.role === 'signature');
    const endOfBody = (): Span => {
      const last = [...report.paragraphs].reverse().find((p) => p.role === 'body');
      return last?.span ?? documentAnchor(report);
    };
    if (lines.length === 0) {
      ctx.emit({ messageId: 'none', span: endOfBody() });
      return;
    }
    const isDate = (s: string): boolean => findFullDates(s).length > 0 || parseLooseDate(s) !== null;
    const dates = lines.filter((l) => isDate(report.text.slice(l.span.start, l.span.end)));
    const issuers = lines.filter((l) => !dates.includes(l));
    const first = lines[0] as (typeof lines)[number];
    if (dates.length === 0) {
      ctx.emit({
        messageId: 'noDate',
        data: { issuer: report.text.slice(first.span.start, first.span.end) },
        span: first.span,
      });
    } else if (issuers.length === 0) {
      ctx.emit({
        messageId: 'noIssuer',
        data: { date: report.text.slice(first.span.start, first.span.end) },
        span: first.span,
      });
    }
  },
});
