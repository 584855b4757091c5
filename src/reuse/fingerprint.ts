/**
 * Winnowed k-gram fingerprints (Schleimer, Wilkerson & Aiken 2003, the method of MOSS): hash every
 * k-gram of the folded text and keep, in each window of `window` consecutive hashes, the smallest.
 * The k-gram hash is a rolling polynomial hash over the UTF-16 code units (base 0x01000193, mod
 * 2^32) finished with the murmur3 32-bit mixer, so it is O(1) per position and easy to reproduce.
 * Any passage of at least `gram + window − 1` folded characters shared by two texts (outside
 * boilerplate) yields at least one shared fingerprint, wherever it sits in its unit.
 *
 * Copy detection uses them twice: as exact keys whose document frequency says which passages are
 * common stock text (masked before alignment), and as a second source of candidates next to LSH,
 * for a copied sentence inside otherwise different units.
 */
import type { FoldedText } from './fold.js';

/** k-gram length in folded characters (default 12). */
export const DEFAULT_GRAM = 12;
/** Winnowing window in k-grams (default 8; ≤ gram, so selected k-grams of a passage overlap). */
export const DEFAULT_WINDOW = 8;

/** A selected k-gram: its FNV-1a hash and where it starts in the folded text. */
export interface Fingerprint {
  key: number;
  at: number;
}

const BASE = 0x01000193;

/** murmur3's 32-bit finalizer: spreads the polynomial hash over all bits. */
export function mix(hash: number): number {
  let h = hash;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Larger than any 32-bit hash: marks a k-gram that touches masked (boilerplate) characters. */
const NONE = 0x100000000;

/**
 * The winnowed fingerprints of a folded text, in text order. k-grams that touch masked
 * characters are never selected.
 */
export function winnow(
  folded: FoldedText | string,
  mask?: Uint8Array,
  gram = DEFAULT_GRAM,
  window = DEFAULT_WINDOW,
): Fingerprint[] {
  const text = typeof folded === 'string' ? folded : folded.text;
  const count = text.length - gram + 1;
  if (count <= 0) return [];
  const hashes = new Float64Array(count);
  let top = 1; // BASE^(gram-1), to drop the outgoing code unit
  for (let i = 1; i < gram; i++) top = Math.imul(top, BASE);
  let h = 0;
  let lastMasked = -1;
  for (let i = 0; i < text.length; i++) {
    if (mask && mask[i] === 1) lastMasked = i;
    if (i >= gram) h = (h - Math.imul(text.charCodeAt(i - gram), top)) | 0;
    h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
    const start = i - gram + 1;
    if (start < 0) continue;
    hashes[start] = lastMasked >= start ? NONE : mix(h);
  }
  const out: Fingerprint[] = [];
  const w = Math.min(window, count);
  let chosen = -1;
  for (let from = 0; from + w <= count; from++) {
    // Rightmost minimum of the window, as robust winnowing prescribes.
    let best = from;
    for (let j = from + 1; j < from + w; j++) if ((hashes[j] as number) <= (hashes[best] as number)) best = j;
    if (best !== chosen && (hashes[best] as number) !== NONE) {
      out.push({ key: hashes[best] as number, at: best });
      chosen = best;
    }
  }
  return out;
}
