import { describe, expect, it } from 'vitest';
import { Rng } from '../synth/rng.js';
import { Boilerplate } from './boilerplate.js';
import { winnow } from './fingerprint.js';
import { fold } from './fold.js';
import { fnv1a } from './hash.js';
import {
  bandKeys,
  distinctCount,
  EMPTY_SLOT,
  exactJaccard,
  isEmptySignature,
  jaccardEstimate,
  LshIndex,
  minhash,
  shingleHashes,
  shingles,
  signature,
  signatureFromBytes,
  signatureToBytes,
} from './minhash.js';
import { COPIED, filler, PARAPHRASED, UNRELATED } from './testing/fixtures.js';

describe('shingles', () => {
  it('are folded character trigrams hashed with FNV-1a', () => {
    expect(shingles('办理案件120件。')).toEqual(['办理案', '理案件', '案件#', '件#件']);
    expect(Array.from(shingleHashes(fold('办理案件120件。')))).toEqual(
      shingles('办理案件120件。').map(fnv1a),
    );
  });

  it('do not depend on the figures', () => {
    expect(shingles('共办理案件120件')).toEqual(shingles('共办理案件95件'));
  });

  it('leave out shingles that overlap a masked stretch', () => {
    const folded = fold('甲乙丙丁戊己庚');
    const mask = Uint8Array.from([0, 0, 0, 1, 0, 0, 0]);
    expect(Array.from(shingleHashes(folded, 3, mask))).toEqual(['甲乙丙', '戊己庚'].map(fnv1a));
    expect(
      shingles('深入学习贯彻习近平法治思想，严格执法', 3, new Boilerplate(['深入学习贯彻习近平法治思想'])),
    ).toEqual(['严格执', '格执法']);
  });
});

describe('signature', () => {
  it('is deterministic and pinned: stored signatures stay comparable across versions', () => {
    const sig = signature(COPIED);
    expect(sig).toEqual(signature(COPIED));
    expect(sig.length).toBe(64);
    // Changing the fold, the shingle hash or the seeds breaks this line — and every stored signature.
    expect(Array.from(sig.subarray(0, 4))).toEqual(PINNED);
  });

  it('a 128-slot signature starts with the 64-slot one', () => {
    expect(signature(COPIED, 128).subarray(0, 64)).toEqual(signature(COPIED));
  });

  it('is equal for texts that differ only in figures and punctuation', () => {
    expect(
      jaccardEstimate(
        signature('全年共办理行政复议案件120件，纠错率5.3%。'),
        signature('全年共办理行政复议案件95件；纠错率4.1%'),
      ),
    ).toBe(1);
  });

  it('estimates the Jaccard similarity: near-duplicates high, unrelated texts near 0', () => {
    expect(jaccardEstimate(signature(COPIED), signature(PARAPHRASED))).toBeGreaterThan(0.75);
    for (const text of UNRELATED)
      expect(jaccardEstimate(signature(COPIED), signature(text))).toBeLessThan(0.15);
  });

  it('tracks the exact Jaccard similarity within the expected error (k = 64)', () => {
    const rng = new Rng(7);
    let totalError = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      // Two texts sharing a random share of their sentences.
      const shared = filler(10_000 + t, rng.int(20, 200));
      const a = fold(filler(20_000 + t, rng.int(20, 200)) + shared).text;
      const b = fold(shared + filler(30_000 + t, rng.int(20, 200))).text;
      const ha = shingleHashes(a);
      const hb = shingleHashes(b);
      totalError += Math.abs(jaccardEstimate(minhash(ha), minhash(hb)) - exactJaccard(ha, hb));
    }
    // √(J(1−J)/64) ≤ 0.0625; the mean absolute error of a fair estimator is about 0.8 of that.
    expect(totalError / trials).toBeLessThan(0.06);
  });

  it('of a text without shingles is empty and similar to nothing', () => {
    const empty = signature('一、');
    expect(isEmptySignature(empty)).toBe(true);
    expect(empty.every((v) => v === EMPTY_SLOT)).toBe(true);
    expect(jaccardEstimate(empty, signature('二、'))).toBe(0);
  });

  it('round-trips through bytes', () => {
    const sig = signature(PARAPHRASED);
    const bytes = signatureToBytes(sig);
    expect(bytes.length).toBe(256);
    expect(signatureFromBytes(bytes)).toEqual(sig);
  });

  it('counts distinct hashes', () => {
    expect(distinctCount(Uint32Array.from([3, 1, 3, 2, 1]))).toBe(3);
    expect(distinctCount(new Uint32Array(0))).toBe(0);
  });
});

describe('bandKeys', () => {
  it('gives one key per band, different for equal values in different bands', () => {
    const sig = new Uint32Array(64).fill(42);
    const keys = bandKeys(sig);
    expect(keys.length).toBe(16);
    expect(new Set(keys).size).toBe(16);
    expect(() => bandKeys(new Uint32Array(32))).toThrow(/shorter/u);
  });
});

describe('LshIndex', () => {
  it('returns near-duplicates as candidates and not unrelated texts', () => {
    const lsh = new LshIndex<string>();
    lsh.add('copied', signature(COPIED));
    for (const [i, text] of UNRELATED.entries()) lsh.add(`u${i}`, signature(text));
    expect(lsh.query(signature(PARAPHRASED))).toEqual(['copied']);
    expect(lsh.size).toBe(7);
  });

  it('removes and replaces ids', () => {
    const lsh = new LshIndex<number>();
    lsh.add(1, signature(COPIED));
    lsh.add(2, signature(COPIED));
    expect(lsh.query(signature(COPIED))).toEqual([1, 2]);
    expect(lsh.remove(1)).toBe(true);
    expect(lsh.remove(1)).toBe(false);
    expect(lsh.query(signature(COPIED))).toEqual([2]);
    lsh.add(2, signature(UNRELATED[0] as string));
    expect(lsh.query(signature(COPIED))).toEqual([]);
  });

  it('serializes to plain arrays and back, so a store can keep band keys', () => {
    const lsh = new LshIndex<string>({ bands: 32, rows: 2 });
    lsh.add('a', signature(COPIED));
    lsh.add('b', signature(UNRELATED[1] as string));
    const data = JSON.parse(JSON.stringify(lsh.toJSON()));
    expect(data.entries[0][1]).toHaveLength(32);
    const restored = LshIndex.fromJSON<string>(data);
    expect(restored.query(signature(PARAPHRASED))).toEqual(lsh.query(signature(PARAPHRASED)));
    expect(restored.keys('a')).toEqual(lsh.bandKeys(signature(COPIED)));
  });

  it('makes candidates with the probability 1 − (1 − J⁴)¹⁶ of 16 × 4 banding', () => {
    // Signatures with a set share of equal slots, placed at random.
    const rng = new Rng(11);
    for (const [share, low, high] of [
      [0.3, 0.02, 0.3],
      [0.7, 0.9, 1],
    ] as const) {
      let hits = 0;
      for (let t = 0; t < 300; t++) {
        const a = Uint32Array.from({ length: 64 }, () => rng.int(0, 2 ** 31));
        const b = a.map((v) => (rng.next() < share ? v : v + 1));
        const lsh = new LshIndex<number>();
        lsh.add(0, a);
        if (lsh.query(b).length > 0) hits++;
      }
      expect(hits / 300).toBeGreaterThanOrEqual(low);
      expect(hits / 300).toBeLessThanOrEqual(high);
    }
  });
});

describe('winnow', () => {
  it('finds a shared fingerprint in any common passage of gram + window − 1 characters', () => {
    for (let t = 0; t < 50; t++) {
      const passage = fold(filler(900 + t, 26)).text.slice(0, 19);
      const a = fold(filler(t, 80)).text + passage + fold(filler(t + 100, 50)).text;
      const b = fold(filler(t + 200, 30)).text + passage;
      const keysA = new Set(winnow(a).map((f) => f.key));
      expect(winnow(b).some((f) => keysA.has(f.key))).toBe(true);
    }
  });

  it('never selects a k-gram that touches masked characters', () => {
    const text = fold(filler(5, 60)).text;
    const mask = new Uint8Array(text.length).fill(1, 20, 40);
    for (const f of winnow(text, mask)) expect(f.at + 12 <= 20 || f.at >= 40).toBe(true);
  });
});

const PINNED = [80256402, 27183488, 36242772, 21621666];
