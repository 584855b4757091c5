/**
 * `title/format` (R-TITLE-01): the title names the reporter, the year, "法治政府建设" and ends in
 * "报告"; where a province prescribes the report's name (陕西: "法治政府建设年度报告"), the title uses it.
 */
import { parseTitle } from '../../../core/meta/title.js';
import { defineRule } from '../../types.js';
import { documentAnchor } from '../util.js';

export interface PrescribedName {
  /** 2-digit GB/T 2260 code prefix or name prefix of the province ("61", "陕西"). */
  province: string;
  /** Words the title must contain. */
  name: string;
}

export interface TitleFormatOptions {
  requireSubject: boolean;
  prescribedNames: PrescribedName[];
}

export default defineRule<TitleFormatOptions>({
  meta: {
    id: 'title/format',
    category: 'title',
    severity: 'info',
    recommended: true,
    basis: 'R-TITLE-01',
    description: {
      zh: '标题应写明报告主体、年度、“法治政府建设”并以“报告”结尾；省级规定报告名称的，按规定命名',
      en: 'The title names the reporter, the year and 法治政府建设, and ends in 报告; a provincial prescribed name is used',
    },
    messages: {
      noTitle: '没有识别到报告标题',
      noYear: '标题“{title}”没有写明报告年度',
      noTopic: '标题“{title}”中没有“法治政府建设”字样',
      notReport: '标题“{title}”不以“报告”结尾',
      noSubject: '标题“{title}”没有写明报告主体（如“××市人民政府”）',
      prescribedName: '{province}规定的报告名称为“{name}”，标题为“{title}”',
    },
    defaultOptions: { requireSubject: true, prescribedNames: [] },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requireSubject: { type: 'boolean', description: 'Report a title that does not name the reporter.' },
        prescribedNames: {
          type: 'array',
          description:
            'Names provinces prescribe, e.g. { "province": "61", "name": "法治政府建设年度报告" }.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['province', 'name'],
            properties: { province: { type: 'string' }, name: { type: 'string' } },
          },
        },
      },
    },
  },
  check(ctx) {
    const { report, options } = ctx;
    const title = report.meta.title?.replace(/\s+/gu, '') ?? '';
    const span = report.metaSpans.title ?? documentAnchor(report);
    if (!title) {
      ctx.emit({ messageId: 'noTitle', span });
      return;
    }
    const parsed = parseTitle(title);
    const data = { title };
    if (parsed.year === null) ctx.emit({ messageId: 'noYear', data, span });
    if (!/法治政府建设/u.test(title)) ctx.emit({ messageId: 'noTopic', data, span });
    if (!/报告(?:[(（][^)）]*[)）])?$/u.test(title)) ctx.emit({ messageId: 'notReport', data, span });
    if (options.requireSubject && parsed.subject === '') ctx.emit({ messageId: 'noSubject', data, span });
    const j = report.meta.jurisdiction;
    for (const p of options.prescribedNames) {
      if (!j || !(j.code.startsWith(p.province) || j.name.startsWith(p.province))) continue;
      if (title.includes(p.name)) continue;
      ctx.emit({
        messageId: 'prescribedName',
        data: {
          title,
          province: j.name.slice(0, j.name.search(/[省市区]/u) + 1) || p.province,
          name: p.name,
        },
        span,
        expected: p.name,
        actual: title,
        severity: 'warning',
      });
    }
  },
});
