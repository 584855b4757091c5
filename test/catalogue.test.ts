/** The indicator catalogue keeps the keys and units of the shared spec, its fixed contract. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTsvRows } from '../src/core/knowledge.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { requireShared, SHARED_DIR } from './shared.js';

const present = requireShared();

describe.skipIf(!present)('catalogue against ../shared/spec/indicators.tsv', () => {
  it('has exactly the spec keys, with their units and areas', () => {
    const spec = parseTsvRows(readFileSync(join(SHARED_DIR, 'spec/indicators.tsv'), 'utf8'), 'spec', 4).slice(
      1,
    );
    const { catalogue } = loadKnowledge();
    expect([...catalogue.indicators.keys()].sort()).toEqual(spec.map((r) => r[0]).sort());
    for (const [key, , units, area] of spec) {
      const def = catalogue.indicators.get(key as string);
      expect(def?.units.join('|'), key).toBe(units);
      expect(def?.area, key).toBe(area);
    }
  });
});

describe('catalogue', () => {
  const { catalogue } = loadKnowledge();

  it('gives every key at least one phrasing', () => {
    const phrased = new Set(catalogue.rows.map((r) => r.key));
    expect([...catalogue.indicators.keys()].filter((k) => !phrased.has(k))).toEqual([]);
  });

  it('accepts unit synonyms of a key', () => {
    expect(catalogue.unitsOf.get('mediation.cases')?.has('起')).toBe(true);
    expect(catalogue.unitsOf.get('mediation.cases')?.has('人')).toBe(false);
  });
});
