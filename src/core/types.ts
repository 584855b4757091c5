/**
 * The shapes that flow through fazhi: a reader produces a {@link RawDocument}, normalization turns
 * it into the text every span points into, and analysis adds metadata, structure and (later)
 * figures and findings. All offsets are UTF-16 code-unit offsets into `Report.text`.
 */

/** A half-open range `[start, end)` of UTF-16 offsets into the normalized report text. */
export interface Span {
  start: number;
  end: number;
}

export type SourceFormat = 'txt' | 'html' | 'docx' | 'pdf';

/**
 * Metadata that the container itself carries (HTML `<meta>`, the 政务公开 table of a web page,
 * DOCX core properties, the PDF info dictionary). Values are raw strings as found; analysis
 * decides how much to trust them against the text.
 */
export interface SourceHints {
  title?: string;
  /** 发布时间 / 发布日期 / PubDate as found, e.g. "2023-03-17 17:01". */
  published?: string;
  /** 成文日期 as found. */
  signed?: string;
  /** 发布机构 / 发文机关 / ContentSource / 来源. */
  publisher?: string;
  /** 索引号. */
  indexNumber?: string;
  /** 文号 / 发文字号. */
  documentNumber?: string;
  /** Site name or other container labels (SiteName, ColumnName …). */
  site?: string;
  column?: string;
}

/** What a reader returns: the document's text in reading order, before normalization. */
export interface RawDocument {
  format: SourceFormat;
  /** Text in reading order; one paragraph per line. Offsets of the normalized text map back here. */
  text: string;
  /** Character encoding the bytes were decoded with (txt/html). */
  encoding?: string;
  hints: SourceHints;
  /** Non-fatal problems met while reading (e.g. mixed encodings, replacement characters). */
  warnings: string[];
}

export type PartKind = 'measures' | 'shortcomings' | 'leadership' | 'plans' | 'other';

export type NumberingStyle =
  | 'cn-dun' // 一、
  | 'cn-paren' // （一） or (一)
  | 'arabic-dot' // 1. or 1．
  | 'arabic-dun' // 1、
  | 'arabic-paren' // （1） or (1)
  | 'circled' // ①
  | 'cn-shi' // 一是 / 二是 …
  | 'cn-di'; // 第一, / 第二，

export interface Heading {
  style: NumberingStyle;
  /** 1-based position in its list (一 → 1, (三) → 3). */
  ordinal: number;
  /** Depth in the tree, 1 for the top level. */
  level: number;
  /** The marker as written, e.g. "一、", "(三)", "1.", "三是". */
  marker: string;
  /** Heading text without the marker; for a run-in heading, only the heading sentence. */
  title: string;
  /** Span of marker + title. */
  span: Span;
  /** True when the paragraph goes on after the heading sentence on the same line (run-in). */
  runIn: boolean;
  /** Span of everything this heading governs: from its start to the next heading of the same or higher level. */
  sectionSpan: Span;
  children: Heading[];
}

/** A top-level part of the report, mapped to the mandated parts. */
export interface Part {
  kinds: PartKind[];
  /** The full heading line (marker + title), as printed in the gold format. */
  heading: string;
  headingSpan: Span;
  span: Span;
}

/** A mandated part that has no top-level heading of its own but is found inside another part. */
export interface EmbeddedPart {
  kind: PartKind;
  /** Where it is: a sub-heading, or the paragraph/sentence carrying the cue. */
  span: Span;
  /** Index into `Report.parts` of the part that contains it, or -1 outside any part. */
  within: number;
  /** The cue that identified it, e.g. "第一责任人". */
  cue: string;
}

export type UnitKind = 'government' | 'department' | 'party' | 'other';
export type JurisdictionLevel = 'province' | 'prefecture' | 'county' | 'township';

export interface Jurisdiction {
  /** Full name from the province down, without 市辖区 / 县 / 省直辖县级行政区划. */
  name: string;
  /** GB/T 2260 code: 6 digits, 9 for a township. */
  code: string;
  level: JurisdictionLevel;
}

/** The metadata of the gold contract (`../shared/docs/gold-format.md`). */
export interface ReportMeta {
  title: string | null;
  issuer: string | null;
  unitKind: UnitKind;
  jurisdiction: Jurisdiction | null;
  year: number | null;
  /** ISO date the page was published. */
  published: string | null;
  /** ISO date under the signature (落款), else 成文日期. */
  signed: string | null;
}

/** Where each metadata value was read, for provenance. */
export type MetaSpans = Partial<
  Record<'title' | 'issuer' | 'jurisdiction' | 'year' | 'published' | 'signed', Span>
>;

/** A date the text garbles, kept raw when it cannot be repaired unambiguously. */
export interface DateIssue {
  raw: string;
  span: Span;
  /** ISO date when the repair is unambiguous. */
  repaired: string | null;
  note: string;
}

/** One paragraph (line) of the normalized text. */
export interface Paragraph {
  span: Span;
  /** Whether the line belongs to page chrome or the metadata header rather than the report body. */
  role: 'header' | 'title' | 'body' | 'signature' | 'trailer';
}
