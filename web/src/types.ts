/** Shapes of the API's answers (see /api/openapi.json; src/server/data.ts on the server). */

export interface Span {
  start: number;
  end: number;
}

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
  backend: string;
  demo: boolean;
  writable: boolean;
  authRequired: boolean;
  writesEnabled: boolean;
  limits: { maxUploadBytes: number; maxUploadFiles: number; types: string[] };
  labels: Labels;
  statuses: Record<string, string>;
}

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
  snippet: string | null;
}

export interface FacetValue {
  value: string | null;
  label: string;
  count: number;
  selected: boolean;
}

export interface Facet {
  name: string;
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
  sort: string;
  order: 'asc' | 'desc';
  facets: Facet[];
}

export interface Count {
  value: string | null;
  label: string;
  count: number;
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
    points: {
      id: string;
      title: string | null;
      year: number;
      published: string;
      deadline: string;
      days: number;
    }[];
  };
  scores: {
    bins: { from: number; to: number; count: number }[];
    mean: number | null;
    median: number | null;
    none: number;
  };
  topFindings: { ruleId: string; name: string; severity: string; reports: number; findings: number }[];
}

export interface Finding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
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

export interface Deduction {
  ruleId: string;
  finding: number;
  severity: string;
  message: string;
  points: number;
  totalPoints: number;
}

export interface DimensionScore {
  id: string;
  name: string;
  nameEn: string;
  weight: number;
  applicable: boolean;
  points: number;
  lost: number;
  deductions: Deduction[];
  note?: string;
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
  score?: { total: number; max: number; rubricVersion: number; dimensions: DimensionScore[] };
  areaLabels?: { span: Span; area: string | null; areas: string[] }[];
}

export interface CoverageRow {
  area: string;
  name: string;
  scope: string;
  paragraphs: number;
  chars: number;
  figures: number;
}

export interface ReportDetail {
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
  files: { id: string; path: string; name: string; size: number | null }[];
  text: string;
  reading: Reading;
  coverage: CoverageRow[];
}

export type { CompareCell, CompareResult, CompareUnit, CompareValue } from '../../src/server/api-types';

export interface IndicatorCount extends IndicatorLabel {
  reports: number;
}

export interface UploadResult {
  name: string;
  size: number;
  status: 'added' | 'linked' | 'unchanged' | 'failed';
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

export type RosterStatus = 'missing' | 'late' | 'errors' | 'submitted';

export interface RosterEntry {
  ord: number;
  name: string;
  code: string | null;
  unitKind: string | null;
  deadline: string | null;
  contact: string | null;
  note: string | null;
  status: RosterStatus;
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
  matchedBy: 'code' | 'name' | null;
  others: string[];
}

export interface RosterBoard {
  year: number | null;
  years: number[];
  importedAt: string | null;
  counts: Record<RosterStatus, number>;
  entries: RosterEntry[];
}

export interface ReusePassage {
  kind: 'cross-unit' | 'same-unit-other-year';
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
  aligned: { aStart: number; aEnd: number; bStart: number; bEnd: number }[];
}

export interface ReuseResult {
  reportId: string;
  source: 'live' | 'stored';
  compared: number;
  partial: boolean;
  reusedChars: number;
  textChars: number;
  passages: ReusePassage[];
  sources: {
    reportId: string;
    title: string | null;
    kind: ReusePassage['kind'];
    passages: number;
    matchedChars: number;
  }[];
  ms: number;
  note: string;
}

export interface FailedFile {
  name: string;
  version: number;
  code: string | null;
  message: string | null;
  attempts: number;
  updatedAt: string;
}
