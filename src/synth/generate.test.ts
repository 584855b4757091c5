import { describe, expect, it } from 'vitest';
import type { GoldReading as ScoredGold } from '../eval/score.js';
import { DEFECT_KINDS, type DefectKind, INDICATOR_UNITS } from './catalogue.js';
import {
  CAUSE_CUES,
  generateCorpus,
  generateReport,
  type Operand,
  readingsOf,
  relationHolds,
  type SynthRelation,
  type SynthReport,
} from './generate.js';
import { PLACES } from './places.js';

const PART_KINDS = new Set(['measures', 'shortcomings', 'leadership', 'plans', 'other']);
const ISO = /^\d{4}-\d{2}-\d{2}$/u;
const TOP = /^[一二三四五六七八九十]+、/u;

const value = (r: SynthReport, o: Operand): number =>
  typeof o === 'number' ? (r.gold.indicators[o]?.value ?? Number.NaN) : o.value;

/** Whether the relation holds on the values the gold reading records. */
function holds(r: SynthReport, rel: SynthRelation): boolean {
  const v = (i: number): number => r.gold.indicators[i]?.value ?? Number.NaN;
  const sum = (ids: number[]): number => ids.reduce((s, i) => s + v(i), 0);
  switch (rel.kind) {
    case 'sum':
      return v(rel.total) === sum(rel.parts);
    case 'sum-le':
      return sum(rel.parts) <= v(rel.total);
    case 'le':
      return v(rel.small) <= sum(rel.big) + (rel.extra ?? 0);
    case 'rate': {
      const computed = (100 * value(r, rel.num)) / value(r, rel.den);
      return Math.abs(v(rel.rate) - computed) <= 0.005 + 1e-9;
    }
  }
}

function relIds(rel: SynthRelation): number[] {
  const op = (o: Operand): number[] => (typeof o === 'number' ? [o] : []);
  switch (rel.kind) {
    case 'sum':
    case 'sum-le':
      return [rel.total, ...rel.parts];
    case 'le':
      return [rel.small, ...rel.big];
    case 'rate':
      return [rel.rate, ...op(rel.num), ...op(rel.den)];
  }
}

/** The text of a top-level part: from its heading to the next top-level heading or the end of the body. */
function partText(r: SynthReport, kind: string): string | null {
  const heads = r.doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1);
  const idx = r.gold.parts.findIndex((p) =>
    Array.isArray(p.part) ? p.part.includes(kind as never) : p.part === kind,
  );
  if (idx < 0) return null;
  const start = heads[idx]?.span.end ?? 0;
  const next = heads[idx + 1];
  const sig = r.doc.blocks.find((b) => b.kind === 'signature' || b.kind === 'footer');
  const end = next ? next.span.start : (sig?.span.start ?? r.text.length);
  return r.text.slice(start, end);
}

function checkReport(r: SynthReport): void {
  const g = r.gold;
  // gold-format shape
  expect(g.source).toBe(`${r.name}.txt`);
  expect(g.meta.title && r.text.includes(g.meta.title)).toBeTruthy();
  expect(g.meta.year).toBeGreaterThanOrEqual(2019);
  expect(g.meta.year).toBeLessThanOrEqual(2024);
  expect(['government', 'department', 'party', 'other']).toContain(g.meta.unitKind);
  if (g.meta.published !== null) expect(g.meta.published).toMatch(ISO);
  if (g.meta.signed !== null) expect(g.meta.signed).toMatch(ISO);
  if (g.meta.published && g.meta.signed) expect(g.meta.signed < g.meta.published).toBe(true);
  if (g.meta.jurisdiction) {
    const place = PLACES.find((p) => p.code === g.meta.jurisdiction?.code);
    expect(place?.name).toBe(g.meta.jurisdiction.name);
  }
  if (g.meta.issuer) {
    // the issuer is written somewhere, or the title names its place bare (牛家牌镇2022年度…)
    const squashed = r.text.replace(/\s+/gu, '');
    const issuer = g.meta.issuer.replace(/\s+/gu, '');
    const bare = issuer.replace(/(人民政府|办事处)$/u, '');
    expect(squashed.includes(issuer) || (g.meta.title ?? '').startsWith(bare)).toBe(true);
  }
  // parts: top-level headings, in order, each present as a line
  expect(g.parts.length).toBeGreaterThan(0);
  g.parts.forEach((p, i) => {
    expect(p.heading.startsWith(['一', '二', '三', '四', '五', '六'][i] as string)).toBe(true);
    expect(p.heading).toMatch(TOP);
    expect(r.text).toContain(`${p.heading}\n`);
    for (const k of Array.isArray(p.part) ? p.part : [p.part]) expect(PART_KINDS.has(k)).toBe(true);
  });
  // indicators
  for (const ind of g.indicators) {
    expect(INDICATOR_UNITS[ind.key], ind.key).toBeDefined();
    expect(INDICATOR_UNITS[ind.key]).toContain(ind.unit);
    expect(Number.isFinite(ind.value)).toBe(true);
    expect([null, 'over', 'under', 'about']).toContain(ind.approx);
    const at = r.text.indexOf(ind.quote);
    expect(at, ind.quote).toBeGreaterThanOrEqual(0);
    expect(ind.quote.length).toBeGreaterThan(1);
  }
  // relations: a relation fails only when it is marked broken, inside the span of a figure defect
  for (const rel of r.relations) {
    const ok = holds(r, rel);
    expect(relationHolds(g.indicators, rel)).toBe(ok);
    expect(rel.broken).toBe(!ok);
    if (ok) continue;
    const quotes = relIds(rel).map((i) => g.indicators[i]?.quote as string);
    const covering = r.defects.filter(
      (d) =>
        ['sum-mismatch', 'rate-mismatch', 'order-violation'].includes(d.kind) &&
        quotes.some((q) => r.text.slice(d.span.start, d.span.end).includes(q)),
    );
    expect(covering.length, JSON.stringify(rel)).toBeGreaterThan(0);
  }
  // defects point at the injected text
  const kinds = new Set(r.defects.map((d) => d.kind));
  for (const d of r.defects) {
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeLessThanOrEqual(r.text.length);
    const s = r.text.slice(d.span.start, d.span.end);
    switch (d.kind) {
      case 'missing-part': {
        expect(s).toBe('');
        const kinds2 = g.parts.flatMap((p) => (Array.isArray(p.part) ? p.part : [p.part]));
        const missing = /"(\w+)"/u.exec(d.note)?.[1];
        expect(kinds2).not.toContain(missing);
        if (missing === 'leadership') expect(r.text).not.toContain('第一责任人');
        break;
      }
      case 'late-publication':
        expect(s).toBe(g.meta.published);
        expect(s > `${(g.meta.year as number) + 1}-03-31`).toBe(true);
        break;
      case 'garbled-date':
        expect(s).toMatch(/^\d{3,8}日?$/u);
        break;
      case 'template-residue':
        expect(s).toMatch(/XX|××|X月X日|此处填写/u);
        break;
      case 'year-mismatch':
        expect(s).toMatch(/^\d{4}$/u);
        expect(Number(s)).not.toBe(g.meta.year);
        break;
      case 'no-reasons':
        expect(s.length).toBeGreaterThan(10);
        expect(s).not.toMatch(CAUSE_CUES);
        break;
      case 'vague-plans':
        expect(s.length).toBeGreaterThan(10);
        expect(s).not.toMatch(/\d|《|月底|年底|年内|之前|以前|前完成/u);
        break;
      case 'sum-mismatch':
      case 'rate-mismatch':
      case 'order-violation': {
        const want = { 'sum-mismatch': 'sum', 'rate-mismatch': 'rate', 'order-violation': 'le' }[d.kind];
        const inside = g.indicators.map((ind, i) => ({ ind, i })).filter(({ ind }) => s.includes(ind.quote));
        expect(inside.length).toBeGreaterThan(0);
        const ids = new Set(inside.map(({ i }) => i));
        const broken = r.relations.filter(
          (rel) => rel.broken && rel.kind === want && !holds(r, rel) && relIds(rel).some((i) => ids.has(i)),
        );
        expect(broken.length, `${d.kind} ${s}`).toBeGreaterThan(0);
        break;
      }
    }
  }
  // the parts say what they should unless a defect says otherwise
  const short = partText(r, 'shortcomings');
  if (short !== null && !kinds.has('no-reasons')) expect(short).toMatch(CAUSE_CUES);
  const plans = partText(r, 'plans');
  if (plans !== null && !kinds.has('vague-plans')) expect(plans).toMatch(/\d|《/u);
  if (!kinds.has('template-residue')) expect(r.text).not.toMatch(/XX|××|此处填写/u);
  // without figure defects every relation holds
  if (!kinds.has('sum-mismatch') && !kinds.has('rate-mismatch') && !kinds.has('order-violation')) {
    expect(r.relations.every((rel) => !rel.broken)).toBe(true);
  }
}

describe('generateReport', () => {
  it('is deterministic', () => {
    for (const seed of [1, 2, 99, 123456789]) {
      expect(JSON.stringify(generateReport({ seed }))).toBe(JSON.stringify(generateReport({ seed })));
    }
    const a = [...generateCorpus(30, 7)].map((r) => JSON.stringify(r));
    const b = [...generateCorpus(30, 7)].map((r) => JSON.stringify(r));
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(30);
  });

  it('writes consistent reports with verbatim gold quotes (400 random reports)', () => {
    for (const r of generateCorpus(400, 20240401)) checkReport(r);
  });

  it('injects every defect kind on request, with its span', () => {
    for (const kind of DEFECT_KINDS) {
      for (let seed = 1; seed <= 25; seed++) {
        const r = generateReport({ seed: seed * 7919, defects: [kind] });
        checkReport(r);
        expect(
          r.defects.map((d) => d.kind),
          `${kind} seed ${seed}`,
        ).toContain(kind);
      }
    }
  });

  it('combines defects', () => {
    const all = DEFECT_KINDS.filter((k) => k !== 'missing-part');
    for (let seed = 1; seed <= 30; seed++) {
      const r = generateReport({ seed, defects: [...all, 'missing-part'] as DefectKind[] });
      checkReport(r);
      expect(new Set(r.defects.map((d) => d.kind)).size).toBe(DEFECT_KINDS.length);
    }
  });

  it("has no defects with defects: 'none'", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const r = generateReport({ seed, defects: 'none' });
      checkReport(r);
      expect(r.defects).toEqual([]);
      // non-defective figures are consistent: funnels and rates
      const v = (key: string): number[] => r.gold.indicators.filter((i) => i.key === key).map((i) => i.value);
      for (const [small, big] of [
        ['reconsideration.accepted', 'reconsideration.received'],
        ['mediation.succeeded', 'mediation.cases'],
        ['litigation.heard', 'litigation.cases'],
        ['inspection.leads_closed', 'inspection.leads'],
      ] as const) {
        const s = v(small);
        const b = v(big);
        if (s.length === 1 && b.length === 1) expect(s[0] as number).toBeLessThanOrEqual(b[0] as number);
      }
      for (const i of r.gold.indicators) if (i.unit === '%') expect(i.value).toBeLessThanOrEqual(100);
    }
  });

  it('honours year, size and chrome', () => {
    const r = generateReport({ seed: 5, year: 2020, size: 'short', chrome: false, defects: 'none' });
    expect(r.gold.meta.year).toBe(2020);
    expect(r.gold.meta.published).toBeNull();
    expect(r.doc.blocks.some((b) => b.kind === 'breadcrumb' || b.kind === 'footer')).toBe(false);
    const c = generateReport({ seed: 5, chrome: true });
    expect(c.doc.blocks.some((b) => b.kind === 'footer')).toBe(true);
    const long = generateReport({ seed: 5, size: 'long', defects: 'none' });
    expect(long.text.length).toBeGreaterThan(r.text.length);
  });

  it('shows the variety the domain notes describe', () => {
    const reports = [...generateCorpus(400, 3)];
    const titles = reports.map((r) => r.gold.meta.title ?? '');
    expect(titles.some((t) => t.startsWith('关于'))).toBe(true);
    expect(titles.some((t) => t.startsWith('中共'))).toBe(true);
    expect(titles.some((t) => t.endsWith('年度报告'))).toBe(true);
    expect(titles.some((t) => t.endsWith('工作报告'))).toBe(true);
    expect(titles.some((t) => t.includes('情况报告'))).toBe(true);
    const levels = new Set(reports.map((r) => r.gold.meta.jurisdiction?.level ?? 'none'));
    expect([...levels].sort()).toEqual(['county', 'none', 'prefecture', 'province', 'township']);
    expect(reports.some((r) => r.gold.meta.unitKind === 'department')).toBe(true);
    expect(reports.some((r) => r.gold.parts.some((p) => Array.isArray(p.part)))).toBe(true);
    expect(reports.some((r) => r.gold.parts.length === 5)).toBe(true);
    const orders = new Set(reports.map((r) => r.gold.parts.map((p) => String(p.part)).join('>')));
    expect(orders.size).toBeGreaterThan(5);
    expect(reports.some((r) => /\n\s*[（(]一[）)][^\n]{4,40}[。.]一是/u.test(r.text))).toBe(true); // run-in
    expect(reports.some((r) => /\n\s*\d\.[^\n]/u.test(r.text))).toBe(true);
    expect(
      reports.some(
        (r) => r.text.includes('第一责任人') && !r.gold.parts.some((p) => p.part === 'leadership'),
      ),
    ).toBe(true); // embedded leadership
    expect(reports.some((r) => r.gold.indicators.some((i) => i.approx === 'over'))).toBe(true);
    expect(reports.some((r) => r.gold.indicators.some((i) => i.quote.includes('万')))).toBe(true);
    expect(reports.some((r) => r.gold.indicators.some((i) => /百余|千余|万余/u.test(i.quote)))).toBe(true);
    expect(reports.some((r) => r.text.includes('ICP备'))).toBe(true);
    // nearly every catalogue key shows up
    const keys = new Set(reports.flatMap((r) => r.gold.indicators.map((i) => i.key)));
    expect(keys.size).toBeGreaterThan(90);
  });

  it('keeps gold assignable to the scorer type', () => {
    const r = generateReport({ seed: 11 });
    const g: ScoredGold = r.gold;
    expect(g.indicators.length).toBe(r.gold.indicators.length);
  });

  it('is fast: a thousand reports well under a few seconds', () => {
    const t0 = performance.now();
    let chars = 0;
    for (const r of generateCorpus(1000, 1)) chars += r.text.length;
    const ms = performance.now() - t0;
    expect(chars).toBeGreaterThan(1_000_000);
    expect(ms).toBeLessThan(10_000); // typically 250–400 ms
  });

  it('reads garbled dates', () => {
    expect(readingsOf('2024228')).toEqual(['2024-02-28']);
    expect(readingsOf('2024111')).toEqual(['2024-01-11', '2024-11-01']);
    expect(readingsOf('2023229')).toEqual([]);
  });
});
