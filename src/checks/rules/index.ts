/**
 * The registry: every rule, in the order they run and are documented. Adding a rule is adding a
 * file under `rules/<category>/` and one line here (docs/rules.md and the config schema follow;
 * tests check that they do).
 */
import type { Rule } from '../types.js';
import contentDataDensity from './content/data-density.js';
import contentFewExamples from './content/few-examples.js';
import contentLeadershipSpecificity from './content/leadership-specificity.js';
import contentNoReasons from './content/no-reasons.js';
import contentOffScope from './content/off-scope.js';
import contentOutlineCoverage from './content/outline-coverage.js';
import contentVaguePlans from './content/vague-plans.js';
import figuresOrderViolation from './figures/order-violation.js';
import figuresRateMismatch from './figures/rate-mismatch.js';
import figuresStockFlow from './figures/stock-flow.js';
import figuresSumMismatch from './figures/sum-mismatch.js';
import publicationLate from './publication/late.js';
import publicationYearMismatch from './publication/year-mismatch.js';
import reuseCopiedParagraph from './reuse/copied-paragraph.js';
import reuseReusedFromOtherYear from './reuse/reused-from-other-year.js';
import signatureMissing from './signature/missing.js';
import structureEmbeddedPart from './structure/embedded-part.js';
import structureMergedParts from './structure/merged-parts.js';
import structureMissingPart from './structure/missing-part.js';
import structurePartOrder from './structure/part-order.js';
import textGarbledDate from './text/garbled-date.js';
import textTemplateResidue from './text/template-residue.js';
import titleFormat from './title/format.js';

export const RULES: readonly Rule[] = [
  structureMissingPart,
  structureEmbeddedPart,
  structureMergedParts,
  structurePartOrder,
  publicationLate,
  publicationYearMismatch,
  titleFormat,
  signatureMissing,
  figuresSumMismatch,
  figuresRateMismatch,
  figuresOrderViolation,
  figuresStockFlow,
  textGarbledDate,
  textTemplateResidue,
  contentNoReasons,
  contentVaguePlans,
  contentLeadershipSpecificity,
  contentOutlineCoverage,
  contentDataDensity,
  contentOffScope,
  contentFewExamples,
  reuseCopiedParagraph,
  reuseReusedFromOtherYear,
];

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
