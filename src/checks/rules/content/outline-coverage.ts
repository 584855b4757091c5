/**
 * `content/outline-coverage` (Q4): 纲要 areas (A01–A10) the report's measures and leadership parts
 * say nothing about, by the paragraph classifier of `data/rules/outline-areas.tsv`.
 */
import { coveredAreas } from '../../features.js';
import { defineRule } from '../../types.js';
import { documentAnchor } from '../util.js';

export interface OutlineCoverageOptions {
  /** Areas a report is expected to cover. */
  areas: string[];
  /** Summed keyword weight an area needs in the measures and leadership parts to count as covered. */
  minScore: number;
  /** Leave department reports alone (a 司法局 naturally concentrates on a few areas). */
  skipDepartments: boolean;
}

export default defineRule<OutlineCoverageOptions>({
  meta: {
    id: 'content/outline-coverage',
    category: 'content',
    severity: 'info',
    recommended: true,
    basis: 'Q4; 纲要 (2021—2025) parts 一–十',
    description: {
      zh: '“主要举措和成效”没有涉及《法治政府建设实施纲要》的某些领域',
      en: 'The measures do not cover some areas of the 法治政府建设实施纲要',
    },
    messages: {
      missing: '主要举措未涉及纲要的{count}个领域：{names}',
    },
    defaultOptions: {
      areas: ['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'A10'],
      minScore: 2,
      skipDepartments: false,
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        areas: { type: 'array', items: { type: 'string', pattern: '^(A(0[1-9]|10)|X_\\w+)$' } },
        minScore: { type: 'number', minimum: 0 },
        skipDepartments: { type: 'boolean' },
      },
    },
  },
  check(ctx) {
    const { report, options, data } = ctx;
    if (options.skipDepartments && report.meta.unitKind === 'department') return;
    if (report.body.end <= report.body.start) return;
    const covered = new Set(coveredAreas(report, ctx.shared, data, options.minScore));
    const missing = options.areas.filter((a) => !covered.has(a));
    if (missing.length === 0) return;
    const names = missing.map((a) => `${a} ${data.areas.byId.get(a)?.name ?? ''}`.trim()).join('、');
    const measures = report.parts.find((p) => p.kinds.includes('measures'));
    ctx.emit({
      messageId: 'missing',
      data: { count: missing.length, names, missing: missing.join(',') },
      span: measures?.headingSpan ?? documentAnchor(report),
      expected: options.areas.join(','),
      actual: [...covered].join(','),
      extent: missing.length / Math.max(1, options.areas.length),
    });
  },
});
