/**
 * The review board: a roster of the units expected to report (imported from CSV or XLSX), and for
 * a report year, each unit's status: 未报送 (no report found), 逾期 (published after its deadline),
 * 有错误 (its report has findings of severity error), 已报送 (on time and without errors).
 *
 * A unit is matched to reports of the year by jurisdiction code (and unit kind, when the roster
 * gives one), else by name: the report's issuer equal to, or containing, the unit's name, or the
 * title naming it.
 *
 * The roster lives in the table `web_roster`, created by {@link ensureRosterTable} when the app
 * starts (it is not part of the store's migrations yet; see docs/web.md).
 */
import type { Queryable } from '../store/open.js';
import type { RosterBoard, RosterEntry, RosterStatus, RosterUnit } from './api-types.js';
import { daysBetween, PUBLISH_DEADLINE_MMDD } from './data.js';
import { UNIT_KIND_LABELS } from './labels.js';

export const STATUS_LABELS: Record<RosterStatus, string> = {
  missing: '未报送',
  late: '逾期',
  errors: '有错误',
  submitted: '已报送',
};

export class RosterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RosterError';
  }
}

export async function ensureRosterTable(db: Queryable): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS web_roster (
    ord integer PRIMARY KEY,
    name text NOT NULL,
    jurisdiction_code text,
    unit_kind text,
    deadline text,
    contact text,
    note text,
    imported_at timestamptz NOT NULL DEFAULT now()
  )`);
}

const HEADERS: Record<keyof Omit<RosterUnit, 'ord'>, RegExp> = {
  name: /^(单位名称|单位|名称|报送单位|机关名称|name|unit)$/iu,
  code: /^(行政区划代码|区划代码|代码|地区代码|code|jurisdiction_?code)$/iu,
  unitKind: /^(单位类型|类型|类别|unit_?kind|kind)$/iu,
  deadline: /^(截止日期|报送期限|截止时间|期限|deadline)$/iu,
  contact: /^(联系人|联系方式|contact)$/iu,
  note: /^(备注|说明|note|notes)$/iu,
};

const KIND_WORDS: [RegExp, string][] = [
  [/^(government|政府|人民政府)$/u, 'government'],
  [/^(department|部门|政府部门|工作部门)$/u, 'department'],
  [/^(party|党委|党委部门)$/u, 'party'],
  [/^(other|其他)$/u, 'other'],
];

function unitKindOf(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  for (const [re, kind] of KIND_WORDS) if (re.test(v)) return kind;
  return null;
}

/** 'MM-DD', 'M月D日', 'YYYY-MM-DD', 'YYYY/M/D', 'YYYY年M月D日' → 'MM-DD' or ISO; null when empty. */
export function normalizeDeadline(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const pad = (n: string) => n.padStart(2, '0');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(v);
  if (m) return `${m[1]}-${pad(m[2] as string)}-${pad(m[3] as string)}`;
  m = /^(\d{1,2})[-/.月](\d{1,2})日?$/u.exec(v);
  if (m) return `${pad(m[1] as string)}-${pad(m[2] as string)}`;
  throw new RosterError(`无法识别的截止日期“${v}”（应为 2024-03-31 或 03-31）`);
}

/** Roster units from spreadsheet rows: a header row names the columns (单位名称 is required). */
export function rosterFromRows(rows: string[][]): RosterUnit[] {
  if (rows.length === 0) throw new RosterError('名册为空');
  const header = rows[0] as string[];
  const columns = new Map<keyof typeof HEADERS, number>();
  header.forEach((h, i) => {
    for (const [key, re] of Object.entries(HEADERS) as [keyof typeof HEADERS, RegExp][]) {
      if (!columns.has(key) && re.test(h.replace(/\s+/gu, ''))) columns.set(key, i);
    }
  });
  let body = rows.slice(1);
  if (!columns.has('name')) {
    // No header: the first column is the unit name, the second (if all digits) the code.
    columns.set('name', 0);
    if (rows.every((r) => !r[1] || /^\d{2,12}$/u.test(r[1]))) columns.set('code', 1);
    body = rows;
  }
  const get = (row: string[], key: keyof typeof HEADERS): string => {
    const i = columns.get(key);
    return i === undefined ? '' : (row[i] ?? '').trim();
  };
  const units: RosterUnit[] = [];
  body.forEach((row, i) => {
    const name = get(row, 'name');
    if (!name) return;
    const code = get(row, 'code');
    if (code && !/^\d{2,12}$/u.test(code)) {
      throw new RosterError(`第${i + 2}行：行政区划代码“${code}”应为数字`);
    }
    let deadline: string | null;
    try {
      deadline = normalizeDeadline(get(row, 'deadline'));
    } catch (error) {
      throw new RosterError(`第${i + 2}行：${(error as Error).message}`);
    }
    units.push({
      ord: units.length + 1,
      name: name.slice(0, 200),
      code: code || null,
      unitKind: unitKindOf(get(row, 'unitKind')),
      deadline,
      contact: get(row, 'contact').slice(0, 200) || null,
      note: get(row, 'note').slice(0, 500) || null,
    });
  });
  if (units.length === 0) throw new RosterError('名册中没有单位（需要“单位名称”列）');
  if (units.length > 20000) throw new RosterError('名册过长（最多 20000 个单位）');
  return units;
}

export async function replaceRoster(db: Queryable, units: RosterUnit[]): Promise<void> {
  await db.query('DELETE FROM web_roster');
  for (let i = 0; i < units.length; i += 1000) {
    const chunk = units.slice(i, i + 1000);
    await db.query(
      `INSERT INTO web_roster (ord, name, jurisdiction_code, unit_kind, deadline, contact, note)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [
        chunk.map((u) => u.ord),
        chunk.map((u) => u.name),
        chunk.map((u) => u.code),
        chunk.map((u) => u.unitKind),
        chunk.map((u) => u.deadline),
        chunk.map((u) => u.contact),
        chunk.map((u) => u.note),
      ],
    );
  }
}

export async function clearRoster(db: Queryable): Promise<void> {
  await db.query('DELETE FROM web_roster');
}

export async function loadRoster(db: Queryable): Promise<{ units: RosterUnit[]; importedAt: string | null }> {
  const { rows } = await db.query<{
    ord: number;
    name: string;
    jurisdiction_code: string | null;
    unit_kind: string | null;
    deadline: string | null;
    contact: string | null;
    note: string | null;
    imported_at: Date;
  }>('SELECT * FROM web_roster ORDER BY ord');
  return {
    units: rows.map((r) => ({
      ord: r.ord,
      name: r.name,
      code: r.jurisdiction_code,
      unitKind: r.unit_kind,
      deadline: r.deadline,
      contact: r.contact,
      note: r.note,
    })),
    importedAt: rows[0] ? new Date(rows[0].imported_at).toISOString() : null,
  };
}

interface Candidate {
  id: string;
  title: string | null;
  issuer: string | null;
  code: string | null;
  unitKind: string | null;
  published: string | null;
  errors: number;
  score: number | null;
}

const compact = (s: string | null): string => (s ?? '').replace(/\s+/gu, '');

/** A roster code against a report's code: equal once padded ('1305' = '130500'). */
function sameCode(rosterCode: string, reportCode: string | null): boolean {
  if (!reportCode) return false;
  const pad = (c: string) => (c.length < 6 ? c.padEnd(6, '0') : c);
  return pad(rosterCode) === pad(reportCode);
}

function nameMatches(unit: RosterUnit, c: Candidate): boolean {
  const name = compact(unit.name);
  const issuer = compact(c.issuer);
  if (!name) return false;
  if (
    issuer &&
    (issuer === name ||
      (name.length >= 4 && issuer.includes(name)) ||
      (issuer.length >= 4 && name.includes(issuer)))
  ) {
    return true;
  }
  return compact(c.title).includes(name);
}

export function deadlineFor(unit: Pick<RosterUnit, 'deadline'>, year: number): string {
  const d = unit.deadline;
  if (d && /^\d{4}-\d{2}-\d{2}$/u.test(d)) return d;
  return `${year + 1}-${d ?? PUBLISH_DEADLINE_MMDD}`;
}

/** The status of every roster unit for reports of `year` (default: the latest year in the store). */
export async function rosterBoard(db: Queryable, requestedYear?: number): Promise<RosterBoard> {
  const { units, importedAt } = await loadRoster(db);
  const { rows: yearRows } = await db.query<{ year: number }>(
    `SELECT DISTINCT r.year FROM reports r WHERE r.year IS NOT NULL
       AND EXISTS (SELECT 1 FROM files f WHERE f.report_id = r.id AND f.current) ORDER BY r.year DESC`,
  );
  const years = yearRows.map((r) => r.year);
  const year = requestedYear ?? years[0] ?? null;
  const counts: Record<RosterStatus, number> = { missing: 0, late: 0, errors: 0, submitted: 0 };
  if (year === null) {
    const entries = units.map((u): RosterEntry => {
      counts.missing++;
      return {
        ...u,
        status: 'missing',
        flags: ['missing'],
        deadlineDate: '',
        report: null,
        matchedBy: null,
        others: [],
      };
    });
    return { year, years, entries, counts, importedAt };
  }
  const { rows } = await db.query<{
    id: string;
    title: string | null;
    issuer: string | null;
    jurisdiction_code: string | null;
    unit_kind: string | null;
    published: string | null;
    score_total: number | null;
    errors: number;
  }>(
    `SELECT r.id, r.title, r.issuer, r.jurisdiction_code, r.unit_kind, r.published::text AS published, r.score_total,
       (SELECT count(*)::int FROM findings k WHERE k.report_id = r.id AND k.severity = 'error') AS errors
     FROM reports r WHERE r.year = $1 AND EXISTS (SELECT 1 FROM files f WHERE f.report_id = r.id AND f.current)
     ORDER BY r.published NULLS LAST, r.id`,
    [year],
  );
  const candidates: Candidate[] = rows.map((r) => ({
    id: String(r.id),
    title: r.title,
    issuer: r.issuer,
    code: r.jurisdiction_code,
    unitKind: r.unit_kind,
    published: r.published,
    errors: r.errors,
    score: r.score_total,
  }));
  const entries = units.map((unit): RosterEntry => {
    const deadlineDate = deadlineFor(unit, year);
    let matchedBy: 'code' | 'name' | null = null;
    let matches: Candidate[] = [];
    if (unit.code) {
      matches = candidates.filter(
        (c) => sameCode(unit.code as string, c.code) && (!unit.unitKind || c.unitKind === unit.unitKind),
      );
      // Several units of one jurisdiction (a government and its departments): the name decides.
      if (matches.length > 1) {
        const named = matches.filter((c) => nameMatches(unit, c));
        if (named.length > 0) matches = named;
      }
      if (matches.length > 0) matchedBy = 'code';
    }
    if (matches.length === 0) {
      matches = candidates.filter(
        (c) => (!unit.unitKind || c.unitKind === unit.unitKind) && nameMatches(unit, c),
      );
      if (matches.length > 0) matchedBy = 'name';
    }
    const best = matches[0];
    if (!best) {
      counts.missing++;
      return {
        ...unit,
        status: 'missing',
        flags: ['missing'],
        deadlineDate,
        report: null,
        matchedBy,
        others: [],
      };
    }
    const daysLate = best.published ? daysBetween(deadlineDate, best.published) : null;
    const flags: RosterStatus[] = [];
    if (daysLate !== null && daysLate > 0) flags.push('late');
    if (best.errors > 0) flags.push('errors');
    if (flags.length === 0) flags.push('submitted');
    const status = flags[0] as RosterStatus;
    counts[status]++;
    return {
      ...unit,
      status,
      flags,
      deadlineDate,
      report: {
        id: best.id,
        title: best.title,
        published: best.published,
        daysLate,
        errors: best.errors,
        score: best.score,
      },
      matchedBy,
      others: matches.slice(1).map((m) => m.id),
    };
  });
  return { year, years, entries, counts, importedAt };
}

/** The board as an export table (Chinese headers). */
export function rosterTable(board: RosterBoard): {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
} {
  return {
    name: `报送情况${board.year ?? ''}`,
    header: [
      '序号',
      '单位名称',
      '行政区划代码',
      '单位类型',
      '截止日期',
      '状态',
      '其他情况',
      '报告编号',
      '报告标题',
      '发布日期',
      '逾期天数',
      '错误数',
      '评分',
      '匹配方式',
      '联系人',
      '备注',
    ],
    rows: board.entries.map((e) => [
      e.ord,
      e.name,
      e.code,
      e.unitKind ? (UNIT_KIND_LABELS[e.unitKind] ?? e.unitKind) : null,
      e.deadlineDate,
      STATUS_LABELS[e.status],
      e.flags
        .filter((f) => f !== e.status)
        .map((f) => STATUS_LABELS[f])
        .join('、') || null,
      e.report?.id ?? null,
      e.report?.title ?? null,
      e.report?.published ?? null,
      e.report?.daysLate !== null && e.report?.daysLate !== undefined && e.report.daysLate > 0
        ? e.report.daysLate
        : null,
      e.report?.errors ?? null,
      e.report?.score ?? null,
      e.matchedBy === 'code' ? '区划代码' : e.matchedBy === 'name' ? '单位名称' : null,
      e.contact,
      e.note,
    ]),
  };
}
