/**
 * The `figures/*` rules report the §6 consistency checks of `src/figures/consistency.ts`
 * (through `CheckData.consistency`). Each rule takes some check types; the severity the check
 * gives an inconsistency (rate > 100% is an error, a guessed denominator is info) is kept relative
 * to the rule's default of `warning`.
 */
import type { Inconsistency, InconsistencyCheck } from '../../consistency-source.js';
import { defineRule, type Rule, type RuleMeta } from '../../types.js';

function figureNote(f: Inconsistency['figures'][number]): string {
  return `${f.key} = ${f.value}${f.unit}`;
}

/** A rule that reports the inconsistencies of some check types. */
export function consistencyRule(
  meta: Omit<RuleMeta<Record<string, never>>, 'category' | 'severity' | 'defaultOptions' | 'schema'>,
  checks: Partial<Record<InconsistencyCheck, string>>,
): Rule<Record<string, never>> {
  return defineRule<Record<string, never>>({
    meta: {
      ...meta,
      category: 'figures',
      severity: 'warning',
      defaultOptions: {},
      schema: { type: 'object', additionalProperties: false, properties: {} },
    },
    check(ctx) {
      for (const inc of ctx.shared.inconsistencies()) {
        const messageId = checks[inc.check];
        if (!messageId) continue;
        const [first, ...rest] = inc.figures;
        if (!first) continue;
        ctx.emit({
          messageId,
          data: {
            check: inc.check,
            expected: inc.expected,
            actual: inc.actual,
            relation: inc.relation ?? inc.check,
            detail: inc.message,
            key: first.key,
          },
          span: first.quoteSpan,
          related: [
            ...rest.map((f) => ({ span: f.quoteSpan, note: figureNote(f) })),
            ...(inc.quantities ?? []).map((q) => ({ span: q.span, note: `${q.role} = ${q.raw}` })),
          ],
          expected: inc.expected,
          actual: inc.actual,
          severity: inc.severity,
        });
      }
    },
  });
}
