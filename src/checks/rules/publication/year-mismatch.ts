/**
 * `publication/year-mismatch`: the years of a report disagree (R-CONT-05, R-CONT-04): the report
 * year is not the publication year − 1, the body opens on another year than the title, a part
 * heading names another year, or the next-year plans are not for year + 1.
 */
import { parseTitle } from '../../../core/meta/title.js';
import type { Span } from '../../../core/types.js';
import { defineRule } from '../../types.js';
import { documentAnchor } from '../util.js';

/** Years in a heading or sentence that are not part of a range ("2021—2025年") or a "since" phrase. */
export function yearsIn(text: string): { year: number; index: number }[] {
  const out: { year: number; index: number }[] = [];
  for (const m of text.matchAll(
    /(?<![\d\-—–~～至到－])((?:19|20)\d{2})(?=\s*年(?!以来|来)(?!\s*[-—–~～至到]))/gu,
  )) {
    out.push({ year: Number(m[1]), index: m.index });
  }
  return out;
}

const OPENER = /^\s*((?:19|20)\d{2})\s*年(?:度)?(?:[,，以是我全]|来)/u;
const REPORT_AS_FOLLOWS = /现将(?:[^，。]{0,12}?)((?:19|20)\d{2})\s*年(?:度)?[^。]{0,40}?报告如下/u;

export default defineRule<Record<string, never>>({
  meta: {
    id: 'publication/year-mismatch',
    category: 'publication',
    severity: 'error',
    recommended: true,
    basis: 'R-CONT-04, R-CONT-05',
    description: {
      zh: '年份不一致：报告年度不是发布年份的上一年，或标题、正文、各部分标题、下一年度安排中的年份互相矛盾',
      en: 'Years disagree: report year vs publication year − 1, title vs body, part headings, next-year plans',
    },
    messages: {
      publishedYear: '报告年度为{year}年，却于{published}发布；年度报告应在次年（{expected}年）发布',
      bodyYear: '标题写的是{titleYear}年，正文开头写的是{found}年',
      titleYear: '标题写的是{titleYear}年，各部分标题写的是{found}年',
      headingYear: '“{heading}”中的年份{found}与报告年度{year}年不符',
      planYear: '下一年度安排“{heading}”应为{expected}年，写成了{found}年',
    },
    defaultOptions: {},
    schema: { type: 'object', additionalProperties: false, properties: {} },
  },
  check(ctx) {
    const { report } = ctx;
    if (report.meta.year === null) return;
    let year = report.meta.year;
    const { published } = report.meta;
    const fourDigits = (start: number): Span => ({ start, end: start + 4 });

    // Years the body states: its opening ("2022年，我市…", "现将2022年…报告如下") and the headings
    // of the parts (the next-year plans name year + 1).
    const firstBody = report.paragraphs.find((p) => p.role === 'body' && p.span.start >= report.body.start);
    const opening = firstBody ? report.text.slice(firstBody.span.start, firstBody.span.end) : '';
    const m = OPENER.exec(opening) ?? REPORT_AS_FOLLOWS.exec(opening);
    const opener =
      m && firstBody
        ? {
            year: Number(m[1]),
            span: fourDigits(firstBody.span.start + m.index + m[0].indexOf(m[1] as string)),
          }
        : null;
    const headings = report.parts.flatMap((part) => {
      const years = yearsIn(part.heading);
      const first = years[0];
      if (!first) return [];
      const plansOnly =
        part.kinds.includes('plans') && part.kinds.every((k) => k === 'plans' || k === 'other');
      const noPlans = !part.kinds.includes('plans');
      if (!plansOnly && !noPlans) return [];
      return [
        { part, years, plansOnly, span: fourDigits(part.headingSpan.start + first.index), first: first.year },
      ];
    });
    const stated = headings.filter((h) => !h.plansOnly);
    const agreed =
      stated.length > 0 && stated.every((h) => h.first === stated[0]?.first)
        ? (stated[0]?.first ?? null)
        : null;

    // The title against the body: the body decides, the title is the odd one out.
    const titleSpan = report.metaSpans.title;
    const parsed = titleSpan ? parseTitle(report.text.slice(titleSpan.start, titleSpan.end)) : null;
    const bodyYear = opener?.year ?? agreed ?? year;
    if (titleSpan && parsed?.year && parsed.yearStart >= 0 && parsed.year !== bodyYear) {
      const evidence = opener?.span ?? stated[0]?.span;
      ctx.emit({
        messageId: opener ? 'bodyYear' : 'titleYear',
        data: { title: report.meta.title ?? '', titleYear: parsed.year, found: bodyYear },
        span: fourDigits(titleSpan.start + parsed.yearStart),
        related: evidence ? [{ span: evidence, note: '正文所述年度' }] : [],
        expected: String(bodyYear),
        actual: String(parsed.year),
        severity: 'warning',
      });
      year = bodyYear;
    }

    if (published) {
      const pubYear = Number(published.slice(0, 4));
      if (pubYear !== year + 1) {
        ctx.emit({
          messageId: 'publishedYear',
          data: { year, published, expected: year + 1 },
          span: report.metaSpans.year ?? documentAnchor(report),
          related: report.metaSpans.published ? [{ span: report.metaSpans.published, note: '发布日期' }] : [],
          expected: String(year + 1),
          actual: String(pubYear),
        });
      }
    }

    for (const h of headings) {
      const expected = h.plansOnly ? year + 1 : year;
      if (h.years.some((y) => y.year === expected)) continue;
      ctx.emit({
        messageId: h.plansOnly ? 'planYear' : 'headingYear',
        data: { heading: h.part.heading, found: h.first, year, expected },
        span: h.span,
        expected: String(expected),
        actual: String(h.first),
        severity: 'warning',
      });
    }
  },
});
