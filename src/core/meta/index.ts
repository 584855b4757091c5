/**
 * Report metadata: title, issuer, unit kind, jurisdiction, year covered, publication and signing
 * dates, each with the span it was read from.
 */
import type { Knowledge } from '../knowledge.js';
import type { HeaderField, Layout } from '../layout.js';
import type { DateIssue, MetaSpans, ReportMeta, SourceHints, Span, UnitKind } from '../types.js';
import { findFullDates, parseLooseDate } from './dates.js';
import { resolveJurisdiction } from './jurisdiction.js';
import { parseTitle } from './title.js';

export interface MetaResult {
  meta: ReportMeta;
  spans: MetaSpans;
  dateIssues: DateIssue[];
}

const PLACE_SUFFIX = /(省|自治区|市|州|盟|地区|县|区|旗|镇|乡|街道|林区|特区)$/u;

/** The kind of unit an issuer's name denotes, from the suffix table. */
export function unitKindOf(issuer: string, knowledge: Knowledge): UnitKind | null {
  const name = issuer.replace(/\s+/gu, '');
  for (const { unitKind, re } of knowledge.orgSuffixes) {
    if (re.test(name)) return unitKind;
  }
  return null;
}

function field(fields: HeaderField[], name: string): HeaderField | undefined {
  return fields.find((f) => f.field === name && f.value.trim() !== '');
}

/** The government of a place: 牛家牌镇 → 牛家牌镇人民政府, 某某街道 → 某某街道办事处. */
function governmentOf(place: string): string {
  return place.endsWith('街道') ? `${place}办事处` : `${place}人民政府`;
}

function dateIn(text: string, offset: number): { iso: string; span: Span } | null {
  const d = findFullDates(text)[0] ?? parseLooseDate(text);
  if (!d?.iso) return null;
  return { iso: d.iso, span: { start: offset + d.start, end: offset + d.end } };
}

/** Read the metadata of a report from its layout and the container's hints. */
export function readMeta(text: string, layout: Layout, knowledge: Knowledge, hints: SourceHints): MetaResult {
  const spans: MetaSpans = {};
  const dateIssues: DateIssue[] = [];
  // A title on two lines is read as one; `titleAt` maps an index of the joined title back to the text.
  const rawTitle = layout.title ? text.slice(layout.title.start, layout.title.end) : null;
  const trimmed = rawTitle?.trim() ?? '';
  const titleStart = (layout.title?.start ?? 0) + (rawTitle ? rawTitle.indexOf(trimmed) : 0);
  const lineBreak = /\s*\n\s*/u.exec(trimmed);
  const title = rawTitle !== null ? trimmed.replace(/\s*\n\s*/u, '') : (hints.title ?? null);
  const titleAt = (i: number): number =>
    titleStart + i + (lineBreak && i >= lineBreak.index ? lineBreak[0].length : 0);
  if (layout.title) spans.title = layout.title;
  const parsed = title ? parseTitle(title) : null;

  // Publication date: the page header, else the container's hint.
  let published: string | null = null;
  const pubField = field(layout.fields, 'published');
  const pub = pubField ? dateIn(pubField.value, pubField.span.start) : null;
  if (pub) {
    published = pub.iso;
    spans.published = pub.span;
  } else if (hints.published) {
    published = dateIn(hints.published, 0)?.iso ?? null;
  }

  // Year: from the title, else from the opening of the body ("2022年,我区…"). When the two
  // disagree (a title with a typo), the one the publication date makes the previous year wins,
  // else the one the body speaks of more often.
  const bodyText = text.slice(layout.body.start, layout.body.end);
  const openingYear = /^[^。]{0,40}?((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/du.exec(bodyText);
  if (parsed?.year && openingYear && Number(openingYear[1]) !== parsed.year) {
    const count = (y: number): number => bodyText.split(`${y}年`).length - 1;
    const other = Number(openingYear[1]);
    const previous = published ? Number(published.slice(0, 4)) - 1 : null;
    if (previous === other || (previous !== parsed.year && count(other) > count(parsed.year))) {
      parsed.year = other;
      parsed.yearStart = -1;
    }
  }
  let year = parsed?.year ?? null;
  if (year !== null && layout.title && parsed && parsed.yearStart >= 0) {
    spans.year = { start: titleAt(parsed.yearStart), end: titleAt(parsed.yearEnd - 1) + 1 };
  } else if (openingYear) {
    year = Number(openingYear[1]);
    const [start, end] = openingYear.indices?.[1] ?? [0, 0];
    spans.year = { start: layout.body.start + start, end: layout.body.start + end };
  }

  // Signing date: under the signature, else 成文日期.
  let signed: string | null = null;
  const sigDate = layout.signature?.date;
  if (sigDate) {
    if (sigDate.iso) {
      signed = sigDate.iso;
      spans.signed = sigDate.span;
    }
    if (sigDate.garbled) {
      dateIssues.push({
        raw: sigDate.raw,
        span: sigDate.span,
        repaired: sigDate.iso,
        note: sigDate.iso
          ? `落款日期 "${sigDate.raw}" lost its separators; read as ${sigDate.iso}`
          : `落款日期 "${sigDate.raw}" lost its separators and reads as ${sigDate.readings.join(' or ') || 'no valid date'}`,
      });
    }
  }
  if (!signed) {
    const signedField = field(layout.fields, 'signed');
    const s = signedField ? dateIn(signedField.value, signedField.span.start) : null;
    if (s) {
      signed = s.iso;
      spans.signed = s.span;
    } else if (hints.signed) {
      signed = dateIn(hints.signed, 0)?.iso ?? null;
    }
  }

  // Issuer: the title's subject when it names a body; else the signature; else the government
  // of the place the title names, as the page's publisher spells it out.
  const subject = parsed?.subject ?? '';
  const subjectSpan =
    parsed && layout.title
      ? { start: titleAt(parsed.subjectStart), end: titleAt(parsed.subjectEnd - 1) + 1 }
      : null;
  const signatureIssuers = (layout.signature?.issuers ?? []).map((s) => text.slice(s.start, s.end).trim());
  const publisher =
    field(layout.fields, 'publisher')?.value ?? field(layout.fields, 'source')?.value ?? hints.publisher;
  let issuer: string | null = null;
  if (subject && unitKindOf(subject, knowledge)) {
    issuer = subject;
    if (subjectSpan) spans.issuer = subjectSpan;
  } else if (signatureIssuers.length > 0) {
    issuer = signatureIssuers.join(' ');
    const sig = layout.signature?.issuers ?? [];
    spans.issuer = { start: (sig[0] as Span).start, end: (sig[sig.length - 1] as Span).end };
  } else if (subject && PLACE_SUFFIX.test(subject)) {
    if (publisher?.includes(subject) && unitKindOf(publisher, knowledge) === 'government') {
      issuer = publisher.trim();
    } else {
      issuer = governmentOf(subject);
      if (subjectSpan) spans.issuer = subjectSpan;
    }
  }

  // Jurisdiction: the places named by the issuer, the title, the signature, the publisher and the
  // opening of the body, in that order of trust.
  const opening = text.slice(layout.body.start, Math.min(layout.body.end, layout.body.start + 300));
  const jurisdiction = resolveJurisdiction(
    [issuer ?? '', subject, ...signatureIssuers, publisher ?? '', opening],
    knowledge,
  );

  const unitKind: UnitKind = (issuer ? unitKindOf(issuer, knowledge) : null) ?? 'government';
  return {
    meta: { title, issuer, unitKind, jurisdiction, year, published, signed },
    spans,
    dateIssues,
  };
}
