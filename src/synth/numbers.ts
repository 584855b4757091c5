/**
 * How the synthetic reports write numbers: plain Arabic, with the qualifiers 余/多/近/超/约, with a 万
 * multiplier ("2.3万"), as Chinese numerals ("百余", "万余"), and now and then in full-width digits.
 * Each writer returns the text and the value the gold reading records for it.
 */
import type { Rng } from './rng.js';

export type Approx = 'over' | 'under' | 'about' | null;

export interface Num {
  /** As printed, without the unit: "2.3万", "300余", "近50", "百余". */
  text: string;
  /** The number the gold reading records ("2.3万" → 23000, "百余" → 100). */
  value: number;
  approx: Approx;
}

const FULL_DIGITS = '０１２３４５６７８９';

/** Full-width digits, point and percent sign (a hazard seen in real pages). */
export function fullWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') out += FULL_DIGITS[ch.charCodeAt(0) - 48];
    else if (ch === '.') out += '．';
    else if (ch === '%') out += '％';
    else out += ch;
  }
  return out;
}

export function exact(n: number): Num {
  return { text: String(n), value: n, approx: null };
}

/** Round to `digits` significant digits (for numbers stated with 余/近). */
export function roundSig(n: number, digits: number): number {
  if (n <= 0) return n;
  const p = 10 ** Math.max(0, Math.floor(Math.log10(n)) + 1 - digits);
  return Math.max(p, Math.round(n / p) * p);
}

/** Round a rate to two decimals, as the reports do. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A rate as printed: at most two decimals, no trailing zeros ("98.6", "100"). */
export function rateText(r: number): string {
  return String(round2(r));
}

/** 100 × num / den, rounded to two decimals. */
export function rateOf(num: number, den: number): number {
  return den === 0 ? 0 : round2((100 * num) / den);
}

/** A count written loosely: qualifiers, 万 multipliers and Chinese numerals, chosen at random. */
export function loose(rng: Rng, n: number): Num {
  if (n < 10) return exact(n);
  const roll = rng.next();
  if (n >= 100 && n < 200 && roll < 0.08) return { text: '百余', value: 100, approx: 'over' };
  if (n >= 1000 && n < 2000 && roll < 0.08) return { text: '千余', value: 1000, approx: 'over' };
  if (n >= 10000 && n < 20000 && roll < 0.1) return { text: '万余', value: 10000, approx: 'over' };
  if (n >= 20000 && roll < 0.55) {
    // "2.3万", "12.5万余", "近3万"
    const decimals = n >= 1_000_000 ? 0 : rng.pick([0, 1, 1, 2]);
    const wan = Math.round((n / 10000) * 10 ** decimals) / 10 ** decimals;
    if (wan <= 0) return exact(n);
    const text = String(Number(wan.toFixed(decimals)));
    const value = Math.round(Number(text) * 10000);
    const q = rng.next();
    if (q < 0.35) return { text: `${text}万余`, value, approx: 'over' };
    if (q < 0.45) return { text: `近${text}万`, value, approx: 'under' };
    if (q < 0.52) return { text: `超${text}万`, value, approx: 'over' };
    return { text: `${text}万`, value, approx: null };
  }
  if (roll < 0.25) {
    const v = roundSig(n, n >= 1000 ? 2 : 1);
    return { text: `${v}余`, value: v, approx: 'over' };
  }
  if (roll < 0.3) {
    const v = roundSig(n, 2);
    return { text: `${v}多`, value: v, approx: 'over' };
  }
  if (roll < 0.36) {
    const v = roundSig(n, 2);
    return { text: `近${v}`, value: v, approx: 'under' };
  }
  if (roll < 0.4) {
    const v = roundSig(n, 2);
    return { text: `超${v}`, value: v, approx: 'over' };
  }
  if (roll < 0.43) {
    const v = roundSig(n, 2);
    return { text: `约${v}`, value: v, approx: 'about' };
  }
  return exact(n);
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals: 七, 十二, 二十. */
export function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

/** Ordinal markers of the 一是 / 二是 kind. */
export function cnOrdinal(n: number): string {
  return cnNumber(n);
}
