/**
 * MinHash signatures and an LSH index over them (dependencies.md §9: hand-rolled, deterministic).
 *
 * A text is folded (fold.ts), cut into character n-grams (shingles, n = 3), each shingle hashed
 * with FNV-1a over its UTF-8 bytes, and the signature keeps, for each of k fixed hash
 * permutations, the smallest permuted value. The share of equal slots of two signatures
 * estimates the Jaccard similarity of the shingle sets (standard error √(J(1−J)/k), ≈ 0.06 at
 * k = 64). LSH cuts a signature into `bands` bands of `rows` values; two texts become candidates
 * when any band is equal, which happens with probability 1 − (1 − J^rows)^bands: with 16 × 4,
 * 0.12 at J = 0.3, 0.64 at J = 0.5, 0.89 at J = 0.6, 0.98 at J = 0.7.
 *
 * Everything is integer arithmetic with fixed seeds: the same text gives the same signature on
 * every machine, so signatures can be stored and compared across runs.
 */
import type { Boilerplate } from './boilerplate.js';
import { type FoldedText, fold } from './fold.js';
import { FNV_OFFSET, FNV_PRIME, fnvChar } from './hash.js';

/** Defaults (dependencies.md §9): character trigrams, 64 slots, 16 bands of 4 rows. */
export const DEFAULT_SHINGLE = 3;
export const DEFAULT_HASHES = 64;
export const DEFAULT_BANDS = 16;
export const DEFAULT_ROWS = 4;
/** The value of every slot of the signature of a text without shingles. */
export const EMPTY_SLOT = 0xffffffff;

/**
 * Version of the signing code (folding rules, shingle hash, permutation seeds, fingerprint hash).
 * Bump it when any of them changes: stored signatures are comparable only under the same scheme.
 */
export const SIGNATURE_SCHEME = 'fazhi-minhash-1';

/** How {@link signature} shingles a text. */
export interface ShingleOptions {
  /** Shingle length in folded characters (default 3). */
  n?: number;
  /** Stock phrases whose occurrences are not signed. */
  boilerplate?: Boilerplate;
}

/**
 * FNV-1a hashes of the n-gram shingles of a folded text, in text order (repeats included). A
 * shingle that overlaps masked characters (a stock phrase) is left out: it belongs partly to the
 * phrase, and keeping the junctions would let two stock paragraphs match on their connectives.
 */
export function shingleHashes(
  folded: FoldedText | string,
  n = DEFAULT_SHINGLE,
  mask?: Uint8Array,
): Uint32Array {
  const text = typeof folded === 'string' ? folded : folded.text;
  const out = new Uint32Array(Math.max(0, text.length - n + 1));
  let size = 0;
  let lastMasked = -1;
  for (let i = 0; i < text.length; i++) {
    if (mask && mask[i] === 1) lastMasked = i;
    const start = i - n + 1;
    if (start < 0 || lastMasked >= start) continue;
    let h = FNV_OFFSET;
    for (let j = start; j <= i; j++) h = fnvChar(h, text.charCodeAt(j));
    out[size++] = h >>> 0;
  }
  return out.subarray(0, size);
}

/** The shingles themselves (for tests and explanations). */
export function shingles(text: string, n = DEFAULT_SHINGLE, boilerplate?: Boilerplate): string[] {
  const folded = fold(text);
  const mask = boilerplate?.mask(folded);
  const out: string[] = [];
  let lastMasked = -1;
  for (let i = 0; i < folded.text.length; i++) {
    if (mask && mask[i] === 1) lastMasked = i;
    if (i - n + 1 >= 0 && lastMasked < i - n + 1) out.push(folded.text.slice(i - n + 1, i + 1));
  }
  return out;
}

// The k hash permutations: x ↦ mix(mul·(x ⊕ xor)), with mul odd and mix an xor-shift, so each
// is a bijection of the 32-bit integers. Seeds come from a fixed splitmix32 sequence; seed i does
// not depend on k, so a 128-slot signature starts with the 64-slot one.
const SEED = 0x5eed1e55;
let seedMul = new Uint32Array(0);
let seedXor = new Uint32Array(0);

function ensureSeeds(k: number): void {
  if (seedMul.length >= k) return;
  const mul = new Uint32Array(k);
  const xor = new Uint32Array(k);
  let state = SEED;
  const next = (): number => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  for (let i = 0; i < k; i++) {
    mul[i] = next() | 1;
    xor[i] = next();
  }
  seedMul = mul;
  seedXor = xor;
}

/** The MinHash signature of a set of 32-bit hashes: k slots, each the minimum under one permutation. */
export function minhash(hashes: ArrayLike<number>, k = DEFAULT_HASHES): Uint32Array {
  ensureSeeds(k);
  const sig = new Uint32Array(k);
  const n = hashes.length;
  // One permutation at a time keeps its seeds and the running minimum in registers.
  for (let i = 0; i < k; i++) {
    const mul = seedMul[i] as number;
    const xor = seedXor[i] as number;
    let min = EMPTY_SLOT;
    for (let s = 0; s < n; s++) {
      let x = Math.imul((hashes[s] as number) ^ xor, mul);
      x = (x ^ (x >>> 16)) >>> 0;
      if (x < min) min = x;
    }
    sig[i] = min;
  }
  return sig;
}

/** Number of distinct values (sorting a copy beats a Set for a few hundred hashes). */
export function distinctCount(hashes: Uint32Array): number {
  if (hashes.length === 0) return 0;
  const sorted = hashes.slice().sort();
  let count = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) count++;
  return count;
}

/**
 * The MinHash signature of a text: folded, shingled (boilerplate occurrences left out), k slots.
 *
 * @example
 * const a = signature('全年共办理行政复议案件120件，纠错率5.3%。');
 * const b = signature('全年共办理行政复议案件95件，纠错率4.1%。');
 * jaccardEstimate(a, b); // 1: numbers fold to one symbol
 */
export function signature(text: string, k = DEFAULT_HASHES, options: ShingleOptions = {}): Uint32Array {
  const folded = fold(text);
  const mask = options.boilerplate?.mask(folded);
  return minhash(shingleHashes(folded, options.n ?? DEFAULT_SHINGLE, mask), k);
}

/** True when the signature was made from no shingles at all. */
export function isEmptySignature(sig: ArrayLike<number>): boolean {
  for (let i = 0; i < sig.length; i++) if (sig[i] !== EMPTY_SLOT) return false;
  return true;
}

/** Share of equal slots: an estimate of the Jaccard similarity of the two shingle sets. */
export function jaccardEstimate(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`signatures differ in length: ${a.length} vs ${b.length}`);
  if (a.length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] && a[i] !== EMPTY_SLOT) equal++;
  return equal / a.length;
}

/** Exact Jaccard similarity of two sets of shingle hashes (repeats ignored). */
export function exactJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const sa = new Set(Array.from(a));
  const sb = new Set(Array.from(b));
  if (sa.size === 0 && sb.size === 0) return 0;
  let common = 0;
  for (const h of sa) if (sb.has(h)) common++;
  return common / (sa.size + sb.size - common);
}

/** Signature → bytes (little-endian u32), e.g. for a `bytea` column. */
export function signatureToBytes(sig: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(sig.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < sig.length; i++) view.setUint32(i * 4, sig[i] as number, true);
  return bytes;
}

/** Bytes (little-endian u32) → signature. */
export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4 !== 0) throw new Error(`signature bytes not a multiple of 4: ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < sig.length; i++) sig[i] = view.getUint32(i * 4, true);
  return sig;
}

/**
 * The LSH band keys of a signature: one unsigned 32-bit key per band, FNV-1a over the band number
 * and the band's values, so equal values in different bands give different keys. A SQL table
 * `(band, key, unit)` indexed on `(band, key)` finds the candidates of a new signature with one
 * lookup per band (store `key | 0` in an int4 column, or the key itself in an int8 one).
 */
export function bandKeys(sig: ArrayLike<number>, bands = DEFAULT_BANDS, rows = DEFAULT_ROWS): Uint32Array {
  if (sig.length < bands * rows) {
    throw new Error(`signature of ${sig.length} slots is shorter than ${bands} bands × ${rows} rows`);
  }
  const keys = new Uint32Array(bands);
  for (let b = 0; b < bands; b++) {
    let h = Math.imul(FNV_OFFSET ^ b, FNV_PRIME);
    for (let r = 0; r < rows; r++) {
      const v = sig[b * rows + r] as number;
      h = Math.imul(h ^ (v & 0xff), FNV_PRIME);
      h = Math.imul(h ^ ((v >>> 8) & 0xff), FNV_PRIME);
      h = Math.imul(h ^ ((v >>> 16) & 0xff), FNV_PRIME);
      h = Math.imul(h ^ (v >>> 24), FNV_PRIME);
    }
    keys[b] = h >>> 0;
  }
  return keys;
}

/** Banding of an {@link LshIndex}; bands × rows must not exceed the signature length. */
export interface LshOptions {
  bands?: number;
  rows?: number;
}

/** The plain-data form of an {@link LshIndex}: what a store can save and load. */
export interface LshIndexData<Id extends string | number> {
  bands: number;
  rows: number;
  /** Each id with its band keys, in insertion order. */
  entries: [Id, number[]][];
}

/**
 * Banded LSH over MinHash signatures. Ids are added with their signature (or their band keys,
 * when they come from a store); a query returns every id that shares at least one band key,
 * each once, in a deterministic order (band by band, then insertion order).
 *
 * @example
 * const lsh = new LshIndex<string>();
 * lsh.add('a', signature(textA));
 * lsh.query(signature(textB)); // ['a'] when the texts are near-duplicates
 */
export class LshIndex<Id extends string | number = number> {
  readonly bands: number;
  readonly rows: number;
  /** One map per band: key → the id, or the ids, with that key. */
  private readonly tables: Map<number, Id | Id[]>[];
  private readonly keysOf = new Map<Id, Uint32Array>();

  /** @param options banding (default 16 bands × 4 rows). */
  constructor(options: LshOptions = {}) {
    this.bands = options.bands ?? DEFAULT_BANDS;
    this.rows = options.rows ?? DEFAULT_ROWS;
    if (!(this.bands >= 1 && this.rows >= 1)) throw new Error('LshIndex: bands and rows must be ≥ 1');
    this.tables = Array.from({ length: this.bands }, () => new Map<number, Id | Id[]>());
  }

  /** Number of ids in the index. */
  get size(): number {
    return this.keysOf.size;
  }

  /** The band keys of a signature under this index's banding. */
  bandKeys(sig: ArrayLike<number>): Uint32Array {
    return bandKeys(sig, this.bands, this.rows);
  }

  /** Add an id with its signature; an id already present is replaced. */
  add(id: Id, sig: ArrayLike<number>): void {
    this.addKeys(id, this.bandKeys(sig));
  }

  /** Add an id with band keys computed earlier (e.g. read from a store). */
  addKeys(id: Id, keys: ArrayLike<number>): void {
    if (keys.length !== this.bands) throw new Error(`expected ${this.bands} band keys, got ${keys.length}`);
    if (this.keysOf.has(id)) this.remove(id);
    const own = Uint32Array.from(keys);
    this.keysOf.set(id, own);
    for (let b = 0; b < this.bands; b++) {
      const map = this.tables[b] as Map<number, Id | Id[]>;
      const key = own[b] as number;
      const bucket = map.get(key);
      if (bucket === undefined) map.set(key, id);
      else if (Array.isArray(bucket)) bucket.push(id);
      else map.set(key, [bucket, id]);
    }
  }

  /** Remove an id; false when it was not there. */
  remove(id: Id): boolean {
    const keys = this.keysOf.get(id);
    if (!keys) return false;
    this.keysOf.delete(id);
    for (let b = 0; b < this.bands; b++) {
      const map = this.tables[b] as Map<number, Id | Id[]>;
      const key = keys[b] as number;
      const bucket = map.get(key);
      if (bucket === undefined) continue;
      if (!Array.isArray(bucket)) {
        if (bucket === id) map.delete(key);
        continue;
      }
      const rest = bucket.filter((x) => x !== id);
      if (rest.length === 0) map.delete(key);
      else map.set(key, rest.length === 1 ? (rest[0] as Id) : rest);
    }
    return true;
  }

  /** Ids sharing at least one band with the signature. */
  query(sig: ArrayLike<number>): Id[] {
    return this.queryKeys(this.bandKeys(sig));
  }

  /** Ids sharing at least one of the band keys, each once. */
  queryKeys(keys: ArrayLike<number>): Id[] {
    const seen = new Set<Id>();
    for (const bucket of this.buckets(keys)) {
      if (Array.isArray(bucket)) for (const id of bucket as Id[]) seen.add(id);
      else seen.add(bucket as Id);
    }
    return [...seen];
  }

  /**
   * The non-empty buckets of the band keys, one entry per band that has one: each an id or a list
   * of ids, which may repeat across bands. For callers that dedupe faster than a Set can (e.g. with
   * a stamp array over dense numeric ids). The lists must not be modified.
   */
  buckets(keys: ArrayLike<number>): (Id | readonly Id[])[] {
    const out: (Id | readonly Id[])[] = [];
    for (let b = 0; b < this.bands; b++) {
      const bucket = (this.tables[b] as Map<number, Id | Id[]>).get(keys[b] as number);
      if (bucket !== undefined) out.push(bucket);
    }
    return out;
  }

  /** The band keys stored for an id. */
  keys(id: Id): Uint32Array | undefined {
    return this.keysOf.get(id);
  }

  /** Plain data (ids and band keys) that {@link LshIndex.fromJSON} restores. */
  toJSON(): LshIndexData<Id> {
    return {
      bands: this.bands,
      rows: this.rows,
      entries: [...this.keysOf].map(([id, keys]) => [id, Array.from(keys)]),
    };
  }

  /** Rebuild an index from {@link LshIndex.toJSON} data (or rows read from a store). */
  static fromJSON<Id extends string | number>(data: LshIndexData<Id>): LshIndex<Id> {
    const index = new LshIndex<Id>({ bands: data.bands, rows: data.rows });
    for (const [id, keys] of data.entries) index.addKeys(id, keys);
    return index;
  }
}
