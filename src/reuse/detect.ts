/**
 * Copy detection across reports: which passages of a report are near-duplicates of passages of
 * other reports in an index, and which of those are "text reused from the same unit's report of
 * another year" rather than copying between units (domain.md §4.5 Q11, template hygiene).
 *
 * 1. Units. Body paragraphs of at least 30 characters are units; a long paragraph is cut at
 *    sentence ends into groups of about 200 characters, so a passage copied into (or out of) a
 *    long paragraph still makes a near-duplicate unit. Each unit has a MinHash signature over its
 *    folded shingles with boilerplate masked (minhash.ts) and winnowed k-gram fingerprints
 *    (fingerprint.ts).
 * 2. Candidates. For each unit of the report: the units that share an LSH band and whose
 *    signatures agree on at least `minEstimate` of their slots, plus the units that share at least
 *    two fingerprints that are not common — the second way finds a copied sentence that sits
 *    among other text, whose unit as a whole is not similar enough for LSH.
 * 3. Discount of common text (document frequency). A unit whose near-duplicates span too many
 *    issuing units or jurisdictions is boilerplate the list does not know: it is not reported. The
 *    same test per fingerprint masks common stock passages before alignment, so they neither make
 *    nor extend a match, even when they recur with small variations around them.
 * 4. Alignment. Runs of consecutive candidate units (plus one neighbour either side) of the two
 *    reports are aligned (align.ts); aligned spans with enough matched characters and similarity
 *    become {@link ReuseMatch}es with exact spans in both reports' normalized text.
 *
 * Pure and synchronous: the index lives in memory. A store that persists the units (signature,
 * band keys, fingerprints, text and span) can rebuild it whole, or load only the queried report
 * and its candidates (units sharing a band key or a fingerprint) and pass corpus-wide counts as
 * {@link ReuseOptions.stats}, so that the discount of common text stays right.
 */
import type { CorpusReuse } from '../checks/types.js';
import type { Report } from '../core/analyze.js';
import type { Span } from '../core/types.js';
import { type AlignedSpan, alignFolded, DEFAULT_MAX_GAP, DEFAULT_MIN_TILE, type TileSpan } from './align.js';
import type { Boilerplate } from './boilerplate.js';
import { DEFAULT_GRAM, DEFAULT_WINDOW, winnow } from './fingerprint.js';
import { type FoldedText, fold } from './fold.js';
import {
  DEFAULT_BANDS,
  DEFAULT_HASHES,
  DEFAULT_ROWS,
  DEFAULT_SHINGLE,
  distinctCount,
  isEmptySignature,
  jaccardEstimate,
  LshIndex,
  minhash,
  SIGNATURE_SCHEME,
  shingleHashes,
} from './minhash.js';

// ---------------------------------------------------------------------------------------------
// Units

/** How a report is cut into units and signed. An index and the units it holds must agree. */
export interface UnitOptions {
  /** Stock phrases to mask (compile `data/boilerplate.tsv`; `loadBoilerplate()` in load.ts). */
  boilerplate: Boilerplate;
  /** Shortest body paragraph that becomes a unit, in characters (default 30). */
  minParagraphChars?: number;
  /** Paragraphs longer than this are cut into sentence groups (default 300). */
  maxUnitChars?: number;
  /** Length a sentence group grows to before it is closed (default 200). */
  groupChars?: number;
  /** Units with fewer unmasked shingles are dropped: nothing left to compare (default 8). */
  minShingles?: number;
  /** Fingerprint k-gram length and winnowing window, in folded characters (defaults 12, 8). */
  gram?: number;
  window?: number;
  /** Signature slots (default 64). */
  hashes?: number;
  /** Shingle length (default 3). */
  shingle?: number;
}

/** A passage of a report that is compared as a whole: a paragraph or a group of its sentences. */
export interface ReuseUnit {
  reportId: string;
  /** Ordinal of the unit within its report. */
  index: number;
  /** Index into `Report.paragraphs` of the paragraph the unit belongs to. */
  paragraph: number;
  /** Span in `Report.text`. */
  span: Span;
  /** `Report.text.slice(span.start, span.end)`. */
  text: string;
  /** MinHash signature (boilerplate masked). */
  signature: Uint32Array;
  /** Its winnowed fingerprints (distinct FNV-1a keys of folded 12-grams outside boilerplate). */
  fingerprints: number[];
}

const DEFAULT_UNIT = {
  minParagraphChars: 30,
  maxUnitChars: 300,
  groupChars: 200,
  minShingles: 8,
  gram: DEFAULT_GRAM,
  window: DEFAULT_WINDOW,
  hashes: DEFAULT_HASHES,
  shingle: DEFAULT_SHINGLE,
};

/** Sentence ends in normalized text (full-width ；！？ become half-width there; both are accepted). */
const SENTENCE_END = new Set([...'。；！？;!?'].map((c) => c.charCodeAt(0)));
/** Clause ends, where an overlong sentence is cut. */
const CLAUSE_END = new Set([...'，,、:：'].map((c) => c.charCodeAt(0)));
/** Sentences longer than this are cut at clause ends, and hard at this length when they have none. */
const LONG_SENTENCE = 200;

/** The sentences of `text[start, end)`: each ends after its terminator; an overlong sentence is cut into clauses. */
export function sentenceSpans(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = [];
  const push = (s: number, e: number): void => {
    if (e - s <= LONG_SENTENCE) {
      if (e > s) out.push({ start: s, end: e });
      return;
    }
    let from = s;
    let lastClause = -1;
    for (let i = s; i < e; i++) {
      if (CLAUSE_END.has(text.charCodeAt(i))) lastClause = i + 1;
      if (i + 1 - from >= LONG_SENTENCE) {
        const cut = lastClause > from ? lastClause : i + 1;
        out.push({ start: from, end: cut });
        from = cut;
        lastClause = -1;
      }
    }
    if (from < e) out.push({ start: from, end: e });
  };
  let from = start;
  for (let i = start; i < end; i++) {
    if (SENTENCE_END.has(text.charCodeAt(i))) {
      push(from, i + 1);
      from = i + 1;
    }
  }
  push(from, end);
  return out;
}

/** Cut a paragraph into groups of whole sentences of about `groupChars`; a short tail joins the last group. */
function groupSpans(text: string, span: Span, maxUnitChars: number, groupChars: number): Span[] {
  if (span.end - span.start <= maxUnitChars) return [span];
  const groups: Span[] = [];
  let current: Span | null = null;
  for (const piece of sentenceSpans(text, span.start, span.end)) {
    if (current) current.end = piece.end;
    else current = { start: piece.start, end: piece.end };
    if (current.end - current.start >= groupChars) {
      groups.push(current);
      current = null;
    }
  }
  if (current) {
    const last = groups[groups.length - 1];
    if (last && current.end - current.start < groupChars / 2) last.end = current.end;
    else groups.push(current);
  }
  return groups;
}

/**
 * The units of a report: its body paragraphs of at least `minParagraphChars`, long ones cut into
 * sentence groups, each signed. Units with too little text outside boilerplate are left out.
 *
 * @example
 * const units = paragraphUnits('370800-2022', report, { boilerplate: loadBoilerplate() });
 * units[0]; // { reportId, index: 0, paragraph: 9, span, text, signature: Uint32Array(64), fingerprints }
 */
export function paragraphUnits(
  reportId: string,
  report: Pick<Report, 'text' | 'paragraphs'>,
  options: UnitOptions,
): ReuseUnit[] {
  const o = { ...DEFAULT_UNIT, ...definedOnly(options), boilerplate: options.boilerplate };
  const units: ReuseUnit[] = [];
  report.paragraphs.forEach((paragraph, p) => {
    if (paragraph.role !== 'body' || paragraph.span.end - paragraph.span.start < o.minParagraphChars) return;
    for (const span of groupSpans(report.text, paragraph.span, o.maxUnitChars, o.groupChars)) {
      const text = report.text.slice(span.start, span.end);
      const folded = fold(text);
      const mask = o.boilerplate.mask(folded);
      const hashes = shingleHashes(folded, o.shingle, mask);
      if (distinctCount(hashes) < o.minShingles) continue;
      units.push({
        reportId,
        index: units.length,
        paragraph: p,
        span: { start: span.start, end: span.end },
        text,
        signature: minhash(hashes, o.hashes),
        fingerprints: [...new Set(winnow(folded, mask, o.gram, o.window).map((f) => f.key))],
      });
    }
  });
  return units;
}

/**
 * A string naming everything that makes units and signatures what they are: the code version,
 * the boilerplate list and the unit settings. A store keeps it with the units it persists and
 * recomputes them (from the report text) when it changes.
 *
 * @example
 * unitScheme({ boilerplate }); // 'fazhi-minhash-1 bp=1a2b3c4d k=64 n=3 p=30 u=300 g=200 s=8 fp=12/8'
 */
export function unitScheme(options: UnitOptions): string {
  const o = { ...DEFAULT_UNIT, ...definedOnly(options), boilerplate: options.boilerplate };
  return [
    SIGNATURE_SCHEME,
    `bp=${o.boilerplate.version}`,
    `k=${o.hashes}`,
    `n=${o.shingle}`,
    `p=${o.minParagraphChars}`,
    `u=${o.maxUnitChars}`,
    `g=${o.groupChars}`,
    `s=${o.minShingles}`,
    `fp=${o.gram}/${o.window}`,
  ].join(' ');
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// ---------------------------------------------------------------------------------------------
// Index

/** Who wrote a report and for which year; decides "copied from another unit" vs "reused own text". */
export interface ReuseMeta {
  /** GB/T 2260 code of the jurisdiction. */
  jurisdictionCode?: string | null;
  year?: number | null;
  /** The issuing body (落款 / 发布机构). */
  issuer?: string | null;
  /** For messages and views only. */
  title?: string | null;
}

/**
 * The issuing unit a report counts as, for telling own reuse from copying and for document
 * frequency: jurisdiction code + issuer (white space removed), or the report itself when both are
 * unknown. A store that counts issuers in SQL must use the same key.
 */
export function issuerKey(reportId: string, meta: ReuseMeta): string {
  const code = meta.jurisdictionCode?.trim() || '';
  const issuer = meta.issuer?.replace(/\s+/gu, '') || '';
  return code || issuer ? `${code}|${issuer}` : `report:${reportId}`;
}

/** The jurisdiction a report counts as: its code, else its issuing unit. */
export function jurisdictionKey(reportId: string, meta: ReuseMeta): string {
  const code = meta.jurisdictionCode?.trim() || '';
  return code ? `code:${code}` : issuerKey(reportId, meta);
}

/**
 * Corpus-wide counts for an index that holds only part of the corpus (a store loads the queried
 * report and its candidates). Synchronous: prefetch them for the fingerprints of the queried
 * report's units. Counts include the queried report; keys as {@link issuerKey} and
 * {@link jurisdictionKey} make them.
 */
export interface ReuseStats {
  /** Distinct issuing units in the corpus (the denominator of `commonShare`). */
  issuerCount(): number;
  /** Distinct issuing units and jurisdictions whose reports contain the fingerprint. */
  fingerprintSpread(key: number): { issuers: number; jurisdictions: number };
}

/** The metadata of an analyzed report in the form the index takes. */
export function reuseMeta(report: Pick<Report, 'meta'>): ReuseMeta {
  return {
    jurisdictionCode: report.meta.jurisdiction?.code ?? null,
    year: report.meta.year,
    issuer: report.meta.issuer,
    title: report.meta.title,
  };
}

/**
 * `cross-unit`: the passage is also in a report of another issuing unit (copying, or a common
 * template). `same-unit-other-year`: it is in the same unit's report of another year (text reused
 * from last year's report) — a different finding.
 */
export type ReuseKind = 'cross-unit' | 'same-unit-other-year';

/** Thresholds of detection; every one has a default. */
export interface ReuseOptions extends UnitOptions {
  /** LSH banding (default 16 × 4 over 64 slots). */
  bands?: number;
  rows?: number;
  /** Share of equal signature slots for an LSH candidate to count (default 0.5). */
  minEstimate?: number;
  /** Least similarity of an aligned span to report (default 0.6). */
  minSimilarity?: number;
  /** Least matched folded characters of an aligned span to report (default 30). */
  minMatchedChars?: number;
  /** Alignment: shortest tile and largest gap inside a span, in folded characters (defaults 8, 16). */
  minTile?: number;
  maxGap?: number;
  /** Shared non-common fingerprints that make a unit pair a candidate without LSH (default 2). */
  minSharedFingerprints?: number;
  /** Neighbouring units aligned along with a candidate unit, each side (default 1). */
  context?: number;
  /**
   * Common text: a unit whose near-duplicates (a fingerprint whose occurrences) come from more
   * than this share of the issuing units in the index is boilerplate (default 0.1) …
   */
  commonShare?: number;
  /** … a rule applied only once the index holds reports of this many issuing units (default 20) … */
  commonMinIssuers?: number;
  /** … and so is one found in at least this many jurisdictions, however large the index (default 25). */
  commonJurisdictions?: number;
  /**
   * Corpus-wide counts, when the index holds only part of the corpus. Without them the index
   * counts over what it holds. The unit rule needs no stats: it counts the LSH candidates, which a
   * store loads anyway.
   */
  stats?: ReuseStats;
}

const DEFAULT_INDEX = {
  ...DEFAULT_UNIT,
  bands: DEFAULT_BANDS,
  rows: DEFAULT_ROWS,
  minEstimate: 0.5,
  minSimilarity: 0.6,
  minMatchedChars: 30,
  minSharedFingerprints: 2,
  minTile: DEFAULT_MIN_TILE,
  maxGap: DEFAULT_MAX_GAP,
  context: 1,
  commonShare: 0.1,
  commonMinIssuers: 20,
  commonJurisdictions: 25,
};

type ResolvedOptions = typeof DEFAULT_INDEX & { boilerplate: Boilerplate; stats?: ReuseStats };

/** One side of a match in another report. */
export interface ReuseOther {
  reportId: string;
  meta: ReuseMeta;
  /** Index of the other report's unit where the passage starts. */
  unit: number;
  /** The passage in the other report's normalized text. */
  span: Span;
}

/** A passage of a report that is a near-duplicate of a passage of another report. */
export interface ReuseMatch {
  kind: ReuseKind;
  reportId: string;
  /** Index of this report's unit where the passage starts. */
  unit: number;
  /** The passage in this report's normalized text: from the first to the last aligned tile. */
  span: Span;
  other: ReuseOther;
  /** Share of the passage that aligns (2·matched / both lengths, folded, boilerplate excluded). */
  similarity: number;
  /** Folded characters that align. */
  matchedChars: number;
  /** Best MinHash estimate among the unit pairs behind the match (0 when found by shared fingerprints only). */
  estimate: number;
  /** The exactly matching pieces: `aStart/aEnd` in this report, `bStart/bEnd` in the other. */
  aligned: TileSpan[];
}

interface Entry {
  id: string;
  meta: ReuseMeta;
  /** Interned issuing unit: jurisdiction + issuer, or the report itself when both are unknown. */
  issuer: number;
  jurisdiction: number;
  order: number;
  /** Ids of its units, in text order. */
  units: number[];
}

interface Stored {
  entry: Entry;
  unit: ReuseUnit;
  /** Position in `entry.units`. */
  position: number;
}

/** Why a unit pair is a candidate: its MinHash estimate (0 if not an LSH candidate) and shared fingerprints. */
interface Evidence {
  estimate: number;
  shared: number;
}

/** A unit folded and masked for alignment. */
interface Prepared {
  folded: FoldedText;
  /** Boilerplate mask. */
  mask: Uint8Array;
  /** For units of the queried report: boilerplate plus common passages (widened common fingerprints). */
  common?: Uint8Array;
  /** For units of the queried report: fingerprints whose k-gram is not wholly common. */
  telling?: number[];
}

function countOnes(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i] as number;
  return n;
}

/** Distinct-count with an early stop: only "more than the threshold?" matters. */
function countDistinct(values: Iterable<number>, stopAt: number): number {
  const seen = new Set<number>();
  for (const v of values) {
    seen.add(v);
    if (seen.size >= stopAt) break;
  }
  return seen.size;
}

/**
 * An in-memory index of the units of many reports, answering "what in this report is copied?".
 *
 * @example
 * const boilerplate = loadBoilerplate();
 * const index = new ReuseIndex({ boilerplate });
 * for (const { id, report } of reports) index.addReport(id, report);
 * for (const m of index.findReuse('370800-2022')) {
 *   console.log(m.kind, m.span, m.other.reportId, m.other.span, m.similarity);
 * }
 */
export class ReuseIndex {
  readonly options: Readonly<ResolvedOptions>;
  private readonly entries = new Map<string, Entry>();
  private readonly units: (Stored | undefined)[] = [];
  private readonly lsh: LshIndex<number>;
  private readonly fingerprintUnits = new Map<number, number | number[]>();
  private readonly issuerReports = new Map<number, number>();
  private readonly interned = new Map<string, number>();
  /** Whether a fingerprint is common; valid until the next add or remove. */
  private readonly commonFingerprints = new Map<number, boolean>();
  private order = 0;
  /** Per unit id, the stamp of the last candidate scan that saw it. */
  private stamps = new Uint32Array(1024);
  private stamp = 0;

  /** @param options the boilerplate, and any thresholds to change from their defaults. */
  constructor(options: ReuseOptions) {
    this.options = { ...DEFAULT_INDEX, ...definedOnly(options) } as ResolvedOptions;
    this.lsh = new LshIndex<number>({ bands: this.options.bands, rows: this.options.rows });
  }

  /** Number of reports. */
  get size(): number {
    return this.entries.size;
  }

  /** Number of units over all reports. */
  get unitCount(): number {
    return this.lsh.size;
  }

  /** Whether a report is in the index. */
  has(reportId: string): boolean {
    return this.entries.has(reportId);
  }

  /** Cut, sign and add an analyzed report (a report already present is replaced). */
  addReport(reportId: string, report: Pick<Report, 'text' | 'paragraphs' | 'meta'>): ReuseUnit[] {
    const units = paragraphUnits(reportId, report, this.options);
    this.add(reportId, reuseMeta(report), units);
    return units;
  }

  /**
   * Add a report's units (from {@link paragraphUnits}, or rebuilt from a store: the signature,
   * fingerprints, text and span are what the index reads). A report already present is replaced.
   */
  add(reportId: string, meta: ReuseMeta, units: readonly ReuseUnit[]): void {
    this.remove(reportId);
    const entry: Entry = {
      id: reportId,
      meta: { ...meta },
      issuer: this.intern(issuerKey(reportId, meta)),
      jurisdiction: this.intern(jurisdictionKey(reportId, meta)),
      order: this.order++,
      units: [],
    };
    this.entries.set(reportId, entry);
    this.issuerReports.set(entry.issuer, (this.issuerReports.get(entry.issuer) ?? 0) + 1);
    for (const unit of units) {
      if (isEmptySignature(unit.signature)) continue;
      const id = this.units.length;
      this.units.push({ entry, unit, position: entry.units.length });
      entry.units.push(id);
      this.lsh.add(id, unit.signature);
      for (const key of new Set(unit.fingerprints)) {
        const bucket = this.fingerprintUnits.get(key);
        if (bucket === undefined) this.fingerprintUnits.set(key, id);
        else if (Array.isArray(bucket)) bucket.push(id);
        else this.fingerprintUnits.set(key, [bucket, id]);
      }
    }
    this.commonFingerprints.clear();
  }

  /** Remove a report; false when it was not there. */
  remove(reportId: string): boolean {
    const entry = this.entries.get(reportId);
    if (!entry) return false;
    this.entries.delete(reportId);
    const left = (this.issuerReports.get(entry.issuer) ?? 1) - 1;
    if (left > 0) this.issuerReports.set(entry.issuer, left);
    else this.issuerReports.delete(entry.issuer);
    for (const id of entry.units) {
      const stored = this.units[id] as Stored;
      this.lsh.remove(id);
      for (const key of new Set(stored.unit.fingerprints)) {
        const bucket = this.fingerprintUnits.get(key);
        if (bucket === undefined) continue;
        const rest = Array.isArray(bucket) ? bucket.filter((x) => x !== id) : bucket === id ? [] : [bucket];
        if (rest.length === 0) this.fingerprintUnits.delete(key);
        else this.fingerprintUnits.set(key, rest.length === 1 ? (rest[0] as number) : rest);
      }
      this.units[id] = undefined;
    }
    this.commonFingerprints.clear();
    return true;
  }

  private nextStamp(): number {
    if (this.stamps.length < this.units.length) {
      const grown = new Uint32Array(Math.max(this.units.length, this.stamps.length * 2));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  private intern(key: string): number {
    let id = this.interned.get(key);
    if (id === undefined) {
      id = this.interned.size;
      this.interned.set(key, id);
    }
    return id;
  }

  /** Distinct issuing units above which text is common; Infinity while the share rule is off. */
  private issuerLimit(): number {
    const total = this.options.stats?.issuerCount() ?? this.issuerReports.size;
    if (total < this.options.commonMinIssuers) return Number.POSITIVE_INFINITY;
    return Math.floor(this.options.commonShare * total) + 1;
  }

  /** Whether text found in this many issuing units and jurisdictions is common (boilerplate). */
  private isCommon(issuers: number, jurisdictions: number): boolean {
    return jurisdictions >= this.options.commonJurisdictions || issuers >= this.issuerLimit();
  }

  private unitsWithFingerprint(key: number): number[] {
    const bucket = this.fingerprintUnits.get(key);
    return bucket === undefined ? [] : Array.isArray(bucket) ? bucket : [bucket];
  }

  private fingerprintIsCommon(key: number): boolean {
    let common = this.commonFingerprints.get(key);
    if (common === undefined && this.options.stats) {
      const spread = this.options.stats.fingerprintSpread(key);
      common = this.isCommon(spread.issuers, spread.jurisdictions);
      this.commonFingerprints.set(key, common);
    }
    if (common === undefined) {
      const ids = this.unitsWithFingerprint(key);
      const stored = (id: number): Stored => this.units[id] as Stored;
      common =
        countDistinct(
          ids.map((id) => stored(id).entry.jurisdiction),
          this.options.commonJurisdictions,
        ) >= this.options.commonJurisdictions ||
        countDistinct(
          ids.map((id) => stored(id).entry.issuer),
          this.issuerLimit(),
        ) >= this.issuerLimit();
      this.commonFingerprints.set(key, common);
    }
    return common;
  }

  private prepare(id: number, cache: Map<number, Prepared>): Prepared {
    let prepared = cache.get(id);
    if (!prepared) {
      const folded = fold((this.units[id] as Stored).unit.text);
      const mask = this.options.boilerplate.mask(folded);
      prepared = { folded, mask };
      cache.set(id, prepared);
    }
    return prepared;
  }

  /**
   * The mask of a unit of the queried report: boilerplate and common passages. Winnowing picks the
   * same k-grams in every copy of a passage only inside it: the first and last windows wholly in
   * the passage pick a k-gram at most window − 1 from its ends. So a common fingerprint masks its
   * k-gram widened by window − 1 each side, which covers the whole common passage (and at most
   * window − 1 characters beyond). Fingerprints wholly inside that mask (the k-grams across the
   * junction of two common passages) are no evidence of copying.
   */
  private commonOf(id: number, cache: Map<number, Prepared>): Required<Prepared> {
    const prepared = this.prepare(id, cache);
    if (!prepared.common || !prepared.telling) {
      const o = this.options;
      const length = prepared.folded.text.length;
      const common = prepared.mask.slice();
      const fingerprints = winnow(prepared.folded, prepared.mask, o.gram, o.window);
      const widen = o.window - 1;
      for (const f of fingerprints) {
        if (this.fingerprintIsCommon(f.key)) {
          common.fill(1, Math.max(0, f.at - widen), Math.min(length, f.at + o.gram + widen));
        }
      }
      prepared.common = common;
      prepared.telling = fingerprints
        .filter((f) => !this.fingerprintIsCommon(f.key) && common.subarray(f.at, f.at + o.gram).includes(0))
        .map((f) => f.key);
    }
    return prepared as Required<Prepared>;
  }

  /** How two reports relate; null for two copies of the same report (same unit, same year). */
  private kindOf(a: Entry, b: Entry): ReuseKind | null {
    if (a.issuer !== b.issuer) return 'cross-unit';
    const ya = a.meta.year ?? null;
    const yb = b.meta.year ?? null;
    return ya !== null && ya === yb ? null : 'same-unit-other-year';
  }

  /**
   * The passages of a report that are near-duplicates of passages of other reports in the index,
   * common text discounted. Sorted by position in the report, then by the other report's order of
   * addition and position.
   */
  findReuse(reportId: string): ReuseMatch[] {
    const entry = this.entries.get(reportId);
    if (!entry) throw new Error(`report not in the index: ${reportId}`);
    const o = this.options;
    // Candidate unit pairs, grouped by the other report: other → u → v → evidence.
    const byOther = new Map<Entry, Map<number, Map<number, Evidence>>>();
    const addPair = (u: number, v: number, estimate: number, shared: number): void => {
      const other = (this.units[v] as Stored).entry;
      let pairs = byOther.get(other);
      if (!pairs) {
        pairs = new Map();
        byOther.set(other, pairs);
      }
      let row = pairs.get(u);
      if (!row) {
        row = new Map();
        pairs.set(u, row);
      }
      const known = row.get(v);
      if (known) {
        known.estimate = Math.max(known.estimate, estimate);
        known.shared += shared;
      } else row.set(v, { estimate, shared });
    };
    const commonUnits = new Set<number>();
    const cache = new Map<number, Prepared>();
    for (const u of entry.units) {
      const { unit } = this.units[u] as Stored;
      const verified: [number, number][] = [];
      const issuers = new Set([entry.issuer]);
      const jurisdictions = new Set([entry.jurisdiction]);
      let common = false;
      // Buckets of a homogeneous corpus are large (16 × 4 banding lets J ≈ 0.2 through 2.5 % of
      // the time), so candidates are deduped with a stamp per unit id rather than a Set.
      const stamp = this.nextStamp();
      scan: for (const bucket of this.lsh.buckets(this.lsh.bandKeys(unit.signature))) {
        const ids = typeof bucket === 'number' ? [bucket] : bucket;
        for (let i = 0; i < ids.length; i++) {
          const v = ids[i] as number;
          if (this.stamps[v] === stamp) continue;
          this.stamps[v] = stamp;
          const other = this.units[v] as Stored;
          if (other.entry === entry) continue;
          const estimate = jaccardEstimate(unit.signature, other.unit.signature);
          if (estimate < o.minEstimate) continue;
          verified.push([v, estimate]);
          issuers.add(other.entry.issuer);
          jurisdictions.add(other.entry.jurisdiction);
          // Once the unit is known to be common its other near-duplicates do not matter.
          if (this.isCommon(issuers.size, jurisdictions.size)) {
            common = true;
            break scan;
          }
        }
      }
      if (common || this.isCommon(issuers.size, jurisdictions.size)) {
        commonUnits.add(u);
        continue;
      }
      // Too little text outside boilerplate and common passages to make a match on its own.
      const prepared = this.commonOf(u, cache);
      if (prepared.common.length - countOnes(prepared.common) < o.minMatchedChars) continue;
      for (const [v, estimate] of verified) addPair(u, v, estimate, 0);
      for (const key of new Set(prepared.telling)) {
        for (const v of this.unitsWithFingerprint(key)) {
          if ((this.units[v] as Stored).entry !== entry) addPair(u, v, 0, 1);
        }
      }
    }
    // A pair found by fingerprints alone needs several: one shared 12-gram is often a coincidence.
    for (const [other, pairs] of byOther) {
      for (const [u, row] of pairs) {
        for (const [v, evidence] of row) {
          if (evidence.estimate < o.minEstimate && evidence.shared < o.minSharedFingerprints) row.delete(v);
        }
        if (row.size === 0) pairs.delete(u);
      }
      if (pairs.size === 0) byOther.delete(other);
    }
    const matches: ReuseMatch[] = [];
    for (const [other, pairs] of byOther) {
      const kind = this.kindOf(entry, other);
      if (!kind) continue;
      const blocksA = this.blocks(entry, [...pairs.keys()]);
      const blocksB = this.blocks(
        other,
        [...pairs.values()].flatMap((row) => [...row.keys()]),
      );
      // Each pair of blocks holding a candidate pair is aligned once; the best estimate is kept.
      const blockPairs = new Map<string, { a: number[]; b: number[]; estimate: number }>();
      for (const [u, row] of pairs) {
        const a = blocksA.get(u) as number[];
        for (const [v, { estimate }] of row) {
          const b = blocksB.get(v) as number[];
          const key = `${a[0]}:${b[0]}`;
          const known = blockPairs.get(key);
          if (known) known.estimate = Math.max(known.estimate, estimate);
          else blockPairs.set(key, { a, b, estimate });
        }
      }
      for (const { a, b, estimate } of blockPairs.values()) {
        for (const span of this.alignBlocks(a, b, commonUnits, cache)) {
          if (span.matched < o.minMatchedChars || span.similarity < o.minSimilarity) continue;
          matches.push(this.toMatch(kind, entry, other, a, b, span, estimate));
        }
      }
    }
    const order = (m: ReuseMatch): number => (this.entries.get(m.other.reportId) as Entry).order;
    return matches.sort(
      (x, y) => x.span.start - y.span.start || order(x) - order(y) || x.other.span.start - y.other.span.start,
    );
  }

  /**
   * Runs of consecutive units of one report around the given units (each widened by `context`
   * neighbours of the same paragraph), as a map from unit id to the ids of its run.
   */
  private blocks(entry: Entry, ids: number[]): Map<number, number[]> {
    const context = this.options.context;
    const positions = new Set<number>();
    for (const id of ids) {
      const { position, unit } = this.units[id] as Stored;
      positions.add(position);
      for (let d = 1; d <= context; d++) {
        for (const p of [position - d, position + d]) {
          const neighbour = entry.units[p];
          if (
            neighbour !== undefined &&
            (this.units[neighbour] as Stored).unit.paragraph === unit.paragraph
          ) {
            positions.add(p);
          }
        }
      }
    }
    const sorted = [...positions].sort((x, y) => x - y);
    const runs: number[][] = [];
    for (const p of sorted) {
      const id = entry.units[p] as number;
      const run = runs[runs.length - 1];
      const last = run ? (this.units[run[run.length - 1] as number] as Stored) : null;
      const current = this.units[id] as Stored;
      // A run continues only over units that touch in the text, so its text is one slice.
      if (run && last && last.position === p - 1 && last.unit.span.end === current.unit.span.start)
        run.push(id);
      else runs.push([id]);
    }
    const byUnit = new Map<number, number[]>();
    for (const run of runs) for (const id of run) byUnit.set(id, run);
    return byUnit;
  }

  /** One folded text and mask for a run of units (their folds laid end to end). */
  private joined(ids: number[], cache: Map<number, Prepared>): { folded: FoldedText; mask: Uint8Array } {
    if (ids.length === 1) {
      const { folded, mask } = this.prepare(ids[0] as number, cache);
      return { folded, mask: mask.slice() };
    }
    const parts = ids.map((id) => this.prepare(id, cache));
    const length = parts.reduce((n, p) => n + p.folded.text.length, 0);
    const starts = new Uint32Array(length);
    const ends = new Uint32Array(length);
    const mask = new Uint8Array(length);
    const base = (this.units[ids[0] as number] as Stored).unit.span.start;
    let at = 0;
    ids.forEach((id, i) => {
      const part = parts[i] as Prepared;
      const shift = (this.units[id] as Stored).unit.span.start - base;
      for (let k = 0; k < part.folded.text.length; k++) {
        starts[at + k] = (part.folded.starts[k] as number) + shift;
        ends[at + k] = (part.folded.ends[k] as number) + shift;
      }
      mask.set(part.mask, at);
      at += part.folded.text.length;
    });
    return { folded: { text: parts.map((p) => p.folded.text).join(''), starts, ends }, mask };
  }

  /** Align two runs of units. Common fingerprints and common units of run `a` are masked. */
  private alignBlocks(
    a: number[],
    b: number[],
    commonUnits: Set<number>,
    cache: Map<number, Prepared>,
  ): AlignedSpan[] {
    const o = this.options;
    const startA = (this.units[a[0] as number] as Stored).unit.span.start;
    const startB = (this.units[b[0] as number] as Stored).unit.span.start;
    const A = this.joined(a, cache);
    const B = this.joined(b, cache);
    let at = 0;
    for (const id of a) {
      const prepared = this.commonOf(id, cache);
      const length = prepared.folded.text.length;
      if (commonUnits.has(id)) A.mask.fill(1, at, at + length);
      else A.mask.set(prepared.common, at);
      at += length;
    }
    const shift = (t: TileSpan): TileSpan => ({
      aStart: t.aStart + startA,
      aEnd: t.aEnd + startA,
      bStart: t.bStart + startB,
      bEnd: t.bEnd + startB,
    });
    return alignFolded(A.folded, B.folded, {
      maskA: A.mask,
      maskB: B.mask,
      minTile: o.minTile,
      maxGap: o.maxGap,
    }).map((span) => ({ ...span, ...shift(span), tiles: span.tiles.map(shift) }));
  }

  private toMatch(
    kind: ReuseKind,
    entry: Entry,
    other: Entry,
    a: number[],
    b: number[],
    span: AlignedSpan,
    estimate: number,
  ): ReuseMatch {
    const unitAt = (ids: number[], offset: number): number => {
      let index = (this.units[ids[0] as number] as Stored).unit.index;
      for (const id of ids) {
        const { unit } = this.units[id] as Stored;
        if (unit.span.start <= offset) index = unit.index;
      }
      return index;
    };
    return {
      kind,
      reportId: entry.id,
      unit: unitAt(a, span.aStart),
      span: { start: span.aStart, end: span.aEnd },
      other: {
        reportId: other.id,
        meta: { ...other.meta },
        unit: unitAt(b, span.bStart),
        span: { start: span.bStart, end: span.bEnd },
      },
      similarity: span.similarity,
      matchedChars: span.matched,
      estimate,
      aligned: span.tiles,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Findings

/** Rule ids of the two findings copy detection produces. */
export const REUSE_RULES = {
  'cross-unit': 'reuse/copied-paragraph',
  'same-unit-other-year': 'reuse/reused-from-other-year',
} as const satisfies Record<ReuseKind, string>;

/** A match as the corpus facts the reuse rules read (src/checks/rules/reuse). */
export function toCorpusReuse(match: ReuseMatch): CorpusReuse {
  return {
    kind: match.kind,
    span: match.span,
    other: {
      reportId: match.other.reportId,
      span: match.other.span,
      year: match.other.meta.year ?? null,
      title: match.other.meta.title ?? null,
    },
    similarity: match.similarity,
    matchedChars: match.matchedChars,
  };
}
