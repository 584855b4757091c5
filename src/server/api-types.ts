/**
 * Response types of the HTTP API, shared by the server and the web front end (web/src/types.ts
 * re-exports them; the browser build imports them type-only). Keep this module free of imports,
 * so the front end's type check reads nothing else of the server.
 *
 * Where a response carries a value the analysis makes (the JSON reading, its findings and score,
 * copy-detection kinds), the type here is the part of it the API promises, and the server builds
 * the response from its own types: `ReportDetail<ContractReport>` (src/server/data.ts) only
 * compiles while ContractReport, checks' Finding and Score still fit `Reading` below.
 */

export interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// GET /api/meta

export interface RuleLabel {
  id: string;
  name: string;
  category: string;
  severity: string;
}

export interface IndicatorLabel {
  key: string;
  name: string;
  units: string[];
  area: string;
  /** For a rate: the keys of its numerator and candidate denominators (relations.tsv). */
  rate: { numerator: string | null; denominators: string[] } | null;
}

export interface AreaLabel {
  id: string;
  name: string;
  title: string;
  scope: 'in' | 'adjacent' | 'off';
}

export interface Labels {
  levels: Record<string, string>;
  unitKinds: Record<string, string>;
  parts: Record<string, string>;
  severities: Record<string, string>;
  formats: Record<string, string>;
  areas: AreaLabel[];
  rules: RuleLabel[];
  indicators: IndicatorLabel[];
}

export interface Meta {
  version: string;
  backend: 'pglite' | 'postgres';
  /** Local demo mode: writes need no token. */
  demo: boolean;
  writable: boolean;
  authRequired: boolean;
  writesEnabled: boolean;
  limits: { maxUploadBytes: number; maxUploadFiles: number; types: string[] };
  labels: Labels;
  /** Labels of the roster statuses. */
  statuses: Record<RosterStatus, string>;
}

// ---------------------------------------------------------------------------------------------
// GET /api/reports

export type FacetName = 'province' | 'year' | 'level' | 'unitKind' | 'area' | 'rule' | 'scoreBand' | 'format';

export type ListSort = 'rank' | 'year' | 'score' | 'published' | 'findings' | 'title' | 'id';

export interface ReportRow {
  id: string;
  title: string | null;
  issuer: string | null;
  unitKind: string | null;
  jurisdiction: { name: string; code: string | null; level: string | null } | null;
  provinceCode: string | null;
  province: string | null;
  year: number | null;
  published: string | null;
  signed: string | null;
  score: number | null;
  format: string;
  source: string;
  findings: number;
  errors: number;
  warnings: number;
  /** A window of text around the first match (plain text; `terms` says what to highlight). */
  snippet: string | null;
}

export interface FacetValue {
  /** The filter value; null for reports without one (not selectable). */
  value: string | null;
  label: string;
  count: number;
  selected: boolean;
}

export interface Facet {
  name: FacetName;
  label: string;
  values: FacetValue[];
}

export interface ListResult {
  total: number;
  rows: ReportRow[];
  terms: string[];
  excluded: string[];
  limit: number;
  offset: number;
  sort: ListSort;
  order: 'asc' | 'desc';
}

/** The list with its facets (none with `facets=false`). */
export interface ListResponse extends ListResult {
  facets: Facet[];
}

// ---------------------------------------------------------------------------------------------
// GET /api/overview

export interface Count {
  value: string | null;
  label: string;
  count: number;
}

export interface PublicationPoint {
  id: string;
  title: string | null;
  year: number;
  published: string;
  deadline: string;
  /** Days after the deadline (negative: before it). */
  days: number;
}

export interface Overview {
  total: number;
  store: { reports: number; files: number; failedFiles: number };
  byLevel: Count[];
  byProvince: Count[];
  byYear: Count[];
  byUnitKind: Count[];
  publication: {
    deadline: string;
    onTime: number;
    late: number;
    unknown: number;
    points: PublicationPoint[];
  };
  scores: {
    bins: { from: number; to: number; count: number }[];
    mean: number | null;
    median: number | null;
    none: number;
  };
  topFindings: { ruleId: string; name: string; severity: string; reports: number; findings: number }[];
}

// ---------------------------------------------------------------------------------------------
// GET /api/reports/:id — the JSON reading (src/output/contract.ts), as far as the API promises it

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  message: string;
  span: Span;
  related?: { reportId?: string; span: Span; note: string }[];
  expected?: string;
  actual?: string;
}

export interface Indicator {
  key: string;
  value: number;
  unit: string;
  approx: 'over' | 'under' | 'about' | null;
  quote: string;
  area: string;
  span: Span;
  quoteSpan: Span;
}

/** Points one finding cost (src/checks/score.ts). */
export interface Deduction {
  ruleId: string;
  /** Index of the finding in `Reading.findings`. */
  finding: number;
  severity: Severity;
  message: string;
  /** Points of this dimension lost. */
  points: number;
  /** Points of the total lost. */
  totalPoints: number;
}

export interface DimensionScore {
  id: string;
  name: string;
  nameEn: string;
  weight: number;
  applicable: boolean;
  /** Points kept, 0…weight (0 when not applicable). */
  points: number;
  lost: number;
  deductions: Deduction[];
  /** Why the dimension does not apply. */
  note?: string;
}

export interface Score {
  /** 0–100, one decimal. */
  total: number;
  max: number;
  rubricVersion: number;
  dimensions: DimensionScore[];
}

export interface Reading {
  source: string;
  format: string;
  meta: {
    title: string | null;
    issuer: string | null;
    unitKind: string;
    jurisdiction: { name: string; code: string; level: string } | null;
    year: number | null;
    published: string | null;
    signed: string | null;
  };
  parts: { part: string | string[]; heading: string; span: Span; headingSpan: Span }[];
  indicators: Indicator[];
  embeddedParts: { part: string; within: number; cue: string; span: Span; quote: string }[];
  dateIssues: { raw: string; span: Span; repaired: string | null; note: string }[];
  spans: { body: Span };
  warnings: string[];
  findings?: Finding[];
  score?: Score;
  /** 纲要 area label of each body paragraph. */
  areaLabels?: { span: Span; area: string | null; areas: string[] }[];
}

export interface FileRow {
  id: string;
  path: string;
  name: string;
  size: number | null;
}

export interface CoverageRow {
  area: string;
  name: string;
  scope: string;
  paragraphs: number;
  chars: number;
  figures: number;
}

/** One report; the server fills `reading` with the whole ContractReport (`R`). */
export interface ReportDetail<R extends Reading = Reading> {
  id: string;
  hash: string;
  format: string;
  sourcePath: string;
  ingestedAt: string;
  title: string | null;
  year: number | null;
  score: number | null;
  published: string | null;
  deadline: string | null;
  daysLate: number | null;
  files: FileRow[];
  text: string;
  reading: R;
  coverage: CoverageRow[];
}

// ---------------------------------------------------------------------------------------------
// GET /api/reports/:id/reuse

export type ReuseSource = 'live' | 'stored';

/** Copied from another unit, or carried over from the unit's own report of another year. */
export type ReuseKind = 'cross-unit' | 'same-unit-other-year';

export interface ReusePassage {
  kind: ReuseKind;
  span: Span;
  text: string;
  similarity: number;
  matchedChars: number;
  other: {
    reportId: string;
    title: string | null;
    issuer: string | null;
    jurisdiction: string | null;
    year: number | null;
    span: Span;
    text: string;
  };
  /** Exactly matching pieces, as offsets relative to `span.start` (a) and `other.span.start` (b). */
  aligned: { aStart: number; aEnd: number; bStart: number; bEnd: number }[];
}

export interface ReuseResult {
  reportId: string;
  /** Where the passages come from: the live index, or what `fazhi reuse` stored. */
  source: ReuseSource;
  /** Reports in the index the report was compared with. */
  compared: number;
  /** True when the corpus was larger than the live index may hold. */
  partial: boolean;
  /** Characters of the report's text inside some reused passage. */
  reusedChars: number;
  textChars: number;
  passages: ReusePassage[];
  /** Per other report: passages and matched characters. */
  sources: {
    reportId: string;
    title: string | null;
    kind: ReuseKind;
    passages: number;
    matchedChars: number;
  }[];
  ms: number;
  note: string;
}

// ---------------------------------------------------------------------------------------------
// GET /api/compare, GET /api/indicators
export interface CompareValue {
  key: string;
  value: number;
  unit: string;
  approx: string | null;
}

export interface CompareCell {
  unitKey: string;
  year: number | null;
  key: string;
  reportId: string;
  value: number;
  unit: string;
  approx: string | null;
  /** How many figures of this key the report states (the first is shown). */
  count: number;
  quote: string;
  /** For a rate: its numerator and denominator as the same report states them. */
  numerator?: CompareValue | null;
  denominator?: CompareValue | null;
  /** 100 · numerator / denominator, when both are stated. */
  computedRate?: number | null;
}

export interface CompareUnit {
  key: string;
  name: string;
  jurisdiction: string | null;
  code: string | null;
  level: string | null;
}

export interface CompareResult {
  keys: string[];
  years: number[];
  units: CompareUnit[];
  cells: CompareCell[];
  truncated: boolean;
}

/** An indicator of the catalogue with how many (filtered) reports state it. */
export interface IndicatorCount extends IndicatorLabel {
  reports: number;
}

// ---------------------------------------------------------------------------------------------
// POST /api/upload, GET /api/files/failed

export type UploadStatus = 'added' | 'linked' | 'unchanged' | 'failed';

export interface UploadResult {
  /** The file name as received. */
  name: string;
  size: number;
  status: UploadStatus;
  reportId: string | null;
  code?: string;
  message?: string;
}

export interface UploadResponse {
  results: UploadResult[];
  added: number;
  linked: number;
  unchanged: number;
  failed: number;
}

export interface FailedFile {
  name: string;
  version: number;
  code: string | null;
  /** Why, in Chinese (with the reader's own words in brackets). */
  message: string | null;
  attempts: number;
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// GET /api/roster

export type RosterStatus = 'missing' | 'late' | 'errors' | 'submitted';

/** A unit of the roster, as imported. */
export interface RosterUnit {
  ord: number;
  name: string;
  code: string | null;
  unitKind: string | null;
  /** 'MM-DD' (of the year after the report year) or an ISO date; null for the default. */
  deadline: string | null;
  contact: string | null;
  note: string | null;
}

export interface RosterEntry extends RosterUnit {
  status: RosterStatus;
  /** Every status that applies (a report can be late and have errors). */
  flags: RosterStatus[];
  deadlineDate: string;
  report: {
    id: string;
    title: string | null;
    published: string | null;
    daysLate: number | null;
    errors: number;
    score: number | null;
  } | null;
  /** How the report was matched: by jurisdiction code or by name. */
  matchedBy: 'code' | 'name' | null;
  /** Other reports of the year that match the unit too. */
  others: string[];
}

export interface RosterBoard {
  year: number | null;
  years: number[];
  entries: RosterEntry[];
  counts: Record<RosterStatus, number>;
  importedAt: string | null;
}
