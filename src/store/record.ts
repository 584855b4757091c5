/**
 * What the store keeps of one analyzed report, as plain data: built where the analysis runs (a
 * worker thread), posted to the thread that writes, written by `writeBatch`. Pure; no database.
 */
import { readFileSync } from 'node:fs';
import type { CheckResult, Finding } from '../checks/index.js';
import { toContract } from '../output/contract.js';
import type { AnalyzedDocument } from '../pipeline.js';
import { SEG_VERSION, segmentForIndex } from '../search/segment.js';

export interface PartRow {
  kinds: string[];
  heading: string | null;
  embedded: boolean;
  cue: string | null;
  within: number | null;
  start: number;
  end: number;
  headingStart: number | null;
  headingEnd: number | null;
  cpStart: number;
  cpEnd: number;
}

export interface FigureRow {
  key: string;
  value: number;
  unit: string;
  approx: string | null;
  start: number;
  end: number;
  quoteStart: number;
  quoteEnd: number;
  quote: string;
  area: string | null;
}

export interface FindingRow {
  ruleId: string;
  severity: string;
  messageId: string | null;
  message: string;
  start: number;
  end: number;
  /** JSON text or null. */
  related: string | null;
  expected: string | null;
  actual: string | null;
  /** JSON text or null. */
  data: string | null;
}

export interface ReportRecord {
  /** sha256 of the file's bytes, hex. */
  hash: string;
  format: string;
  encoding: string | null;
  analyzerVersion: string;
  title: string | null;
  issuer: string | null;
  unitKind: string | null;
  jurisdictionName: string | null;
  jurisdictionCode: string | null;
  jurisdictionLevel: string | null;
  provinceCode: string | null;
  year: number | null;
  /** ISO dates (YYYY-MM-DD) or null. */
  published: string | null;
  signed: string | null;
  scoreTotal: number | null;
  /** The JSON reading (output/contract.ts) as JSON text. */
  reading: string;
  text: string;
  seg: string;
  segVersion: number;
  parts: PartRow[];
  figures: FigureRow[];
  findings: FindingRow[];
}

/** A finding as a row of `findings`. */
export function findingRow(f: Finding): FindingRow {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    messageId: f.messageId ?? null,
    message: pgSafe(f.message),
    start: f.span.start,
    end: f.span.end,
    related: jsonText(f.related),
    expected: f.expected === undefined ? null : pgSafe(String(f.expected)),
    actual: f.actual === undefined ? null : pgSafe(String(f.actual)),
    data: jsonText(f.data),
  };
}

/** What the store takes of `fazhi check`'s result (src/checks): findings, score, area labels. */
export type Checks = Pick<CheckResult, 'findings' | 'score' | 'labels'>;

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    return String(pkg.version);
  } catch {
    return 'unknown';
  }
}

/** Which analyzer produced a reading: stored with every report. */
export const ANALYZER_VERSION = `fazhi ${packageVersion()}`;

/** PostgreSQL text cannot hold U+0000; U+FFFD keeps every offset where it was. */
export function pgSafe(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', '\uFFFD') : s;
}

function jsonText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  // jsonb rejects \u0000 in strings as well.
  return JSON.stringify(value).replaceAll('\\u0000', '\\ufffd');
}

/**
 * Code-point offsets for UTF-16 offsets of `text` (PostgreSQL's substr counts code points).
 * Identity when the text has no surrogates, which is nearly always.
 */
export function codePointOffsets(text: string): (offset: number) => number {
  // Without the u flag: with it, a surrogate pair is one character and the class misses it.
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const prefix = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    prefix[i] = cp;
    const c = text.charCodeAt(i);
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      prefix[i + 1] = cp; // the low surrogate belongs to the same code point
      i++;
    }
    cp++;
  }
  prefix[text.length] = cp;
  return (offset) => prefix[Math.max(0, Math.min(text.length, offset))] as number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** An ISO date PostgreSQL accepts, or null (the raw value stays in the reading). */
export function isoDate(value: string | null | undefined): string | null {
  const m = value ? ISO_DATE.exec(value) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? (value as string) : null;
}

/**
 * The record of an analyzed document whose bytes hash to `hash`, first seen at `path`, with the
 * findings and score of its checks when given.
 */
export function buildRecord(
  analyzed: AnalyzedDocument,
  path: string,
  hash: string,
  checks: Checks | null = null,
): ReportRecord {
  const report = analyzed.report;
  const text = pgSafe(report.text);
  const cp = codePointOffsets(text);
  const meta = report.meta;
  const j = meta.jurisdiction;
  const parts: PartRow[] = report.parts.map((p) => ({
    kinds: [...p.kinds],
    heading: pgSafe(p.heading),
    embedded: false,
    cue: null,
    within: null,
    start: p.span.start,
    end: p.span.end,
    headingStart: p.headingSpan.start,
    headingEnd: p.headingSpan.end,
    cpStart: cp(p.span.start),
    cpEnd: cp(p.span.end),
  }));
  for (const e of report.embeddedParts) {
    parts.push({
      kinds: [e.kind],
      heading: null,
      embedded: true,
      cue: pgSafe(e.cue),
      within: e.within,
      start: e.span.start,
      end: e.span.end,
      headingStart: null,
      headingEnd: null,
      cpStart: cp(e.span.start),
      cpEnd: cp(e.span.end),
    });
  }
  const figures: FigureRow[] = report.figures.map((f) => ({
    key: f.key,
    value: f.value,
    unit: f.unit,
    approx: f.approx,
    start: f.span.start,
    end: f.span.end,
    quoteStart: f.quoteSpan.start,
    quoteEnd: f.quoteSpan.end,
    quote: text.slice(f.quoteSpan.start, f.quoteSpan.end),
    area: f.area || null,
  }));
  const findings: FindingRow[] = (checks?.findings ?? []).map(findingRow);
  const reading = toContract(path, analyzed, checks ?? undefined);
  return {
    hash,
    format: analyzed.document.format,
    encoding: analyzed.document.encoding ?? null,
    analyzerVersion: ANALYZER_VERSION,
    title: meta.title === null ? null : pgSafe(meta.title),
    issuer: meta.issuer === null ? null : pgSafe(meta.issuer),
    unitKind: meta.unitKind ?? null,
    jurisdictionName: j?.name ?? null,
    jurisdictionCode: j?.code ?? null,
    jurisdictionLevel: j?.level ?? null,
    provinceCode: j?.code && /^\d{2}/u.test(j.code) ? `${j.code.slice(0, 2)}0000` : null,
    year: meta.year,
    published: isoDate(meta.published),
    signed: isoDate(meta.signed),
    scoreTotal: checks && Number.isFinite(checks.score.total) ? checks.score.total : null,
    reading: jsonText(reading) as string,
    text,
    seg: segmentForIndex(text),
    segVersion: SEG_VERSION,
    parts,
    figures,
    findings,
  };
}
