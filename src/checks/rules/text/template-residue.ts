/**
 * `text/template-residue` (R-DATA-02): placeholders of a template left in a published report —
 * XX/××, 20XX年, X月X日, *次, (此处…), 【请填写…】. Latin text is left alone: "XX" must stand
 * apart from other Latin letters, so ICP, DNA, XML or Windows XP never match.
 */
import type { Span } from '../../../core/types.js';
import { defineRule } from '../../types.js';
import { compilePatterns } from '../util.js';

export interface TemplateResidueOptions {
  /** Extra placeholder patterns (JavaScript regular expressions). */
  extraPatterns: string[];
}

const X = '[XxＸｘ×]';
const NOT_LATIN_BEFORE = '(?<![A-Za-zＡ-Ｚａ-ｚ])';
const NOT_LATIN_AFTER = '(?![A-Za-zＡ-Ｚａ-ｚ])';

/** The built-in placeholders, most specific first. */
export const PLACEHOLDERS: { label: string; re: RegExp }[] = [
  {
    label: '年份占位',
    re: new RegExp(`${NOT_LATIN_BEFORE}(?:19|20)(?:\\d${X}|${X}{2})${NOT_LATIN_AFTER}年?(?:度)?`, 'gu'),
  },
  { label: '日期占位', re: new RegExp(`${NOT_LATIN_BEFORE}(?:${X}{1,2}|某)月(?:${X}{1,2}|某)日`, 'gu') },
  { label: '占位符', re: new RegExp(`${NOT_LATIN_BEFORE}(?:[XxＸｘ]{2,}|×{2,})${NOT_LATIN_AFTER}`, 'gu') },
  {
    label: '数字占位',
    re: new RegExp(
      `(?<![A-Za-zＡ-Ｚａ-ｚ\\d.])(?:${X}|[*＊]+)(?=(?:余|多)?(?:个|次|件|项|人次|人|名|家|场|部|条|万|亿|%|％|年|月|日|天|期|篇|份|户))`,
      'gu',
    ),
  },
  { label: '待填说明', re: /[(（](?:此处|请|待)[^)）\n]{0,40}[)）]/gu },
  {
    label: '待填说明',
    re: /【[^】\n]{0,15}(?:填写|填入|名称|日期|时间|数字|数据|待定|待补|补充|插入|此处|XX|××)[^】\n]{0,15}】/gu,
  },
];

export default defineRule<TemplateResidueOptions>({
  meta: {
    id: 'text/template-residue',
    category: 'text',
    severity: 'error',
    recommended: true,
    basis: 'R-DATA-02',
    description: {
      zh: '正文残留模板占位符（XX、××、20XX年、X月X日、*次、（此处…）、【…】）',
      en: 'Template placeholders left in the report (XX, ××, 20XX年, X月X日, *次, (此处…), 【…】)',
    },
    messages: {
      residue: '残留模板{label}“{text}”，发布前应填写实际内容',
    },
    defaultOptions: { extraPatterns: [] },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extraPatterns: {
          type: 'array',
          items: { type: 'string' },
          description: 'More placeholder patterns (JavaScript regular expressions).',
        },
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    const patterns = [
      ...PLACEHOLDERS,
      ...compilePatterns(ctx.options.extraPatterns, 'extraPatterns').map((re) => ({
        label: '占位符',
        re: new RegExp(re.source, 'gu'),
      })),
    ];
    const taken: Span[] = [];
    for (const p of report.paragraphs) {
      if (p.role !== 'title' && p.role !== 'body' && p.role !== 'signature') continue;
      const line = report.text.slice(p.span.start, p.span.end);
      for (const { label, re } of patterns) {
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) {
          if (m[0] === '') continue;
          const span = { start: p.span.start + m.index, end: p.span.start + m.index + m[0].length };
          if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
          taken.push(span);
          ctx.emit({ messageId: 'residue', data: { label, text: m[0] }, span, actual: m[0] });
        }
      }
    }
  },
});
