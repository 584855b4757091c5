/**
 * Adapter: read the data files of the checks (`data/rules/outline-areas.tsv`, `data/rubric.json`)
 * once and hand them to the pure engine as {@link CheckData}. The only place of `src/checks` that
 * reads `data/` at run time.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../knowledge/load.js';
import { parseOutlineAreas } from './areas.js';
import { defaultConsistency } from './consistency-source.js';
import { RULES } from './rules/index.js';
import { type Rubric, validateRubric } from './score.js';
import type { CheckData } from './types.js';

/** Parse and check a rubric text (JSON). Throws on a malformed rubric. */
export function parseRubric(json: string, file = 'rubric.json'): Rubric {
  const rubric = JSON.parse(json) as Rubric;
  const problems = validateRubric(rubric, new Set(RULES.map((r) => r.meta.id)));
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return rubric;
}

let cached: CheckData | null = null;

/** The default rule data from `data/`, loaded on first use. */
export function loadCheckData(): CheckData {
  cached ??= {
    areas: parseOutlineAreas(readFileSync(dataPath('rules/outline-areas.tsv'), 'utf8')),
    rubric: parseRubric(readFileSync(dataPath('rubric.json'), 'utf8')),
    consistency: defaultConsistency,
  };
  return cached;
}
