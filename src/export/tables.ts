/**
 * Tables for export: figures (long: one row per figure; wide: one row per report, one column per
 * indicator key), findings and scores. Pure: readings in, header and rows out; the CSV and XLSX
 * writers serialize them.
 */
import type { Catalogue } from '../figures/catalogue.js';
import type { ContractReport } from '../output/contract.js';

export type Cell = string | number | null;

export interface Table {
  name: string;
  header: string[];
  rows: Cell[][];
}

export type TableKind = 'figures' | 'figures-wide' | 'findings' | 'scores';
export const TABLE_KINDS: TableKind[] = ['figures', 'figures-wide', 'findings', 'scores'];

/** The columns that identify a report in every table. */
const REPORT_COLUMNS = [
  'source',
  'title',
  'issuer',
  'unit_kind',
  'jurisdiction_code',
  'jurisdiction',
  'level',
  'year',
  'published',
];

function reportCells(r: ContractReport): Cell[] {
  const m = r.meta;
  return [
    r.source,
    m.title,
    m.issuer,
    m.unitKind,
    m.jurisdiction?.code ?? null,
    m.jurisdiction?.name ?? null,
    m.jurisdiction?.level ?? null,
    m.year,
    m.published,
  ];
}

/** Findings and score, when the checks have run; absent otherwise. */
interface Checked {
  findings?: { ruleId: string; severity: string; message: string; span: { start: number; end: number } }[];
  score?: {
    total: number;
    dimensions?: { id: string; points: number; weight: number; applicable: boolean }[];
  };
}

export function figuresLong(reports: ContractReport[], catalogue: Catalogue): Table {
  const rows: Cell[][] = [];
  for (const r of reports) {
    for (const f of r.indicators) {
      const def = catalogue.indicators.get(f.key);
      rows.push([
        ...reportCells(r),
        f.key,
        def?.nameZh ?? null,
        f.area,
        f.value,
        f.unit,
        f.approx,
        f.quote,
        f.span.start,
        f.span.end,
      ]);
    }
  }
  return {
    name: 'figures',
    header: [...REPORT_COLUMNS, 'key', 'name_zh', 'area', 'value', 'unit', 'approx', 'quote', 'start', 'end'],
    rows,
  };
}

/**
 * One row per report, one column per indicator key found in any report (catalogue order). A key
 * stated several times in a report (city and district, two years) takes its first statement;
 * `<key>#n` says how many there were, so a reader knows to look at the long table.
 */
export function figuresWide(reports: ContractReport[], catalogue: Catalogue): Table {
  const used = new Set(reports.flatMap((r) => r.indicators.map((f) => f.key)));
  const keys = [...catalogue.indicators.keys()].filter((k) => used.has(k));
  const rows = reports.map((r) => {
    const cells: Cell[] = reportCells(r);
    for (const key of keys) {
      const all = r.indicators.filter((f) => f.key === key);
      cells.push(all[0]?.value ?? null, all.length);
    }
    return cells;
  });
  return { name: 'figures-wide', header: [...REPORT_COLUMNS, ...keys.flatMap((k) => [k, `${k}#n`])], rows };
}

export function findingsTable(reports: ContractReport[]): Table {
  const rows: Cell[][] = [];
  for (const r of reports) {
    for (const f of (r as ContractReport & Checked).findings ?? []) {
      rows.push([...reportCells(r), f.ruleId, f.severity, f.message, f.span.start, f.span.end]);
    }
  }
  return {
    name: 'findings',
    header: [...REPORT_COLUMNS, 'rule', 'severity', 'message', 'start', 'end'],
    rows,
  };
}

export function scoresTable(reports: ContractReport[]): Table {
  const dims = new Set<string>();
  for (const r of reports)
    for (const d of (r as ContractReport & Checked).score?.dimensions ?? []) dims.add(d.id);
  const dimIds = [...dims];
  const rows = reports.map((r) => {
    const score = (r as ContractReport & Checked).score;
    return [
      ...reportCells(r),
      score?.total ?? null,
      ...dimIds.map((id) => {
        const d = score?.dimensions?.find((x) => x.id === id);
        return d?.applicable ? d.points : null;
      }),
    ];
  });
  return { name: 'scores', header: [...REPORT_COLUMNS, 'total', ...dimIds], rows };
}

export function buildTable(kind: TableKind, reports: ContractReport[], catalogue: Catalogue): Table {
  switch (kind) {
    case 'figures':
      return figuresLong(reports, catalogue);
    case 'figures-wide':
      return figuresWide(reports, catalogue);
    case 'findings':
      return findingsTable(reports);
    case 'scores':
      return scoresTable(reports);
  }
}
