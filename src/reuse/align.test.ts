import { describe, expect, it } from 'vitest';
import { Rng } from '../synth/rng.js';
import { align, greedyTiles, type Tile, tileRuns, tileRunsDp } from './align.js';
import { fold } from './fold.js';
import { loadBoilerplate } from './load.js';
import { COPIED, filler, PARAPHRASED, PREAMBLE_A, PREAMBLE_B, UNRELATED } from './testing/fixtures.js';

const codes = (text: string): Int32Array => Int32Array.from(fold(text).text, (c) => c.charCodeAt(0));
const sorted = (runs: Tile[]): Tile[] => runs.slice().sort((x, y) => x.a - y.a || x.b - y.b);

describe('align', () => {
  it('aligns an identical passage exactly, wherever it sits', () => {
    const a = `${UNRELATED[0]}${COPIED}`;
    const b = `${COPIED}${UNRELATED[1]}`;
    const spans = align(a, b);
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(a.slice(span?.aStart, span?.aEnd)).toBe(COPIED.slice(0, -1)); // the final 。 is no letter
    expect(b.slice(span?.bStart, span?.bEnd)).toBe(COPIED.slice(0, -1));
    expect(span?.similarity).toBe(1);
  });

  it('bridges changed place names and figures with a high similarity', () => {
    const [span, ...rest] = align(COPIED, PARAPHRASED);
    expect(rest).toEqual([]);
    expect(span?.similarity).toBeGreaterThan(0.9);
    // 东港区 / 西林县 differ, so the span starts after them; 3125 / 958 fold alike.
    expect(span?.aStart).toBe(3);
    expect(span?.bStart).toBe(3);
    expect(span?.bEnd).toBe(PARAPHRASED.length - 1);
    // 区政府 / 县政府 fold alike; 达到 / 为 splits the tiles.
    expect(span?.tiles.length).toBeGreaterThanOrEqual(2);
  });

  it('finds nothing in unrelated paragraphs', () => {
    for (const other of UNRELATED) expect(align(COPIED, other)).toEqual([]);
  });

  it('does not align boilerplate', () => {
    const boilerplate = loadBoilerplate();
    expect(align(PREAMBLE_A, PREAMBLE_B, { boilerplate }).filter((s) => s.matched >= 20)).toEqual([]);
    // Without the list the stock phrases align.
    expect(align(PREAMBLE_A, PREAMBLE_B).some((s) => s.matched >= 20)).toBe(true);
  });

  it('splits reordered passages into separate spans', () => {
    const [x, y] = [UNRELATED[2] as string, UNRELATED[3] as string];
    const spans = align(`${x}${y}`, `${y}${x}`);
    expect(spans).toHaveLength(2);
    expect(spans.map((s) => s.similarity)).toEqual([1, 1]);
  });

  it('keeps a span apart from text the other side does not have', () => {
    const filling = filler(3, 60);
    // The same two sentences, once with 60 extra characters between them.
    const [x, y] = [UNRELATED[4] as string, UNRELATED[5] as string];
    expect(align(`${x}${filling}${y}`, `${x}${y}`)).toHaveLength(2);
  });
});

describe('tiling', () => {
  it('seed and extend finds exactly the maximal runs of the O(n·m) programme', () => {
    const rng = new Rng(3);
    for (let t = 0; t < 60; t++) {
      // Texts over a tiny alphabet have many repeats and runs on many diagonals.
      const alphabet = '法治政府建设依';
      const make = (n: number): string => Array.from({ length: n }, () => alphabet[rng.int(0, 6)]).join('');
      const shared = make(rng.int(0, 40));
      const a = codes(make(rng.int(0, 80)) + shared + make(rng.int(0, 30)));
      const b = codes(make(rng.int(0, 50)) + shared + make(rng.int(0, 60)));
      for (const minTile of [3, 5, 8])
        expect(sorted(tileRuns(a, b, minTile))).toEqual(sorted(tileRunsDp(a, b, minTile)));
    }
  });

  it('masked values match nothing', () => {
    const a = Int32Array.from([1, 2, 3, 4, -1, 5, 6]);
    const b = Int32Array.from([1, 2, 3, 4, -2, 5, 6]);
    expect(tileRuns(a, b, 2)).toEqual([
      { a: 0, b: 0, length: 4 },
      { a: 5, b: 5, length: 2 },
    ]);
    expect(sorted(tileRunsDp(a, b, 2))).toEqual(sorted(tileRuns(a, b, 2)));
  });

  it('takes the longest run first and cuts overlapping ones to their free stretches', () => {
    const runs: Tile[] = [
      { a: 0, b: 0, length: 10 },
      { a: 5, b: 20, length: 12 }, // the longer: taken first, so the other keeps only a 0..4
    ];
    expect(greedyTiles(runs, 40, 40, 5)).toEqual([
      { a: 0, b: 0, length: 5 },
      { a: 5, b: 20, length: 12 },
    ]);
    expect(greedyTiles(runs, 40, 40, 6)).toEqual([{ a: 5, b: 20, length: 12 }]);
  });
});
