/**
 * `content/off-scope` (R-SCOPE-01, Q4): a large share of the body is about things that are not
 * rule-of-law government work — police crackdowns (X_security), court and procuratorate case
 * loads (X_judiciary), GDP and investment (X_economy).
 */
import type { Span } from '../../../core/types.js';
import { defineRule } from '../../types.js';
import { percent } from '../util.js';

export interface OffScopeOptions {
  /** Share of body characters above which the rule fires. */
  max: number;
  /** How many off-scope passages to point at. */
  examples: number;
}

export default defineRule<OffScopeOptions>({
  meta: {
    id: 'content/off-scope',
    category: 'content',
    severity: 'info',
    recommended: true,
    basis: 'R-SCOPE-01; Q4',
    description: {
      zh: '与法治政府建设无关的内容（公安打击犯罪、法院检察院办案、经济发展指标）占比过高',
      en: 'Too much material outside rule-of-law government work (policing, court/procuratorate case loads, GDP)',
    },
    messages: {
      offScope: '与法治政府建设无关的内容（{labels}）约占正文{share}，超过{max}',
    },
    defaultOptions: { max: 0.08, examples: 5 },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max: { type: 'number', minimum: 0, maximum: 1 },
        examples: { type: 'integer', minimum: 0 },
      },
    },
  },
  check(ctx) {
    const { report, options, data } = ctx;
    const offIds = new Set(data.areas.areas.filter((a) => a.scope === 'off').map((a) => a.id));
    const nonSpace = (s: Span): number => report.text.slice(s.start, s.end).replace(/\s+/gu, '').length;
    const body = nonSpace(report.body);
    if (body === 0) return;
    const off = ctx.shared.labels().sentences.filter((s) => s.area !== null && offIds.has(s.area));
    const share = off.reduce((n, s) => n + nonSpace(s.span), 0) / body;
    if (share <= options.max || off.length === 0) return;
    const labels = [...new Set(off.map((s) => s.area as string))].map(
      (id) => data.areas.byId.get(id)?.name ?? id,
    );
    const [first, ...rest] = off;
    ctx.emit({
      messageId: 'offScope',
      data: { share: percent(share), max: percent(options.max, 0), labels: labels.join('、') },
      span: (first as (typeof off)[number]).span,
      related: rest.slice(0, Math.max(0, options.examples - 1)).map((s) => ({
        span: s.span,
        note: data.areas.byId.get(s.area as string)?.name ?? (s.area as string),
      })),
      expected: `≤ ${percent(options.max, 0)}`,
      actual: percent(share),
      extent: Math.min(1, (share - options.max) / Math.max(options.max, 0.01)),
    });
  },
});
