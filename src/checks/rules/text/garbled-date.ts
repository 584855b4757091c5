/**
 * `text/garbled-date`: dates that lost characters on the way from the page (domain §2.6):
 * "820日" (8月20日), "1016日至20日", "2024228" (2024年2月28日). A fix is offered when the
 * repair is unambiguous.
 */
import type { DateIssue } from '../../../core/types.js';
import { defineRule } from '../../types.js';

/** The written form of a repaired date, keeping the year only when the garbled text had one. */
export function repairText(issue: DateIssue): string | null {
  if (!issue.repaired) return null;
  const [y, m, d] = issue.repaired.split('-').map(Number) as [number, number, number];
  const hasYear = /^(?:19|20)\d{2}/u.test(issue.raw) && issue.raw.replace(/\D/gu, '').length >= 6;
  return `${hasYear ? `${y}年` : ''}${m}月${d}日`;
}

export default defineRule<Record<string, never>>({
  meta: {
    id: 'text/garbled-date',
    category: 'text',
    severity: 'warning',
    recommended: true,
    fixable: true,
    basis: 'domain §2.6, §7',
    description: {
      zh: '日期缺字（如“820日”“2024228”），可唯一还原时给出修改建议',
      en: 'A date lost characters ("820日", "2024228"); a fix is offered when the repair is unambiguous',
    },
    messages: {
      repairable: '日期“{raw}”缺少“年”“月”等字，应为“{fixed}”',
      ambiguous: '日期“{raw}”缺字，无法唯一还原（{note}）',
    },
    defaultOptions: {},
    schema: { type: 'object', additionalProperties: false, properties: {} },
  },
  check(ctx) {
    for (const issue of ctx.report.dateIssues) {
      const fixed = repairText(issue);
      if (fixed) {
        ctx.emit({
          messageId: 'repairable',
          data: { raw: issue.raw, fixed },
          span: issue.span,
          expected: fixed,
          actual: issue.raw,
          fix: { span: issue.span, text: fixed },
        });
      } else {
        ctx.emit({
          messageId: 'ambiguous',
          data: { raw: issue.raw, note: issue.note },
          span: issue.span,
          actual: issue.raw,
        });
      }
    }
  },
});
