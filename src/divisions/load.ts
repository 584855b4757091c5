/**
 * Adapter: reads `data/divisions.tsv` and `data/division-aliases.tsv` once and builds the
 * {@link DivisionIndex}. `src/divisions` and `dist/divisions` are both two levels below the root.
 */
import { readFileSync } from 'node:fs';
import { type DivisionIndex, parseDivisions } from './index.js';

let cached: DivisionIndex | null = null;

/** The division index from `data/`, built on first use (about 0.1–0.3 s) and cached. */
export function loadDivisions(): DivisionIndex {
  cached ??= parseDivisions(
    readFileSync(new URL('../../data/divisions.tsv', import.meta.url), 'utf8'),
    readFileSync(new URL('../../data/division-aliases.tsv', import.meta.url), 'utf8'),
  );
  return cached;
}
