/**
 * `content/few-examples` (R-EVID-01, Q7): the report rarely backs its claims with concrete
 * evidence — named cases (典型案例), named documents 《…》 it issued or applied, honours and pilots.
 */
import { defineRule } from '../../types.js';
import { documentAnchor } from '../util.js';

export interface FewExamplesOptions {
  /** Pieces of evidence (cases + distinct documents + honours/pilots) below which the rule fires. */
  min: number;
}

const CASES = /典型案例|案例|以案释法|如[^。；]{0,20}(?:案|一案)/gu;
const DOCUMENTS = /《[^》]{2,60}》/gu;
const HONOURS =
  /荣获|获评|被评为|入选|授予|命名为|试点(?:单位|地区|县|市|区)?|示范(?:市|县|区|单位|项目|点)/gu;

export default defineRule<FewExamplesOptions>({
  meta: {
    id: 'content/few-examples',
    category: 'content',
    severity: 'info',
    recommended: true,
    basis: 'R-EVID-01; Q7 (明天 2017 “运用事例少”)',
    description: {
      zh: '很少用具体事例佐证：典型案例、具体文件《…》、荣誉和试点',
      en: 'Few concrete examples: named cases, documents 《…》, honours and pilots',
    },
    messages: {
      few: '正文很少用具体事例佐证：案例{cases}处、文件《…》{documents}件、荣誉或试点{honours}处，合计少于{min}',
    },
    defaultOptions: { min: 3 },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { min: { type: 'integer', minimum: 0 } },
    },
  },
  check(ctx) {
    const { report, options } = ctx;
    const body = report.text.slice(report.body.start, report.body.end);
    const cases = [...body.matchAll(CASES)].length;
    const documents = new Set([...body.matchAll(DOCUMENTS)].map((m) => m[0])).size;
    const honours = [...body.matchAll(HONOURS)].length;
    const total = cases + documents + honours;
    if (total >= options.min || body.trim() === '') return;
    ctx.emit({
      messageId: 'few',
      data: { cases, documents, honours, min: options.min },
      span: documentAnchor(report),
      expected: `≥ ${options.min}`,
      actual: String(total),
      extent: options.min > 0 ? 1 - total / options.min : 0,
    });
  },
});
