/**
 * Dates as these reports write them: 2023年1月31日, 2023-03-17, 2023/3/17, 2023.03.17, with
 * Chinese numerals (二〇二三年一月三十一日), and garbled forms whose 年/月 were lost on the way
 * from the page ("2024228" for 2024年2月28日, "820日" for 8月20日).
 */
import { parseChineseNumeral } from '../../figures/numerals.js';

export interface ParsedDate {
  /** ISO date, or null when the text is garbled and cannot be repaired unambiguously. */
  iso: string | null;
  /** Offsets of the date expression within the searched string. */
  start: number;
  end: number;
  raw: string;
  /** True when characters were missing and the date was reconstructed (or could not be). */
  garbled: boolean;
  /** Every valid reading of a garbled date; one element when unambiguous. */
  readings: string[];
}

/** 三十一 → 31, 二〇二三 → 2023; a Latin O stands in for 〇 in some typed dates. */
function cnToNumber(s: string): number | null {
  return /^\d+$/u.test(s) ? Number(s) : parseChineseNumeral(s.replace(/[Oo]/gu, '〇'));
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

export function toIso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ○ (U+25CB) and a Latin O stand in for 〇 in many typed documents ("二○二四年").
const CN = '[〇○零一二三四五六七八九十O]';
const FULL_DATE = new RegExp(
  [
    // 2023年1月31日 (spaces tolerated), also 二〇二三年一月三十一日
    `(?<y1>(?:19|20)\\d{2}|[二][〇○零O]${CN}{2})\\s*年\\s*(?<m1>\\d{1,2}|${CN}{1,2})\\s*月\\s*(?<d1>\\d{1,2}|${CN}{1,3})\\s*[日号]`,
    // 2023-03-17, 2023/3/17, 2023.03.17
    `(?<![\\d.])(?<y2>(?:19|20)\\d{2})(?<sep>[-/.])(?<m2>\\d{1,2})\\k<sep>(?<d2>\\d{1,2})(?![\\d.])`,
  ].join('|'),
  'gu',
);

/** Every well-formed full date (year, month and day) in `text`. */
export function findFullDates(text: string): ParsedDate[] {
  const found: ParsedDate[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    const g = m.groups ?? {};
    const y = cnToNumber(g.y1 ?? g.y2 ?? '');
    const mo = cnToNumber(g.m1 ?? g.m2 ?? '');
    const d = cnToNumber(g.d1 ?? g.d2 ?? '');
    if (y === null || mo === null || d === null || !isValidDate(y, mo, d)) continue;
    const iso = toIso(y, mo, d);
    found.push({
      iso,
      start: m.index,
      end: m.index + m[0].length,
      raw: m[0],
      garbled: false,
      readings: [iso],
    });
  }
  return found;
}

/** All ways to split `digits` into a month and a day that form a valid date in `year`. */
function monthDayReadings(year: number, digits: string): string[] {
  const readings: string[] = [];
  for (let cut = 1; cut < digits.length && cut <= 2; cut++) {
    const monthPart = digits.slice(0, cut);
    const dayPart = digits.slice(cut);
    if (dayPart.length > 2 || (dayPart.startsWith('0') && dayPart.length === 1)) continue;
    if (monthPart.startsWith('0') && monthPart.length === 1) continue;
    const month = Number(monthPart);
    const day = Number(dayPart);
    if (isValidDate(year, month, day)) readings.push(toIso(year, month, day));
  }
  return readings;
}

/**
 * A signature-style date line whose separators were lost: "2024228", "20240228", "2024年228日",
 * "2024年2月28", "2024-2-28" is handled by findFullDates. Returns null when `text` is not such a date.
 *
 * @example parseLooseDate('2024228') // { iso: '2024-02-28', garbled: true, … }
 */
export function parseLooseDate(text: string): ParsedDate | null {
  const full = findFullDates(text);
  if (full.length > 0) return full[0] ?? null;
  const m = /(?<![\d])((?:19|20)\d{2})\s*年?\s*(\d{2,4})\s*[日号]?(?![\d])/u.exec(text);
  if (!m) {
    // 2024年2月28 (day without 日)
    const n = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})(?!\d)/u.exec(text);
    if (!n) return null;
    const [y, mo, d] = [Number(n[1]), Number(n[2]), Number(n[3])];
    const iso = isValidDate(y, mo, d) ? toIso(y, mo, d) : null;
    return {
      iso,
      start: n.index,
      end: n.index + n[0].length,
      raw: n[0],
      garbled: true,
      readings: iso ? [iso] : [],
    };
  }
  const year = Number(m[1]);
  const digits = m[2] as string;
  const readings = monthDayReadings(year, digits);
  return {
    iso: readings.length === 1 ? (readings[0] as string) : null,
    start: m.index,
    end: m.index + m[0].length,
    raw: m[0],
    garbled: true,
    readings,
  };
}

/**
 * Month-day dates in running text whose 月 was lost: "820日" (8月20日), "1016日至20日", "2023年820日". Only
 * digit runs of 3–4 directly followed by 日 that are not a valid day on their own qualify.
 */
export function findGarbledMonthDays(text: string, year: number | null): ParsedDate[] {
  const found: ParsedDate[] = [];
  const re = /(?<![\d月.\-/])(\d{3,4})日/gu;
  for (const m of text.matchAll(re)) {
    const digits = m[1] as string;
    const readings = monthDayReadings(year ?? 2000, digits).map((iso) =>
      year === null ? iso.slice(5) : iso,
    );
    found.push({
      iso: readings.length === 1 && year !== null ? (readings[0] as string) : null,
      start: m.index,
      end: m.index + m[0].length,
      raw: m[0],
      garbled: true,
      readings,
    });
  }
  return found;
}
