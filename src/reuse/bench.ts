/**
 * Benchmark of copy detection on a synthetic corpus, for `src/bench/run.ts` to call. Synthetic
 * reports share many template sentences (as real ones share stock wording), so the common-text
 * discount and the candidate filters are exercised, not only the hashing.
 *
 * Analysis (`analyze`) is done first and not counted; the numbers are for signing (cutting body
 * paragraphs into units and signing them), indexing, and querying every report against all others.
 */
import { analyze, type Report } from '../core/analyze.js';
import { loadKnowledge } from '../knowledge/load.js';
import { generateCorpus } from '../synth/generate.js';
import { paragraphUnits, ReuseIndex, type ReuseOptions, type ReuseUnit, reuseMeta } from './detect.js';
import { loadBoilerplate } from './load.js';

/** What {@link benchReuse} measured; times in seconds of wall clock. */
export interface ReuseBenchResult {
  reports: number;
  /** Body paragraphs of the corpus (the input of signing). */
  paragraphs: number;
  /** Units made from them (paragraphs of ≥ 30 characters, long ones cut into sentence groups). */
  units: number;
  /** Fingerprints over all units. */
  fingerprints: number;
  /** Time to generate and analyze the corpus (not part of copy detection; 0 from benchReuseOn). */
  analyzeSeconds: number;
  signSeconds: number;
  paragraphsPerSecond: number;
  unitsPerSecond: number;
  indexSeconds: number;
  querySeconds: number;
  /** Indexing plus querying every report. */
  indexAndQuerySeconds: number;
  matches: { crossUnit: number; sameUnitOtherYear: number };
  /** Reports with at least one match. */
  reportsWithMatches: number;
  /** Heap growth while the index was built, in MB (indicative: the GC runs when it likes). */
  indexHeapMB: number;
}

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * Sign, index and query `count` synthetic reports (seed 7, the corpus of `npm run bench`).
 *
 * @example
 * const r = benchReuse(1000);
 * console.log(formatReuseBench(r).join('\n'));
 */
export function benchReuse(count = 1000, options: Partial<ReuseOptions> = {}): ReuseBenchResult {
  const knowledge = loadKnowledge();
  const start = process.hrtime.bigint();
  const reports: { id: string; report: Report }[] = [];
  for (const r of generateCorpus(count, 7, { defects: 'random', chrome: true })) {
    reports.push({ id: r.name, report: analyze(r.text, { knowledge }) });
  }
  return { ...benchReuseOn(reports, options), analyzeSeconds: seconds(start) };
}

/** Sign, index and query reports analyzed already (e.g. those `src/bench/run.ts` has read). */
export function benchReuseOn(
  reports: readonly { id: string; report: Pick<Report, 'text' | 'paragraphs' | 'meta'> }[],
  options: Partial<ReuseOptions> = {},
): ReuseBenchResult {
  const boilerplate = options.boilerplate ?? loadBoilerplate();
  const settings = { ...options, boilerplate };
  const paragraphs = reports.reduce(
    (n, r) => n + r.report.paragraphs.filter((p) => p.role === 'body').length,
    0,
  );

  // Warm the JIT up on a slice, then sign everything.
  for (const { id, report } of reports.slice(0, 20)) paragraphUnits(id, report, settings);
  let start = process.hrtime.bigint();
  const units: ReuseUnit[][] = reports.map(({ id, report }) => paragraphUnits(id, report, settings));
  const signSeconds = seconds(start);
  const unitCount = units.reduce((n, u) => n + u.length, 0);

  const heapBefore = process.memoryUsage().heapUsed;
  start = process.hrtime.bigint();
  const index = new ReuseIndex(settings);
  for (const [i, { id, report }] of reports.entries())
    index.add(id, reuseMeta(report), units[i] as ReuseUnit[]);
  const indexSeconds = seconds(start);
  const indexHeapMB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  start = process.hrtime.bigint();
  const matches = { crossUnit: 0, sameUnitOtherYear: 0 };
  let reportsWithMatches = 0;
  for (const { id } of reports) {
    const found = index.findReuse(id);
    if (found.length > 0) reportsWithMatches++;
    for (const m of found) {
      if (m.kind === 'cross-unit') matches.crossUnit++;
      else matches.sameUnitOtherYear++;
    }
  }
  const querySeconds = seconds(start);

  return {
    reports: reports.length,
    paragraphs,
    units: unitCount,
    fingerprints: units.reduce((n, us) => n + us.reduce((m, u) => m + u.fingerprints.length, 0), 0),
    analyzeSeconds: 0,
    signSeconds,
    paragraphsPerSecond: paragraphs / signSeconds,
    unitsPerSecond: unitCount / signSeconds,
    indexSeconds,
    querySeconds,
    indexAndQuerySeconds: indexSeconds + querySeconds,
    matches,
    reportsWithMatches,
    indexHeapMB,
  };
}

/** The result as lines for the benchmark report. */
export function formatReuseBench(r: ReuseBenchResult): string[] {
  const f = (x: number, digits = 1): string => x.toFixed(digits);
  return [
    `copy detection on ${r.reports} reports (${r.paragraphs} body paragraphs → ${r.units} units, ${r.fingerprints} fingerprints):`,
    `  signing: ${f(r.paragraphsPerSecond, 0)} paragraphs/s, ${f(r.unitsPerSecond, 0)} units/s (${f(r.signSeconds, 2)} s)`,
    `  index ${f(r.indexSeconds, 2)} s + query all ${f(r.querySeconds, 2)} s = ${f(r.indexAndQuerySeconds, 2)} s (${f((r.querySeconds / r.reports) * 1000, 2)} ms/report); index heap ≈ ${f(r.indexHeapMB, 0)} MB`,
    `  matches: ${r.matches.crossUnit} cross-unit, ${r.matches.sameUnitOtherYear} same unit other year, in ${r.reportsWithMatches} reports`,
  ];
}
