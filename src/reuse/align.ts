/**
 * Alignment of two candidate passages: which characters of one were taken from the other.
 *
 * Both texts are folded (fold.ts), so changed figures and punctuation do not break a match. The
 * matching is greedy string tiling (as in plagiarism detectors such as JPlag): every maximal run of
 * equal folded characters at least `minTile` long is found, then runs are taken longest first as
 * long as they overlap no run already taken, in either text. Tiles that follow each other in both
 * texts with small gaps (a changed place name, a reworded phrase) are chained into one aligned
 * span, whose similarity is the share of its characters that are tiled.
 *
 * Runs are found by seed and extend: a rolling hash indexes every `minTile`-gram of one text, each
 * gram of the other is looked up and extended along its diagonal. That is linear in the text
 * lengths plus the matches; {@link tileRunsDp} is the plain O(n·m) dynamic programme, kept as the
 * reference the tests compare against.
 */
import type { Boilerplate } from './boilerplate.js';
import { type FoldedText, fold } from './fold.js';

/** Tuning of {@link align} and {@link alignFolded}. */
export interface AlignOptions {
  /** Shortest run of equal folded characters that counts as a match (default 8). */
  minTile?: number;
  /** Largest gap, in unmasked folded characters on either side, between tiles of one span (default 16). */
  maxGap?: number;
}

/** Default shortest tile: shorter common runs are mostly shared vocabulary (法治政府建设 is 6). */
export const DEFAULT_MIN_TILE = 8;
/** Default largest gap inside a span: room for a changed place name or a reworded phrase. */
export const DEFAULT_MAX_GAP = 16;

/** A maximal run of equal folded characters: a[a .. a+length) = b[b .. b+length). */
export interface Tile {
  a: number;
  b: number;
  length: number;
}

/** Offsets of a tile in the two source texts. */
export interface TileSpan {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** An aligned passage: a chain of tiles, with offsets into the two source texts. */
export interface AlignedSpan extends TileSpan {
  /** 2·matched / (a-length + b-length), lengths in unmasked folded characters of the span. */
  similarity: number;
  /** Folded characters inside tiles (per side; tiles have equal length on both sides). */
  matched: number;
  /** The tiles of the span, in text order. */
  tiles: TileSpan[];
}

/** Folded codes with masked positions replaced by a value that equals nothing on the other side. */
function codes(folded: FoldedText, mask: Uint8Array | undefined, sentinel: number): Int32Array {
  const out = new Int32Array(folded.text.length);
  for (let i = 0; i < out.length; i++) out[i] = mask && mask[i] === 1 ? sentinel : folded.text.charCodeAt(i);
  return out;
}

const HASH_BASE = 0x01000193;

/**
 * All maximal runs of equal values of length ≥ `minTile` (seed and extend). Negative values are
 * masked and match nothing.
 */
export function tileRuns(a: Int32Array, b: Int32Array, minTile = DEFAULT_MIN_TILE): Tile[] {
  const n = a.length;
  const m = b.length;
  const k = minTile;
  if (k < 1 || n < k || m < k) return [];
  // BASE^(k-1), to drop the outgoing value of the rolling hash.
  let top = 1;
  for (let i = 1; i < k; i++) top = Math.imul(top, HASH_BASE);
  // Index the k-grams of a that contain no masked value.
  const grams = new Map<number, number | number[]>();
  let h = 0;
  let lastMasked = -1;
  for (let i = 0; i < n; i++) {
    const v = a[i] as number;
    if (v < 0) lastMasked = i;
    if (i >= k) h = (h - Math.imul(a[i - k] as number, top)) | 0;
    h = (Math.imul(h, HASH_BASE) + v) | 0;
    const start = i - k + 1;
    if (start < 0 || lastMasked >= start) continue;
    const bucket = grams.get(h);
    if (bucket === undefined) grams.set(h, start);
    else if (Array.isArray(bucket)) bucket.push(start);
    else grams.set(h, [bucket, start]);
  }
  // Scan b; extend each seed along its diagonal unless an earlier extension already covers it.
  const diagonalEnd = new Int32Array(n + m + 1); // by (i − j + m): the b-offset where the last run ended
  const runs: Tile[] = [];
  const extend = (i: number, j: number): void => {
    const d = i - j + m;
    if ((diagonalEnd[d] as number) > j) return;
    for (let t = 0; t < k; t++) if (a[i + t] !== b[j + t]) return; // a hash collision
    let length = k;
    while (i + length < n && j + length < m && a[i + length] === b[j + length]) length++;
    runs.push({ a: i, b: j, length });
    diagonalEnd[d] = j + length;
  };
  h = 0;
  lastMasked = -1;
  for (let j = 0; j < m; j++) {
    const v = b[j] as number;
    if (v < 0) lastMasked = j;
    if (j >= k) h = (h - Math.imul(b[j - k] as number, top)) | 0;
    h = (Math.imul(h, HASH_BASE) + v) | 0;
    const start = j - k + 1;
    if (start < 0 || lastMasked >= start) continue;
    const bucket = grams.get(h);
    if (bucket === undefined) continue;
    if (Array.isArray(bucket)) for (const i of bucket) extend(i, start);
    else extend(bucket, start);
  }
  return runs;
}

/** The same runs as {@link tileRuns}, by the O(n·m) dynamic programme (reference and benchmark). */
export function tileRunsDp(a: Int32Array, b: Int32Array, minTile = DEFAULT_MIN_TILE): Tile[] {
  const n = a.length;
  const m = b.length;
  const runs: Tile[] = [];
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) {
    const ai = a[i] as number;
    for (let j = 0; j < m; j++) {
      const length = ai >= 0 && ai === b[j] ? (prev[j] as number) + 1 : 0;
      cur[j + 1] = length;
      // A run is maximal where it cannot go on along the diagonal.
      if (length >= minTile && (i + 1 === n || j + 1 === m || a[i + 1] !== b[j + 1])) {
        runs.push({ a: i - length + 1, b: j - length + 1, length });
      }
    }
    [prev, cur] = [cur, prev];
  }
  return runs;
}

function byLength(x: Tile, y: Tile): number {
  return y.length - x.length || x.a - y.a || x.b - y.b;
}

/**
 * Greedy string tiling over maximal runs: the longest run first; a run that overlaps tiles taken
 * already is cut to its free stretches, which go back into the queue if still ≥ `minTile`.
 * Returns non-overlapping tiles sorted by their position in a.
 */
export function greedyTiles(runs: Tile[], n: number, m: number, minTile = DEFAULT_MIN_TILE): Tile[] {
  const queue = runs.slice().sort(byLength);
  const takenA = new Uint8Array(n);
  const takenB = new Uint8Array(m);
  const tiles: Tile[] = [];
  while (queue.length > 0) {
    const run = queue.shift() as Tile;
    let free = true;
    for (let t = 0; t < run.length; t++) {
      if (takenA[run.a + t] === 1 || takenB[run.b + t] === 1) {
        free = false;
        break;
      }
    }
    if (free) {
      takenA.fill(1, run.a, run.a + run.length);
      takenB.fill(1, run.b, run.b + run.length);
      tiles.push(run);
      continue;
    }
    // Requeue the free stretches, keeping the queue sorted.
    let start = -1;
    for (let t = 0; t <= run.length; t++) {
      const isFree = t < run.length && takenA[run.a + t] !== 1 && takenB[run.b + t] !== 1;
      if (isFree && start < 0) start = t;
      if (!isFree && start >= 0) {
        if (t - start >= minTile)
          insertSorted(queue, { a: run.a + start, b: run.b + start, length: t - start });
        start = -1;
      }
    }
  }
  return tiles.sort((x, y) => x.a - y.a);
}

function insertSorted(queue: Tile[], tile: Tile): void {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byLength(queue[mid] as Tile, tile) <= 0) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, tile);
}

/** Prefix counts of unmasked positions: count[i] = unmasked characters in [0, i). */
function unmaskedPrefix(length: number, mask: Uint8Array | undefined): Uint32Array {
  const count = new Uint32Array(length + 1);
  for (let i = 0; i < length; i++) count[i + 1] = (count[i] as number) + (mask && mask[i] === 1 ? 0 : 1);
  return count;
}

interface Chain {
  tiles: Tile[];
  aEnd: number;
  bEnd: number;
  matched: number;
}

/**
 * Align two folded texts. Masked characters (boilerplate, text known to be common) match
 * nothing and do not count towards span lengths.
 */
export function alignFolded(
  a: FoldedText,
  b: FoldedText,
  options: AlignOptions & { maskA?: Uint8Array; maskB?: Uint8Array } = {},
): AlignedSpan[] {
  const minTile = options.minTile ?? DEFAULT_MIN_TILE;
  const maxGap = options.maxGap ?? DEFAULT_MAX_GAP;
  const ca = codes(a, options.maskA, -1);
  const cb = codes(b, options.maskB, -2);
  const tiles = greedyTiles(tileRuns(ca, cb, minTile), ca.length, cb.length, minTile);
  if (tiles.length === 0) return [];
  const countA = unmaskedPrefix(ca.length, options.maskA);
  const countB = unmaskedPrefix(cb.length, options.maskB);
  // Chain tiles in a-order. A tile joins the open chain it continues in both texts (monotone,
  // gaps ≤ maxGap) with the most matched characters; otherwise it opens a chain of its own.
  const open: Chain[] = [];
  const done: Chain[] = [];
  for (const tile of tiles) {
    let best: Chain | null = null;
    for (let c = open.length - 1; c >= 0; c--) {
      const chain = open[c] as Chain;
      const gapA = (countA[tile.a] as number) - (countA[chain.aEnd] as number);
      if (gapA > maxGap) {
        done.push(chain);
        open.splice(c, 1);
        continue;
      }
      if (tile.b < chain.bEnd) continue;
      const gapB = (countB[tile.b] as number) - (countB[chain.bEnd] as number);
      if (gapB > maxGap) continue;
      // Masked text in a gap is free only when both sides have about as much of it (boilerplate
      // kept in a copy); masked text on one side only is text the other does not have.
      if (Math.abs(tile.a - chain.aEnd - (tile.b - chain.bEnd)) > maxGap) continue;
      if (!best || chain.matched > best.matched) best = chain;
    }
    if (best) {
      best.tiles.push(tile);
      best.aEnd = tile.a + tile.length;
      best.bEnd = tile.b + tile.length;
      best.matched += tile.length;
    } else {
      open.push({
        tiles: [tile],
        aEnd: tile.a + tile.length,
        bEnd: tile.b + tile.length,
        matched: tile.length,
      });
    }
  }
  done.push(...open);
  const spans = done.map((chain): AlignedSpan => {
    const first = chain.tiles[0] as Tile;
    const lengthA = (countA[chain.aEnd] as number) - (countA[first.a] as number);
    const lengthB = (countB[chain.bEnd] as number) - (countB[first.b] as number);
    return {
      aStart: a.starts[first.a] as number,
      aEnd: a.ends[chain.aEnd - 1] as number,
      bStart: b.starts[first.b] as number,
      bEnd: b.ends[chain.bEnd - 1] as number,
      similarity: (2 * chain.matched) / (lengthA + lengthB),
      matched: chain.matched,
      tiles: chain.tiles.map((t) => ({
        aStart: a.starts[t.a] as number,
        aEnd: a.ends[t.a + t.length - 1] as number,
        bStart: b.starts[t.b] as number,
        bEnd: b.ends[t.b + t.length - 1] as number,
      })),
    };
  });
  return spans.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
}

/**
 * Align two texts: fold them, mask boilerplate, tile and chain. Offsets are into the given texts.
 *
 * @example
 * const [span] = align('全市共办理行政复议案件120件，纠错率5.3%。', '全县共办理行政复议案件95件，纠错率4.1%。');
 * span.similarity; // 1 — 全市/全县 and the figures fold alike
 */
export function align(
  a: string,
  b: string,
  options: AlignOptions & { boilerplate?: Boilerplate } = {},
): AlignedSpan[] {
  const fa = fold(a);
  const fb = fold(b);
  return alignFolded(fa, fb, {
    ...options,
    ...(options.boilerplate
      ? { maskA: options.boilerplate.mask(fa), maskB: options.boilerplate.mask(fb) }
      : {}),
  });
}
