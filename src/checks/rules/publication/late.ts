/**
 * `publication/late`: the report was published after the deadline (R-DISC-01: before 4月1日 of the
 * year after the report year, for everyone), or — for departments — signed after the submission
 * deadline (R-SUBM-01: by 3月1日, proxied by the 成文/落款 date). Deadlines are configurable by
 * jurisdiction level, unit kind and province.
 */
import type { Report } from '../../../core/analyze.js';
import type { JurisdictionLevel, Span, UnitKind } from '../../../core/types.js';
import { defineRule, type JsonSchema } from '../../types.js';
import { documentAnchor } from '../util.js';

export interface Deadline {
  /** Jurisdiction levels this entry applies to (any when absent). */
  level?: JurisdictionLevel | JurisdictionLevel[];
  /** Unit kinds this entry applies to (any when absent). */
  unitKind?: UnitKind | UnitKind[];
  /** Provinces: 2-digit GB/T 2260 code prefixes or name prefixes ("61", "陕西"). */
  province?: string | string[];
  /** Last day of publication in the year after the report year, "MM-DD"; null for none. */
  publish?: string | null;
  /** Last signing (成文) day in the year after the report year, "MM-DD" (clamped to the month's end); null for none. */
  sign?: string | null;
}

export interface LateOptions {
  /** Applied in order; a later matching entry overrides the fields it sets. */
  deadlines: Deadline[];
  /** Days after the publication deadline reported as borderline rather than late (4月1日 itself: "之前" is ambiguous). */
  borderlineDays: number;
}

const MMDD = '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

const oneOrMany = (item: JsonSchema): JsonSchema => ({ oneOf: [item, { type: 'array', items: item }] });

const DEADLINE_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    level: oneOrMany({ type: 'string', enum: ['province', 'prefecture', 'county', 'township'] }),
    unitKind: oneOrMany({ type: 'string', enum: ['government', 'department', 'party', 'other'] }),
    province: oneOrMany({ type: 'string' }),
    publish: {
      type: ['string', 'null'],
      pattern: MMDD,
      description: 'MM-DD of the year after the report year',
    },
    sign: { type: ['string', 'null'], pattern: MMDD, description: 'MM-DD of the year after the report year' },
  },
};

const list = <T>(v: T | T[] | undefined): T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v];

/** The deadlines that apply to a report: later matching entries override earlier ones, field by field. */
export function deadlinesFor(
  report: Report,
  deadlines: Deadline[],
): { publish: string | null; sign: string | null } {
  const out: { publish: string | null; sign: string | null } = { publish: null, sign: null };
  const j = report.meta.jurisdiction;
  for (const d of deadlines) {
    const levels = list(d.level);
    if (levels && (!j || !levels.includes(j.level))) continue;
    const kinds = list(d.unitKind);
    if (kinds && !kinds.includes(report.meta.unitKind)) continue;
    const provinces = list(d.province);
    if (provinces && (!j || !provinces.some((p) => j.code.startsWith(p) || j.name.startsWith(p)))) continue;
    if (d.publish !== undefined) out.publish = d.publish;
    if (d.sign !== undefined) out.sign = d.sign;
  }
  return out;
}

/** "MM-DD" of `year` as an ISO date, the day clamped to the month's end ("02-29" → 02-28 in 2023). */
export function deadlineDate(year: number, mmdd: string): string {
  const [m, d] = mmdd.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000);
}

function cn(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export default defineRule<LateOptions>({
  meta: {
    id: 'publication/late',
    category: 'publication',
    severity: 'error',
    recommended: true,
    strict: 'error',
    basis: 'R-DISC-01, R-SUBM-01',
    description: {
      zh: '报告公开晚于规定期限（次年4月1日前），或部门报告成文日期晚于报送期限（次年3月1日前）',
      en: 'Published after the deadline (before April 1 of the next year), or a department report signed after the submission deadline (March 1)',
    },
    messages: {
      late: '报告于{publishedCn}公开，晚于公开期限{deadlineCn}，逾期{days}天',
      borderline: '报告于{publishedCn}公开，比公开期限{deadlineCn}晚{days}天（“4月1日之前”是否含当日有歧义）',
      lateSigned:
        '部门报告的成文（落款）日期为{signedCn}，晚于报送期限{deadlineCn}（以成文日期推断报送时间）',
    },
    defaultOptions: {
      deadlines: [{ publish: '03-31' }, { unitKind: 'department', sign: '02-29' }],
      borderlineDays: 1,
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        deadlines: { type: 'array', items: DEADLINE_SCHEMA },
        borderlineDays: { type: 'integer', minimum: 0 },
      },
    },
  },
  check(ctx) {
    const { report, options } = ctx;
    const { year, published, signed } = report.meta;
    if (year === null) return;
    const due = deadlinesFor(report, options.deadlines);
    const anchor = (span: Span | undefined): Span => span ?? documentAnchor(report);
    if (due.publish && published) {
      const deadline = deadlineDate(year + 1, due.publish);
      const days = daysBetween(deadline, published);
      if (days > 0) {
        const borderline = days <= options.borderlineDays;
        ctx.emit({
          messageId: borderline ? 'borderline' : 'late',
          data: { published, publishedCn: cn(published), deadline, deadlineCn: cn(deadline), days },
          span: anchor(report.metaSpans.published),
          expected: `≤ ${deadline}`,
          actual: published,
          ...(borderline ? { severity: 'warning' as const } : {}),
        });
      }
    }
    if (due.sign && signed) {
      const deadline = deadlineDate(year + 1, due.sign);
      const days = daysBetween(deadline, signed);
      if (days > 0) {
        ctx.emit({
          messageId: 'lateSigned',
          data: { signed, signedCn: cn(signed), deadline, deadlineCn: cn(deadline), days },
          span: anchor(report.metaSpans.signed),
          expected: `≤ ${deadline}`,
          actual: signed,
          severity: 'warning',
        });
      }
    }
  },
});
