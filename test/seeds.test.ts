/** The reading of the real seed reports in ../shared compared with their gold readings. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoldReading } from '../src/eval/score.js';
import { toContract } from '../src/output/contract.js';
import { analyzeFile } from '../src/pipeline.js';
import { requireShared, SHARED_DIR } from './shared.js';

const present = requireShared();
const goldDir = join(SHARED_DIR, 'gold/seeds');
const golds: GoldReading[] = present
  ? readdirSync(goldDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as GoldReading)
  : [];

const squash = (s: string | null): string | null => (s === null ? null : s.replace(/\s+/gu, ''));

describe.skipIf(!present)('seed reports against gold', () => {
  it('has the five seeds', () => {
    expect(golds.length).toBeGreaterThanOrEqual(5);
  });

  for (const gold of golds) {
    describe(gold.source, () => {
      let cached: Promise<ReturnType<typeof toContract>> | undefined;
      const read = () => {
        cached ??= analyzeFile(join(SHARED_DIR, gold.source)).then((a) => toContract(gold.source, a));
        return cached;
      };

      it('reads the metadata', async () => {
        const { meta } = await read();
        expect(squash(meta.title)).toBe(squash(gold.meta.title));
        if (gold.meta.issuer === null) expect(meta.issuer).toBeNull();
        else {
          const [g, p] = [squash(gold.meta.issuer) as string, squash(meta.issuer) ?? ''];
          expect(g.endsWith(p) || p.endsWith(g), `issuer ${p} vs ${g}`).toBe(true);
        }
        expect(meta.unitKind).toBe(gold.meta.unitKind);
        expect(meta.jurisdiction).toEqual(gold.meta.jurisdiction);
        expect(meta.year).toBe(gold.meta.year);
        expect(meta.published).toBe(gold.meta.published);
        expect(meta.signed).toBe(gold.meta.signed);
      });

      it('finds the parts with their headings and kinds', async () => {
        const { parts } = await read();
        expect(parts.map((p) => ({ part: p.part, heading: squash(p.heading) }))).toEqual(
          gold.parts.map((p) => ({ part: p.part, heading: squash(p.heading) })),
        );
      });
    });
  }
});

describe.skipIf(!present)('indicators on the seeds', () => {
  it('reaches precision ≥ 0.95 and recall ≥ 0.90 against the gold readings', async () => {
    const { evaluateGold } = await import('../src/eval/run.js');
    const result = await evaluateGold(goldDir);
    expect(result.errors).toEqual([]);
    expect(result.totals.indicatorPrecision).toBeGreaterThanOrEqual(0.95);
    expect(result.totals.indicatorRecall).toBeGreaterThanOrEqual(0.9);
  });
});
