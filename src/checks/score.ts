/**
 * The transparent score: `data/rubric.json` turns findings into 0–100 points, dimension by
 * dimension (domain §4.5, Q1–Q11). Every lost point is a finding: a dimension lists, per rule (and
 * optionally per finding data such as the part), the share of the dimension a finding costs at
 * each severity; the costs of a rule are capped; a dimension never goes below zero. Dimensions
 * whose inputs are unknown (timeliness without a publication date) are left out and the total is
 * taken over the rest.
 *
 * The cost uses the severity a finding has under the rule's default setting, so reconfiguring a
 * severity does not move the score; turning a rule off or silencing a finding does.
 */
import type { Finding, Severity } from './types.js';

export interface RubricCost {
  /** Rule id. */
  rule: string;
  /** Only findings whose `data` has these values (e.g. `{ "part": "shortcomings" }`). */
  where?: Record<string, string>;
  /** Share of the dimension (percent) one finding costs, by severity. */
  error?: number;
  warning?: number;
  info?: number;
  /** Cap (percent of the dimension) on what this rule can cost in total; default 100. */
  max?: number;
}

export interface RubricDimension {
  id: string;
  name: string;
  nameEn: string;
  /** Points of the dimension out of 100 over all dimensions. */
  weight: number;
  description: string;
  /** Facts that must be known for the dimension to apply (see {@link ScoreFacts}). */
  requires?: (keyof ScoreFacts)[];
  costs: RubricCost[];
}

export interface Rubric {
  version: number;
  description?: string;
  dimensions: RubricDimension[];
}

/** What the score needs to know besides the findings. */
export interface ScoreFacts {
  /** A publication date (or, for a department, a signing date) is known. */
  published: boolean;
  /** The report year is known. */
  year: boolean;
  /** The report has a body worth scoring (not an empty or unreadable text). */
  body: boolean;
}

export interface Deduction {
  ruleId: string;
  /** Index of the finding in `CheckResult.findings`. */
  finding: number;
  severity: Severity;
  message: string;
  /** Points of this dimension lost. */
  points: number;
  /** Points of the total lost (after the total is scaled over the dimensions that apply). */
  totalPoints: number;
}

export interface DimensionScore {
  id: string;
  name: string;
  nameEn: string;
  weight: number;
  applicable: boolean;
  /** Points kept, 0…weight (0 when not applicable). */
  points: number;
  lost: number;
  deductions: Deduction[];
  /** Why the dimension does not apply. */
  note?: string;
}

export interface Score {
  /** 0–100, one decimal. */
  total: number;
  max: 100;
  rubricVersion: number;
  dimensions: DimensionScore[];
}

/** A finding and the severity it has under its rule's default setting. */
export interface ScoredFinding {
  finding: Finding;
  index: number;
  baseSeverity: Severity;
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

function matches(cost: RubricCost, f: Finding): boolean {
  if (cost.rule !== f.ruleId) return false;
  for (const [k, v] of Object.entries(cost.where ?? {})) {
    if (String(f.data?.[k]) !== v) return false;
  }
  return true;
}

/** Check the shape of a rubric; returns problems (empty when valid). */
export function validateRubric(rubric: Rubric, knownRules: Set<string>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const d of rubric.dimensions) {
    if (ids.has(d.id)) problems.push(`duplicate dimension ${d.id}`);
    ids.add(d.id);
    if (!(d.weight > 0)) problems.push(`${d.id}: weight must be > 0`);
    for (const c of d.costs) {
      if (!knownRules.has(c.rule)) problems.push(`${d.id}: unknown rule ${c.rule}`);
      for (const s of ['error', 'warning', 'info'] as const) {
        const v = c[s];
        if (v !== undefined && (v < 0 || v > 100)) problems.push(`${d.id}/${c.rule}: ${s} must be 0–100`);
      }
    }
  }
  const total = rubric.dimensions.reduce((s, d) => s + d.weight, 0);
  if (Math.abs(total - 100) > 1e-9) problems.push(`weights add up to ${total}, not 100`);
  return problems;
}

/**
 * Score findings with a rubric.
 *
 * @example
 * computeScore(scored, rubric, { published: true, year: true, body: true }).total // 83.5
 */
export function computeScore(scored: ScoredFinding[], rubric: Rubric, facts: ScoreFacts): Score {
  const dimensions: DimensionScore[] = rubric.dimensions.map((d) => {
    const missing = (d.requires ?? []).filter((r) => !facts[r]);
    const base = { id: d.id, name: d.name, nameEn: d.nameEn, weight: d.weight };
    if (missing.length > 0) {
      return {
        ...base,
        applicable: false,
        points: 0,
        lost: 0,
        deductions: [],
        note: `unknown: ${missing.join(', ')}`,
      };
    }
    return { ...base, applicable: true, ...charge(d, scored, []) };
  });
  return finish(dimensions, rubric);
}

/**
 * A score with the findings of some rules replaced, without the report: the deductions of the
 * rules `drop` accepts go, and the `extra` findings cost what computeScore would charge them
 * after the findings kept. The store uses it to add the corpus rules' findings (copied passages)
 * to reports checked before the corpus was compared; those rules come last in their dimension.
 */
export function rescore(
  score: Score,
  rubric: Rubric,
  drop: (ruleId: string) => boolean,
  extra: ScoredFinding[],
): Score {
  const dimensions = score.dimensions.map((ds): DimensionScore => {
    const d = rubric.dimensions.find((x) => x.id === ds.id);
    if (!d || !ds.applicable) return { ...ds, deductions: [...ds.deductions] };
    const kept = ds.deductions.filter((x) => !drop(x.ruleId)).map((x) => ({ ...x }));
    return { ...ds, ...charge(d, extra, kept) };
  });
  return finish(dimensions, rubric);
}

/** What a dimension loses to `scored`, after the deductions already `made`. */
function charge(
  d: RubricDimension,
  scored: ScoredFinding[],
  made: Deduction[],
): Pick<DimensionScore, 'points' | 'lost' | 'deductions'> {
  const percentOf = (points: number): number => (points / d.weight) * 100;
  let lostPercent = made.reduce((sum, x) => sum + percentOf(x.points), 0);
  const deductions = [...made];
  for (const cost of d.costs) {
    let spent = made.filter((x) => x.ruleId === cost.rule).reduce((sum, x) => sum + percentOf(x.points), 0);
    const cap = cost.max ?? 100;
    for (const s of scored) {
      if (!matches(cost, s.finding)) continue;
      const per = (cost[s.baseSeverity] ?? 0) * Math.max(0, Math.min(1, s.finding.extent ?? 1));
      const take = Math.min(per, cap - spent, 100 - lostPercent);
      if (take <= 0) continue;
      spent += take;
      lostPercent += take;
      deductions.push({
        ruleId: s.finding.ruleId,
        finding: s.index,
        severity: s.finding.severity,
        message: s.finding.message,
        points: (take / 100) * d.weight,
        totalPoints: 0,
      });
    }
  }
  const lost = (lostPercent / 100) * d.weight;
  return { points: d.weight - lost, lost, deductions };
}

/** Scale the dimensions that apply to 100 and round. */
function finish(dimensions: DimensionScore[], rubric: Rubric): Score {
  const applicableWeight = dimensions.filter((d) => d.applicable).reduce((s, d) => s + d.weight, 0);
  const scale = applicableWeight > 0 ? 100 / applicableWeight : 0;
  for (const d of dimensions) {
    for (const x of d.deductions) {
      x.totalPoints = round(x.points * scale);
      x.points = round(x.points);
    }
    d.points = round(d.points);
    d.lost = round(d.lost);
  }
  const kept = dimensions.filter((d) => d.applicable).reduce((s, d) => s + d.points, 0);
  return {
    total: applicableWeight > 0 ? round(kept * scale, 1) : 0,
    max: 100,
    rubricVersion: rubric.version,
    dimensions,
  };
}
