/**
 * The seam between the checks and the §6 consistency checks of `src/figures/consistency.ts`
 * (`checkConsistency({text, figures}, relations) → Inconsistency[]`, with the relations of
 * `data/relations.tsv` compiled into `Knowledge.relations`). The `figures/*` rules only read
 * {@link Inconsistency} values through `CheckData.consistency`, so tests can feed them
 * inconsistencies made by hand.
 */
import type { Report } from '../core/analyze.js';
import type { Knowledge } from '../core/knowledge.js';
import { checkConsistency, type Inconsistency } from '../figures/consistency.js';

export type { Inconsistency, InconsistencyCheck } from '../figures/consistency.js';

/** Runs the consistency checks over one report. */
export type ConsistencyChecker = (report: Report, knowledge: Knowledge) => Inconsistency[];

/** The consistency checks of `src/figures/consistency.ts` with the knowledge's relations. */
export const defaultConsistency: ConsistencyChecker = (report, knowledge) =>
  checkConsistency(report, knowledge.relations);
