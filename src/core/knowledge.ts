/**
 * Domain knowledge that lives in data files (`data/*.tsv`) so a domain expert can read and extend
 * it. This module only parses and compiles their text; reading the files is the job of
 * `src/knowledge/load.ts`, which keeps the analysis core free of I/O.
 */
import type { DivisionIndex } from '../divisions/index.js';
import { type Catalogue, type CatalogueSources, compileCatalogue } from '../figures/catalogue.js';
import { compileRelations, type Relations } from '../figures/relations.js';
import type { PartKind, UnitKind } from './types.js';

export interface PartCue {
  kind: PartKind;
  where: 'heading' | 'content';
  /** Source of the regular expression; `{next}` stands for the year after the report year. */
  pattern: string;
}

export interface ChromePattern {
  where: 'any' | 'prefix';
  re: RegExp;
}

export interface MetaLabel {
  field: string;
  /** Matches the label at the start of a string, tolerating spaces between its characters. */
  re: RegExp;
}

export interface OrgSuffix {
  unitKind: UnitKind;
  re: RegExp;
}

/** A kind of document that is not an annual report, known by how its title ends. */
export interface OtherDocument {
  what: string;
  re: RegExp;
}

/** Everything the analysis needs besides the text. */
export interface Knowledge {
  partCues: PartCue[];
  pageChrome: ChromePattern[];
  /** Titles of other documents (政府信息公开年度报告, 工作要点 …): not a report. */
  otherDocuments: OtherDocument[];
  metaLabels: MetaLabel[];
  orgSuffixes: OrgSuffix[];
  divisions: DivisionIndex;
  catalogue: Catalogue;
  /** Arithmetic relations between indicators (sums, orders, rates), for consistency checks. */
  relations: Relations;
  /** Traditional → simplified characters. */
  t2s: Map<number, number>;
}

/** The raw texts of the data files, as read by an adapter. */
export interface KnowledgeSources {
  partCues: string;
  pageChrome: string;
  otherDocuments: string;
  metaLabels: string;
  orgSuffixes: string;
  divisions: DivisionIndex;
  catalogue: CatalogueSources;
  relations: string;
  t2s: string;
}

/** Rows of a TSV file, skipping blank lines and `#` comments. */
export function parseTsvRows(text: string, file: string, columns: number): string[][] {
  const rows: string[][] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (cells.length < columns) {
      throw new Error(`${file}:${index + 1}: expected ${columns} tab-separated columns, got ${cells.length}`);
    }
    rows.push(cells);
  });
  return rows;
}

function compile(pattern: string, file: string, flags = 'u'): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    throw new Error(`${file}: invalid pattern ${JSON.stringify(pattern)}: ${(error as Error).message}`);
  }
}

const PART_KINDS = new Set<PartKind>(['measures', 'shortcomings', 'leadership', 'plans', 'other']);
const UNIT_KINDS = new Set<UnitKind>(['government', 'department', 'party', 'other']);

/** Spaces may appear between the characters of a label on saved pages ("索 引 号"). */
function spacedLabel(pattern: string): string {
  return pattern.replace(/([\u4e00-\u9fff])(?=[\u4e00-\u9fff])/gu, '$1\\s*');
}

export function compileKnowledge(sources: KnowledgeSources): Knowledge {
  const partCues = parseTsvRows(sources.partCues, 'part-cues.tsv', 3).map(([kind, where, pattern]) => {
    if (!PART_KINDS.has(kind as PartKind)) throw new Error(`part-cues.tsv: unknown part kind ${kind}`);
    if (where !== 'heading' && where !== 'content') throw new Error(`part-cues.tsv: unknown place ${where}`);
    compile((pattern as string).replaceAll('{next}', '2000'), 'part-cues.tsv');
    return { kind: kind as PartKind, where, pattern: pattern as string } satisfies PartCue;
  });
  const pageChrome = parseTsvRows(sources.pageChrome, 'page-chrome.tsv', 2).map(([where, pattern]) => {
    if (where !== 'any' && where !== 'prefix') throw new Error(`page-chrome.tsv: unknown place ${where}`);
    const source = where === 'any' ? `^(?:${pattern})$` : `^(?:${pattern})`;
    return { where, re: compile(source, 'page-chrome.tsv') } satisfies ChromePattern;
  });
  const otherDocuments = parseTsvRows(sources.otherDocuments, 'other-documents.tsv', 2).map(
    ([what, pattern]) => ({ what: what as string, re: compile(pattern as string, 'other-documents.tsv') }),
  );
  const metaLabels = parseTsvRows(sources.metaLabels, 'meta-labels.tsv', 2).map(([field, pattern]) => ({
    field: field as string,
    re: compile(`^(?:${spacedLabel(pattern as string)})\\s*[:：]?\\s*`, 'meta-labels.tsv'),
  }));
  const orgSuffixes = parseTsvRows(sources.orgSuffixes, 'org-suffixes.tsv', 2).map(([kind, pattern]) => {
    if (!UNIT_KINDS.has(kind as UnitKind)) throw new Error(`org-suffixes.tsv: unknown unit kind ${kind}`);
    return { unitKind: kind as UnitKind, re: compile(`(?:${pattern})$`, 'org-suffixes.tsv') };
  });
  const catalogue = compileCatalogue(sources.catalogue);
  return {
    partCues,
    pageChrome,
    otherDocuments,
    metaLabels,
    orgSuffixes,
    divisions: sources.divisions,
    catalogue,
    relations: compileRelations(sources.relations, catalogue),
    t2s: new Map(
      parseTsvRows(sources.t2s, 't2s.tsv', 2).map(([t, s]) => [
        (t as string).charCodeAt(0),
        (s as string).charCodeAt(0),
      ]),
    ),
  };
}

const cueCache = new WeakMap<PartCue[], Map<string, { kind: PartKind; re: RegExp; byYear: boolean }[]>>();

/** Cues for one place, with `{next}` bound to the year after `year` (or to any year when unknown). */
export function partCuesFor(
  knowledge: Knowledge,
  where: 'heading' | 'content',
  year: number | null,
): { kind: PartKind; re: RegExp; byYear: boolean }[] {
  let byKey = cueCache.get(knowledge.partCues);
  if (!byKey) {
    byKey = new Map();
    cueCache.set(knowledge.partCues, byKey);
  }
  const key = `${where}:${year ?? ''}`;
  let compiled = byKey.get(key);
  if (!compiled) {
    const next = year === null ? '(?:19|20)\\d{2}' : String(year + 1);
    compiled = knowledge.partCues
      .filter((cue) => cue.where === where)
      .map((cue) => ({
        kind: cue.kind,
        re: new RegExp(cue.pattern.replaceAll('{next}', next), 'u'),
        byYear: cue.pattern.includes('{next}'),
      }));
    byKey.set(key, compiled);
  }
  return compiled;
}
