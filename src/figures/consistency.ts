/**
 * Consistency checks between the figures of one report (domain §6): sums, funnels, rates, implied
 * whole numbers, shares and stock–flow balances. Pure and synchronous: the report's text and
 * figures in, {@link Inconsistency} values out; the relations come from `data/relations.tsv`
 * (see `relations.ts`), a few generic checks are built in.
 *
 * Which figures belong together is the hard part. A report states the same key several times
 * (city and district, this year and last, a sub-cleanup after the main one), so a relation is
 * evaluated once per figure of its anchor key (the total, the rate, the end stock, the lesser side
 * of an order) with, for every other key, the nearest figure that is *owned* by that anchor:
 * nearest in the same sentence, else in the same paragraph; a figure is owned by the anchor-key
 * figure nearest to it, so parts of a sub-cleanup never complete the main cleanup. Figures of
 * different paragraphs are combined only when both keys occur once in the whole report, and then
 * a failure is only info, because the pairing itself is a guess.
 *
 * Tolerance (§6.2) is interval arithmetic: an exact figure is a point, 余/超/以上 make [v, ∞),
 * 近/不足/以下 make [0, v], 约/左右 make v ± 10 %, a stated rate with d decimals is
 * r ± (0.5·10^−d + 0.01). A check fails only when the intervals cannot meet, so approximate
 * operands turn equalities into the bound checks their direction allows.
 */
import { sentenceSpans } from '../core/structure/parts.js';
import type { Span } from '../core/types.js';
import type { Figure } from './extract.js';
import { findQuantities, type Quantity } from './quantity.js';
import type {
  FailSeverity,
  FlowRelation,
  OrderRelation,
  RateRelation,
  Relations,
  SumRelation,
} from './relations.js';

/** The kinds of check, in the vocabulary of the checks layer. */
export type InconsistencyCheck =
  | 'sum'
  | 'partial-sum'
  | 'order'
  | 'rate'
  | 'rate-range'
  | 'implied-integer'
  | 'share'
  | 'stock-flow';

/** A quantity read from the text that is not a catalogue figure (a carried-over count, a start stock, a share). */
export interface TextQuantity {
  /** What it stands for: 'carried', 'start', 'numerator', 'denominator', or for shares 'share', 'part', 'total'. */
  role: string;
  value: number;
  unit: string;
  /** The expression as written ("9件", "0.15%"). */
  raw: string;
  span: Span;
}

/** One failed check. */
export interface Inconsistency {
  check: InconsistencyCheck;
  severity: 'error' | 'warning' | 'info';
  /** Every catalogue figure involved, in document order, so a finding can point at all their spans. */
  figures: Figure[];
  /** What the other figures imply, e.g. "≈ 94.78% (3284/3465)". */
  expected: string;
  /** What the report states, e.g. "95.78%". */
  actual: string;
  /** For users, in Chinese, e.g. "调解成功率 95.78% 与 3284/3465 = 94.78% 不符". */
  message: string;
  /** The relation: "<id> (relations.tsv:<line>)", or "builtin:<name>" for a check without a data row. */
  relation?: string;
  /** Quantities read from the text that took part but are not catalogue figures. */
  quantities?: TextQuantity[];
}

/** What the checks read of a report (a `Report` fits). */
export interface ConsistencyInput {
  text: string;
  figures: readonly Figure[];
}

/** A check that could be evaluated (every operand found), passed or not: the denominator of a pass rate. */
export interface EvaluatedCheck {
  check: InconsistencyCheck;
  relation: string;
  figures: Figure[];
  quantities?: TextQuantity[];
  passed: boolean;
}

export interface ConsistencyOptions {
  /** Run the checks that have no data row: rate range, shares, 其中 breakdowns. Default true. */
  builtins?: boolean;
  /** Pair figures of different paragraphs when both keys occur once in the report. Default true. */
  uniqueAcrossParagraphs?: boolean;
}

// ── intervals ───────────────────────────────────────────────────────────────────────────────────

interface Interval {
  lo: number;
  hi: number;
}

/** 约/左右: domain §6.2 default. */
const ABOUT = 0.1;

function boundsOf(value: number, approx: Figure['approx'], range?: { low: number; high: number }): Interval {
  if (range) return { lo: range.low, hi: approx === 'over' ? Number.POSITIVE_INFINITY : range.high };
  switch (approx) {
    case 'over':
      return { lo: value, hi: Number.POSITIVE_INFINITY };
    case 'under':
      return { lo: 0, hi: value };
    case 'about':
      return { lo: value * (1 - ABOUT), hi: value * (1 + ABOUT) };
    default:
      return { lo: value, hi: value };
  }
}

function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

/** Floating-point slack for comparisons of sums of decimals. */
const EPS = 1e-9;

function meet(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi + EPS && b.lo <= a.hi + EPS;
}

function isPoint(i: Interval): boolean {
  return i.lo === i.hi;
}

/** §6.2: a rate with d decimals matches within half a unit of its last digit, +0.01 for truncation. */
function rateTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals + 0.01;
}

// ── formatting ──────────────────────────────────────────────────────────────────────────────────

function num(n: number): string {
  if (!Number.isFinite(n)) return '∞';
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}

function pct(n: number, decimals = 2): string {
  return `${n.toFixed(Math.max(2, decimals))}%`;
}

// ── the report, indexed ─────────────────────────────────────────────────────────────────────────

const HARD_BOUNDARY = /[,，;；:：。!！?？\n]/u;

/** Start of the clause `pos` is in, not before `from`. */
function clauseStart(text: string, from: number, pos: number): number {
  for (let i = pos - 1; i >= from; i--) if (HARD_BOUNDARY.test(text[i] as string)) return i + 1;
  return from;
}

/** Normalize the unit for comparisons: "场(次)" is 场. */
function baseUnit(unit: string): string {
  return unit.replace(/[(（][^)）]*[)）]$/u, '');
}

/** How two figures are related in the text: 0 same sentence, 1 same paragraph, 2 unique keys, -1 none. */
type Scope = 0 | 1 | 2 | -1;

interface Picked {
  figure: Figure;
  scope: Scope;
}

class Context {
  readonly figures: Figure[];
  private readonly byKey = new Map<string, Figure[]>();
  private readonly lineStarts: number[] = [0];
  private readonly quantityCache = new Map<string, Quantity[]>();
  private readonly ownerCache = new Map<string, Figure | null>();
  /** Every check evaluated so far, passed or failed. */
  readonly evaluated: EvaluatedCheck[] = [];

  constructor(
    readonly text: string,
    figures: readonly Figure[],
    readonly relations: Relations,
    private readonly acrossParagraphs: boolean,
  ) {
    this.figures = [...figures].sort((a, b) => a.span.start - b.span.start);
    for (const f of this.figures) {
      const list = this.byKey.get(f.key) ?? [];
      list.push(f);
      this.byKey.set(f.key, list);
    }
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  record(
    check: InconsistencyCheck,
    relation: string,
    figures: Figure[],
    passed: boolean,
    quantities?: TextQuantity[],
  ): void {
    const e: EvaluatedCheck = { check, relation, figures: byPosition(figures), passed };
    if (quantities) e.quantities = quantities;
    this.evaluated.push(e);
  }

  of(key: string): Figure[] {
    return this.byKey.get(key) ?? [];
  }

  /** Paragraphs are lines of the normalized text. */
  paragraph(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  paragraphSpan(pos: number): Span {
    const i = this.paragraph(pos);
    const start = this.lineStarts[i] as number;
    const next = this.lineStarts[i + 1];
    return { start, end: next === undefined ? this.text.length : next - 1 };
  }

  scope(a: Figure, b: Figure): Scope {
    if (a.sentence.start === b.sentence.start) return 0;
    if (this.paragraph(a.span.start) === this.paragraph(b.span.start)) return 1;
    if (this.acrossParagraphs && this.of(a.key).length === 1 && this.of(b.key).length === 1) return 2;
    return -1;
  }

  /**
   * Keep the members that may be combined with each other too (same paragraph, or unique keys),
   * nearest to the anchor first: a numerator from another paragraph never meets a denominator
   * from the rate's own sentence.
   */
  coherent(members: Picked[], anchor: Figure): Picked[] {
    const order = [...members].sort(
      (a, b) =>
        a.scope - b.scope ||
        Math.abs(a.figure.span.start - anchor.span.start) - Math.abs(b.figure.span.start - anchor.span.start),
    );
    const kept: Picked[] = [];
    for (const m of order) if (kept.every((k) => this.scope(k.figure, m.figure) >= 0)) kept.push(m);
    return members.filter((m) => kept.includes(m));
  }

  /** The candidate nearest to `from`: narrowest scope first, then distance, then the one before. */
  nearest(from: Figure, candidates: readonly Figure[]): Picked | null {
    let best: Picked | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const c of candidates) {
      if (c === from) continue;
      const scope = this.scope(from, c);
      if (scope < 0) continue;
      const d = Math.abs(c.span.start - from.span.start) + (c.span.start > from.span.start ? 0.5 : 0);
      if (!best || scope < best.scope || (scope === best.scope && d < bestDistance)) {
        best = { figure: c, scope };
        bestDistance = d;
      }
    }
    return best;
  }

  /** The figure of `anchorKey` that `member` belongs to: the nearest one. */
  owner(member: Figure, anchorKey: string, exclude?: ReadonlySet<Figure>): Figure | null {
    const cacheKey = `${member.span.start}:${anchorKey}:${exclude ? 'x' : ''}`;
    if (!exclude && this.ownerCache.has(cacheKey)) return this.ownerCache.get(cacheKey) ?? null;
    const anchors = this.of(anchorKey).filter((f) => !exclude?.has(f));
    const owner = this.nearest(member, anchors)?.figure ?? null;
    if (!exclude) this.ownerCache.set(cacheKey, owner);
    return owner;
  }

  /** The figure of `key` that goes with `anchor` in a relation, or null. */
  pick(anchor: Figure, key: string, exclude?: ReadonlySet<Figure>): Picked | null {
    const candidates = this.of(key).filter((m) => this.owner(m, anchor.key, exclude) === anchor);
    return this.nearest(anchor, candidates);
  }

  quantitiesIn(span: Span): Quantity[] {
    const k = `${span.start}:${span.end}`;
    let qs = this.quantityCache.get(k);
    if (!qs) {
      qs = findQuantities(this.text, span.start, span.end);
      this.quantityCache.set(k, qs);
    }
    return qs;
  }

  /** The quantity the extractor read for a figure (for its range and digits). */
  quantityOf(f: Figure): Quantity | undefined {
    return this.quantitiesIn(f.sentence).find((q) => q.start === f.span.start);
  }

  bounds(f: Figure): Interval {
    return boundsOf(f.value, f.approx, this.quantityOf(f)?.range);
  }

  /** Decimals as written: "94.78%" → 2, "98.6%" → 1, "百分之九十五" → 0. */
  decimals(f: Figure): number {
    const raw = this.raw(f);
    const m = /\d[.．](\d+)/u.exec(raw) ?? /点([零〇一二两三四五六七八九]+)/u.exec(raw);
    return m ? (m[1] as string).length : 0;
  }

  raw(f: Figure): string {
    return this.text.slice(f.span.start, f.span.end);
  }

  name(key: string): string {
    return this.relations.names.get(key) ?? key;
  }

  /** "调解成功 3284件". */
  label(f: Figure): string {
    return `${this.name(f.key)} ${this.raw(f)}`;
  }

  /** The catalogue figure stated by a quantity, if any. */
  figureAt(q: Quantity): Figure | undefined {
    return this.figures.find((f) => f.span.start === q.start);
  }

  /**
   * Quantities in `span` that `cue` marks, with a unit that counts the same things as `key`. The
   * cue may stand before the number in its clause ("含往年结转9件", "年初在册300人") or after it up
   * to the next number or clause end ("459人考试合格").
   */
  cued(span: Span, cue: RegExp, key: string): Quantity[] {
    const units = this.relations.unitsOf.get(key);
    const qs = this.quantitiesIn(span);
    return qs.filter((q, i) => {
      if (!units?.has(baseUnit(q.unit))) return false;
      const prev = qs[i - 1];
      const next = qs[i + 1];
      const from = Math.max(clauseStart(this.text, span.start, q.start), prev ? prev.end : span.start);
      if (cue.test(this.text.slice(from, q.start))) return true;
      let to = Math.min(next ? next.start : span.end, span.end);
      for (let k = q.end; k < to; k++) {
        if (HARD_BOUNDARY.test(this.text[k] as string)) {
          to = k;
          break;
        }
      }
      return cue.test(this.text.slice(q.end, to));
    });
  }
}

function textQuantity(q: Quantity, role: string): TextQuantity {
  return { role, value: q.value, unit: q.unit, raw: q.raw, span: { start: q.start, end: q.end } };
}

function relationId(r: { id: string; line: number }): string {
  return `${r.id} (relations.tsv:${r.line})`;
}

/** A failure's severity: the row's, but only info when the figures were paired across paragraphs. */
function severityOf(base: FailSeverity, picked: readonly (Picked | null)[]): FailSeverity {
  return picked.some((p) => p?.scope === 2) ? 'info' : base;
}

function byPosition(figures: Figure[]): Figure[] {
  return [...new Set(figures)].sort((a, b) => a.span.start - b.span.start);
}

// ── rate range (C-RATE-03) ──────────────────────────────────────────────────────────────────────

function checkRateRange(ctx: Context): { out: Inconsistency[]; bad: Set<Figure> } {
  const out: Inconsistency[] = [];
  const bad = new Set<Figure>();
  for (const f of ctx.figures) {
    if (!ctx.relations.rateKeys.has(f.key) || f.unit.replace('％', '%') !== '%') continue;
    const passed = f.value <= 100 && f.value >= 0;
    ctx.record('rate-range', 'builtin:rate-range', [f], passed);
    if (passed) continue;
    bad.add(f);
    out.push({
      check: 'rate-range',
      severity: 'error',
      figures: [f],
      expected: '0%–100%',
      actual: ctx.raw(f),
      message: `${ctx.name(f.key)} ${ctx.raw(f)} 超出 0–100% 的范围`,
      relation: 'builtin:rate-range',
    });
  }
  return { out, bad };
}

// ── rates (C-RATE-01/02/04) ─────────────────────────────────────────────────────────────────────

function statedRate(ctx: Context, f: Figure): Interval {
  const tol = rateTolerance(ctx.decimals(f));
  const b = ctx.bounds(f);
  return { lo: Math.max(0, b.lo - tol), hi: Math.min(100 + tol, b.hi + tol) };
}

/** A numerator or denominator: a catalogue figure, or a count read from the text with term_cue. */
interface Operand {
  value: number;
  bounds: Interval;
  /** How a ratio shows it: the plain number, or the expression when it is approximate ("80余"). */
  show: string;
  picked?: Picked;
  quantity?: Quantity;
}

function figureOperand(ctx: Context, picked: Picked): Operand {
  const f = picked.figure;
  return { value: f.value, bounds: ctx.bounds(f), show: f.approx ? ctx.raw(f) : num(f.value), picked };
}

function textOperand(q: Quantity): Operand {
  return {
    value: q.value,
    bounds: boundsOf(q.value, q.approx, q.range),
    show: q.approx ? q.raw : num(q.value),
    quantity: q,
  };
}

/** The count of the rate's sentence that term_cue marks, nearest before the rate ("459人考试合格"). */
function cuedOperand(
  ctx: Context,
  row: RateRelation,
  rate: Figure,
  unitKey: string,
  not: Figure,
): Operand | null {
  if (!row.termCue) return null;
  const q = ctx
    .cued(rate.sentence, row.termCue, unitKey)
    .filter((c) => c.end <= rate.span.start && c.start !== not.span.start)
    .pop();
  return q ? textOperand(q) : null;
}

/** C-RATE-01/02: 100·numerator/denominator gives the stated rate for at least one denominator. */
function compareRate(
  ctx: Context,
  row: RateRelation,
  rate: Figure,
  numerator: Operand,
  dens: Operand[],
): Inconsistency | null {
  const stated = statedRate(ctx, rate);
  const n = numerator.bounds;
  const computed = dens.map((d) => {
    const b = d.bounds;
    const value: Interval = {
      lo: b.hi === Number.POSITIVE_INFINITY ? 0 : (100 * n.lo) / b.hi,
      hi: b.lo <= 0 ? Number.POSITIVE_INFINITY : (100 * n.hi) / b.lo,
    };
    return { den: d, value, point: (100 * numerator.value) / d.value };
  });
  const operands = [numerator, ...dens];
  const figures = [rate, ...operands.flatMap((o) => (o.picked ? [o.picked.figure] : []))];
  const quantities = operands.flatMap((o, i) =>
    o.quantity ? [textQuantity(o.quantity, i === 0 ? 'numerator' : 'denominator')] : [],
  );
  const passed = computed.some((c) => meet(c.value, stated));
  ctx.record('rate', relationId(row), figures, passed, quantities.length ? quantities : undefined);
  if (passed) return null;

  const exact = operands.every((o) => isPoint(o.bounds)) && isPoint(ctx.bounds(rate));
  // 0 successes make a 0% rate whatever the denominator, so a guessed denominator excuses nothing.
  const zero = isPoint(n) && n.lo === 0;
  const guessed = row.onFail === 'info' && dens.length > 0 && !zero;
  const decimals = ctx.decimals(rate);
  const ratios = computed
    .map((c) => `${numerator.show}/${c.den.show} = ${pct(c.point, decimals)}`)
    .join('、');
  let message: string;
  if (!exact) message = `${ctx.name(rate.key)} ${ctx.raw(rate)} 超出 ${ratios} 所允许的范围`;
  else if (guessed) message = `${ctx.name(rate.key)} ${ctx.raw(rate)} 与 ${ratios} 均不符,分母无法推定`;
  else message = `${ctx.name(rate.key)} ${ctx.raw(rate)} 与 ${ratios} 不符`;
  const result: Inconsistency = {
    check: 'rate',
    severity: severityOf(
      zero ? 'warning' : row.onFail,
      operands.map((o) => o.picked ?? null),
    ),
    figures: byPosition(figures),
    expected: `≈ ${computed.map((c) => `${pct(c.point, decimals)} (${numerator.show}/${c.den.show})`).join(' 或 ')}`,
    actual: ctx.raw(rate),
    message,
    relation: relationId(row),
  };
  if (quantities.length) result.quantities = quantities;
  return result;
}

function checkRate(
  ctx: Context,
  row: RateRelation,
  rate: Figure,
  checked: Set<Figure>,
): Inconsistency | null {
  if (row.numerator === null) return checkImpliedNumerator(ctx, row, rate, checked);
  const picked = ctx.pick(rate, row.numerator);
  if (!picked) return null;
  const numerator = figureOperand(ctx, picked);
  if (row.denominators.length === 0) {
    checked.add(rate);
    const den = cuedOperand(ctx, row, rate, row.numerator, picked.figure);
    if (den && den.value > 0) return compareRate(ctx, row, rate, numerator, [den]);
    return checkImpliedDenominator(ctx, row, rate, picked);
  }
  const dens = row.denominators
    .map((key) => ctx.pick(rate, key))
    .filter((p): p is Picked => p !== null && p.figure.value > 0 && ctx.scope(p.figure, picked.figure) >= 0)
    .map((p) => figureOperand(ctx, p));
  if (dens.length === 0) return null;
  checked.add(rate);
  return compareRate(ctx, row, rate, numerator, dens);
}

/**
 * `R = ? / D`: the count behind the rate is not a catalogue figure. When term_cue finds it in the
 * sentence ("459人考试合格"), compare as a rate; else R % of D must be a whole number (S0: 251 ×
 * 97.6% = 244.98 ≈ 245).
 */
function checkImpliedNumerator(
  ctx: Context,
  row: RateRelation,
  rate: Figure,
  checked: Set<Figure>,
): Inconsistency | null {
  if (checked.has(rate)) return null;
  const den = row.denominators.map((key) => ctx.pick(rate, key)).find((p) => p !== null);
  if (!den || den.figure.value <= 0) return null;
  const counted = cuedOperand(ctx, row, rate, den.figure.key, den.figure);
  if (counted) return compareRate(ctx, row, rate, counted, [figureOperand(ctx, den)]);
  if (rate.approx || den.figure.approx || !Number.isInteger(den.figure.value)) return null;
  const d = den.figure.value;
  const r = rate.value;
  const decimals = ctx.decimals(rate);
  const tol = rateTolerance(decimals);
  const k = Math.round((r * d) / 100);
  const passed = [k - 1, k, k + 1].some((c) => c >= 0 && c <= d && Math.abs((100 * c) / d - r) <= tol + EPS);
  ctx.record('implied-integer', relationId(row), [rate, den.figure], passed);
  if (passed) return null;
  const below = Math.max(0, Math.floor((r * d) / 100));
  const above = Math.min(d, below + 1);
  const options = [...new Set([below, above])].map((c) => `${c}/${d} = ${pct((100 * c) / d, decimals)}`);
  return {
    check: 'implied-integer',
    severity: severityOf(row.onFail, [den]),
    figures: byPosition([rate, den.figure]),
    expected: options.join(' 或 '),
    actual: `${num(d)} × ${ctx.raw(rate)} = ${num((r * d) / 100)}`,
    message: `${ctx.name(rate.key)} ${ctx.raw(rate)} 不可能出自 ${ctx.raw(den.figure)}:${num(d)} × ${ctx.raw(rate)} = ${num((r * d) / 100)},不是整数(${options.join(',')})`,
    relation: relationId(row),
  };
}

/** `R = N / ?`: some whole denominator D ≥ N gives R (S0: 1008/1033 = 97.58% for "97.57%"). */
function checkImpliedDenominator(
  ctx: Context,
  row: RateRelation,
  rate: Figure,
  numerator: Picked,
): Inconsistency | null {
  const n = numerator.figure;
  if (rate.approx || n.approx || !Number.isInteger(n.value)) return null;
  const r = rate.value;
  const tol = rateTolerance(ctx.decimals(rate));
  if (n.value === 0) return null; // 0 / D is 0 for any D; a non-zero rate is then a different matter
  if (r - tol <= 0) return null;
  const lo = Math.max(n.value, Math.ceil((100 * n.value) / (r + tol) - EPS));
  const hi = (100 * n.value) / (r - tol);
  const passed = lo <= hi + EPS;
  ctx.record('implied-integer', relationId(row), [rate, n], passed);
  if (passed) return null;
  const near = Math.max(n.value, Math.round((100 * n.value) / r));
  return {
    check: 'implied-integer',
    severity: severityOf(row.onFail, [numerator]),
    figures: byPosition([rate, n]),
    expected: `${num(n.value)}/D 对某个整数 D ≈ ${ctx.raw(rate)}`,
    actual: `${num(n.value)}/${near} = ${pct((100 * n.value) / near, ctx.decimals(rate))}`,
    message: `${ctx.name(rate.key)} ${ctx.raw(rate)} 与 ${ctx.raw(n)} 不相容:没有整数分母能得出该比率`,
    relation: relationId(row),
  };
}

// ── sums (C-SUM-01/02) ──────────────────────────────────────────────────────────────────────────

/**
 * Whether the listed parts may be all of the total: no 其中 before them, and no other quantity
 * in the same unit that no key claims among them (宣布失效3件 after 保留/废止/修改).
 */
function isExhaustive(ctx: Context, total: Figure, parts: Figure[]): boolean {
  const after = parts.filter((p) => p.span.start > total.span.start);
  const first = after[0];
  if (first && /其中|包括/u.test(ctx.text.slice(total.span.end, first.span.start))) return false;
  const last = parts[parts.length - 1] as Figure;
  const from = Math.min(total.span.end, (parts[0] as Figure).span.start);
  const to = Math.max(total.span.end, last.sentence.end);
  const units = ctx.relations.unitsOf.get(total.key);
  const involved = new Set([total, ...parts].map((f) => f.span.start));
  const seen = new Set<number>();
  for (const f of [total, ...parts]) {
    if (seen.has(f.sentence.start)) continue;
    seen.add(f.sentence.start);
    for (const q of ctx.quantitiesIn(f.sentence)) {
      if (q.start < from || q.start >= to || involved.has(q.start)) continue;
      if (!units?.has(baseUnit(q.unit))) continue;
      if (!ctx.figureAt(q)) return false;
    }
  }
  return true;
}

function checkSum(ctx: Context, row: SumRelation, total: Figure): Inconsistency | null {
  const present = ctx.coherent(
    row.parts.map((key) => ctx.pick(total, key)).filter((p): p is Picked => p !== null),
    total,
  );
  if (present.length === 0) return null;
  const parts = byPosition(present.map((p) => p.figure));
  const sum = parts.reduce<Interval>((acc, f) => add(acc, ctx.bounds(f)), { lo: 0, hi: 0 });
  const t = ctx.bounds(total);
  const exact = row.kind === 'sum' && present.length === row.parts.length && isExhaustive(ctx, total, parts);
  const ok = exact ? meet(sum, t) : sum.lo <= t.hi + EPS;
  ctx.record(exact ? 'sum' : 'partial-sum', relationId(row), [total, ...parts], ok);
  if (ok) return null;
  const pointSum = parts.reduce((acc, f) => acc + f.value, 0);
  const terms = parts.map((f) => ctx.raw(f)).join(' + ');
  const unit = total.unit;
  return {
    check: exact ? 'sum' : 'partial-sum',
    severity: severityOf(row.onFail, present),
    figures: byPosition([total, ...parts]),
    expected: exact ? `${terms} = ${num(pointSum)}${unit}` : `≥ ${terms} = ${num(pointSum)}${unit}`,
    actual: ctx.raw(total),
    message: exact
      ? `${ctx.label(total)} 与各项之和 ${parts.map((f) => ctx.label(f)).join(' + ')} = ${num(pointSum)}${unit} 不符`
      : `${parts.map((f) => ctx.label(f)).join(' + ')} = ${num(pointSum)}${unit},超过了 ${ctx.label(total)}`,
    relation: relationId(row),
  };
}

// ── order (C-LE-01) ─────────────────────────────────────────────────────────────────────────────

/** Carried-over counts stated in the lesser figure's sentence ("审结187件(含往年结转9件)"). */
function carriedOver(ctx: Context, row: OrderRelation, lesser: Figure, greater: Figure): Quantity[] {
  if (!row.carried || !row.termCue) return [];
  return ctx.cued(lesser.sentence, row.termCue, lesser.key).filter((q) => {
    if (q.start === lesser.span.start || q.start === greater.span.start) return false;
    // "受理195件(含结转9件)": the greater count already includes them.
    const between = ctx.text.slice(greater.span.end, q.start);
    return !(q.start > greater.span.end && /^\s*[(（][^)）]*$/u.test(between));
  });
}

function checkOrder(ctx: Context, row: OrderRelation, lesser: Figure): Inconsistency | null {
  const picked = ctx.pick(lesser, row.greater);
  if (!picked) return null;
  const greater = picked.figure;
  const carried = carriedOver(ctx, row, lesser, greater);
  const extra = carried.reduce((acc, q) => acc + q.value, 0);
  const extraHi = carried.reduce((acc, q) => acc + boundsOf(q.value, q.approx, q.range).hi, 0);
  const l = ctx.bounds(lesser);
  const g = ctx.bounds(greater);
  const passed = l.lo <= g.hi + extraHi + EPS;
  const carriedQuantities = carried.map((q) => textQuantity(q, 'carried'));
  ctx.record(
    'order',
    relationId(row),
    [lesser, greater],
    passed,
    carried.length ? carriedQuantities : undefined,
  );
  if (passed) return null;
  // Without a stated carry-over the lesser count may still include last year's cases.
  const unstated = row.carried && carried.length === 0;
  const severity = unstated ? 'info' : severityOf(row.onFail, [picked]);
  const bound = carried.length
    ? `${ctx.raw(greater)} + 结转${carried.map((q) => q.raw).join(' + ')} = ${num(greater.value + extra)}${greater.unit}`
    : ctx.raw(greater);
  const result: Inconsistency = {
    check: 'order',
    severity,
    figures: byPosition([lesser, greater]),
    expected: `≤ ${bound}`,
    actual: ctx.raw(lesser),
    message: `${ctx.label(lesser)} 超过了 ${ctx.name(greater.key)} ${bound}${unstated ? '(未说明是否含往年结转)' : ''}`,
    relation: relationId(row),
  };
  if (carried.length) result.quantities = carriedQuantities;
  return result;
}

// ── stock–flow (C-FLOW-01) ──────────────────────────────────────────────────────────────────────

function isStartStock(ctx: Context, row: FlowRelation, f: Figure): boolean {
  return row.termCue?.test(ctx.text.slice(f.quoteSpan.start, f.span.start)) ?? false;
}

function checkFlow(
  ctx: Context,
  row: FlowRelation,
  end: Figure,
  starts: ReadonlySet<Figure>,
): Inconsistency | null {
  if (!row.termCue) return null;
  const inflows = row.inflows.map((key) => ctx.pick(end, key, starts));
  const outflows = row.outflows.map((key) => ctx.pick(end, key, starts));
  const flows = [...inflows, ...outflows];
  if (flows.some((p) => p === null)) return null;
  if (ctx.coherent(flows as Picked[], end).length !== flows.length) return null;
  const members = [end, ...flows.map((p) => (p as Picked).figure)];
  // The start stock is stated in the sentences of the figures or the sentence before them.
  const paragraph = ctx.paragraphSpan(end.span.start);
  const sentences = sentenceSpans(ctx.text, paragraph);
  const firstStart = Math.min(...members.map((f) => f.sentence.start));
  const firstIndex = sentences.findIndex((s) => s.end > firstStart);
  const allowed = new Set(members.map((f) => f.sentence.start));
  const before = sentences[firstIndex - 1];
  if (before) allowed.add(before.start);
  const candidates = sentences
    .filter((s) => allowed.has(s.start))
    .flatMap((s) => ctx.cued(s, row.termCue as RegExp, row.end))
    .filter((q) => !members.some((f) => f.span.start === q.start) && q.start < end.span.start);
  if (candidates.length === 0) return null;
  const start = candidates.reduce((a, b) => (end.span.start - b.start < end.span.start - a.start ? b : a));
  let balance = boundsOf(start.value, start.approx, start.range);
  for (const p of inflows) balance = add(balance, ctx.bounds((p as Picked).figure));
  for (const p of outflows) balance = sub(balance, ctx.bounds((p as Picked).figure));
  const startFigure = ctx.figureAt(start);
  const involved = [...members, ...(startFigure ? [startFigure] : [])];
  const passed = meet(balance, ctx.bounds(end));
  ctx.record('stock-flow', relationId(row), involved, passed, [textQuantity(start, 'start')]);
  if (passed) return null;
  const computed =
    start.value +
    inflows.reduce((a, p) => a + (p as Picked).figure.value, 0) -
    outflows.reduce((a, p) => a + (p as Picked).figure.value, 0);
  const formula = [
    start.raw,
    ...inflows.map((p) => `+ ${ctx.raw((p as Picked).figure)}`),
    ...outflows.map((p) => `− ${ctx.raw((p as Picked).figure)}`),
  ].join(' ');
  return {
    check: 'stock-flow',
    severity: severityOf(row.onFail, flows),
    figures: byPosition(involved),
    expected: `${formula} = ${num(computed)}${end.unit}`,
    actual: ctx.raw(end),
    message: `${ctx.label(end)} 与期初 ${start.raw}${inflows.map((p) => ` + ${ctx.label((p as Picked).figure)}`).join('')}${outflows.map((p) => ` − ${ctx.label((p as Picked).figure)}`).join('')} = ${num(computed)}${end.unit} 不符`,
    relation: relationId(row),
    quantities: [textQuantity(start, 'start')],
  };
}

// ── built-in: 其中 breakdowns with the total's key ───────────────────────────────────────────────

/**
 * "共制发规范性文件30件,其中以市政府名义印发规范性文件12件…": figures after 其中 that carry the
 * total's own key are parts of it, so they add to at most the total.
 */
function checkBreakdowns(ctx: Context): Inconsistency[] {
  const out: Inconsistency[] = [];
  ctx.figures.forEach((total, i) => {
    const next = ctx.figures[i + 1];
    if (!next || next.sentence.start !== total.sentence.start) return;
    if (!/^[^,，;；。]{0,3}[,，]?\s*其中/u.test(ctx.text.slice(total.span.end, next.span.start))) return;
    const parts: Figure[] = [];
    for (let j = i + 1; j < ctx.figures.length; j++) {
      const f = ctx.figures[j] as Figure;
      if (f.sentence.start !== total.sentence.start || f.key !== total.key) break;
      parts.push(f);
    }
    if (parts.length === 0) return;
    const sum = parts.reduce<Interval>((acc, f) => add(acc, ctx.bounds(f)), { lo: 0, hi: 0 });
    const passed = sum.lo <= ctx.bounds(total).hi + EPS;
    ctx.record('partial-sum', 'builtin:breakdown', [total, ...parts], passed);
    if (passed) return;
    const pointSum = parts.reduce((a, f) => a + f.value, 0);
    out.push({
      check: 'partial-sum',
      severity: 'warning',
      figures: [total, ...parts],
      expected: `≥ ${parts.map((f) => ctx.raw(f)).join(' + ')} = ${num(pointSum)}${total.unit}`,
      actual: ctx.raw(total),
      message: `${ctx.name(total.key)}:其中 ${parts.length > 1 ? `${parts.map((f) => ctx.raw(f)).join(' + ')} = ${num(pointSum)}${total.unit}` : ctx.raw(parts[0] as Figure)},超过了总数 ${ctx.raw(total)}`,
      relation: 'builtin:breakdown',
    });
  });
  return out;
}

// ── built-in: shares (C-SHARE-01) ───────────────────────────────────────────────────────────────

interface Share {
  q: Quantity;
  /** The text of the total in "占T的P", or '' for 占比/占 of the sentence's common total. */
  of: string;
  /** Index of q in the sentence's quantities. */
  index: number;
  /**
   * Whether the share surely is one of parallel categories of one total: an item of a list
   * ("分别占60%、30%和10%"), a share of a named total ("占…的"), or a 占比 right after its
   * category's count ("行政处罚850件,占比17%"). A bare "党员占比45%,女性占比51%" may be
   * overlapping categories.
   */
  parallel: boolean;
}

const PERCENT = new Set(['%', '％']);

function decimalsOf(raw: string): number {
  const m = /\d[.．](\d+)/u.exec(raw);
  return m ? (m[1] as string).length : 0;
}

function sharesOf(text: string, sentence: Span, qs: Quantity[]): Share[] {
  const shares: Share[] = [];
  qs.forEach((q, index) => {
    if (!PERCENT.has(q.unit)) return;
    const prev = qs[index - 1];
    const clause = text.slice(clauseStart(text, sentence.start, q.start), q.start);
    const last = shares[shares.length - 1];
    // "分别占45%、30%和25%": the items of a list share the first one's total.
    if (prev && last && last.q === prev && /^\s*[、和及与]?\s*$/u.test(text.slice(prev.end, q.start))) {
      last.parallel = true;
      shares.push({ q, of: last.of, index, parallel: true });
      return;
    }
    const local = text.slice(
      Math.max(clauseStart(text, sentence.start, q.start), prev ? prev.end : sentence.start),
      q.start,
    );
    const of = /占([^占,，;；。]{1,40})的$/u.exec(clause);
    if (of) {
      shares.push({ q, of: of[1] as string, index, parallel: true });
    } else if (/占(比|比重|总数|总量|全部)?(为|达|达到|约)?$/u.test(local)) {
      // The category's count right before its share, in the previous clause at most.
      const counted =
        prev !== undefined &&
        prev.unit !== '' &&
        !PERCENT.has(prev.unit) &&
        (last === undefined || last.q.end <= prev.start) &&
        !/[;；。]/u.test(text.slice(prev.end, q.start));
      shares.push({ q, of: '', index, parallel: counted });
    }
  });
  return shares;
}

function shareFinding(
  ctx: Context,
  share: Share,
  part: Quantity,
  total: Quantity,
  severity: FailSeverity,
): Inconsistency | null {
  if (part.approx || total.approx || share.q.approx || total.value <= 0) return null;
  const decimals = decimalsOf(share.q.raw);
  const computed = (100 * part.value) / total.value;
  const figures = [part, total].map((q) => ctx.figureAt(q)).filter((f): f is Figure => f !== undefined);
  const quantities = [
    textQuantity(share.q, 'share'),
    textQuantity(part, 'part'),
    textQuantity(total, 'total'),
  ];
  const passed = Math.abs(computed - share.q.value) <= rateTolerance(decimals) + EPS;
  ctx.record('share', 'builtin:share', figures, passed, quantities);
  if (passed) return null;
  return {
    check: 'share',
    severity,
    figures: byPosition(figures),
    expected: `≈ ${pct(computed, decimals)} (${part.raw}/${total.raw})`,
    actual: share.q.raw,
    message: `占比 ${share.q.raw} 与 ${part.raw}/${total.raw} = ${pct(computed, decimals)} 不符`,
    relation: 'builtin:share',
    quantities,
  };
}

function checkShares(ctx: Context): Inconsistency[] {
  const out: Inconsistency[] = [];
  const text = ctx.text;
  // Shares of one total run across ；("行政许可…占比82%;行政处罚…占比17%"), so sentences here end
  // only at 。!? and line ends.
  for (const sentence of sentenceSpans(text.replace(/[;；]/gu, ','), { start: 0, end: text.length })) {
    if (!/占/u.test(text.slice(sentence.start, sentence.end))) continue;
    const qs = ctx.quantitiesIn(sentence);
    const shares = sharesOf(text, sentence, qs);
    // Shares of one total add up to at most 100%.
    const groups = new Map<string, Share[]>();
    for (const s of shares) groups.set(s.of, [...(groups.get(s.of) ?? []), s]);
    for (const group of groups.values()) {
      if (group.length < 2 || group.some((s) => s.q.approx === 'over')) continue;
      const sum = group.reduce((a, s) => a + s.q.value, 0);
      const slack = group.reduce((a, s) => a + rateTolerance(decimalsOf(s.q.raw)), 0);
      const tol = Math.max(0.1 * group.length, slack);
      const passed = sum <= 100 + tol;
      const quantities = group.map((s) => textQuantity(s.q, 'share'));
      ctx.record('share', 'builtin:share', [], passed, quantities);
      if (passed) continue;
      out.push({
        check: 'share',
        severity: group.every((s) => s.parallel) ? 'warning' : 'info',
        figures: [],
        expected: '≤ 100%',
        actual: `${group.map((s) => s.q.raw).join(' + ')} = ${num(sum)}%`,
        message: `各项占比之和 ${group.map((s) => s.q.raw).join(' + ')} = ${num(sum)}%,超过 100%`,
        relation: 'builtin:share',
        quantities,
      });
    }
    // Each share against its counts, when the text gives them.
    for (const share of shares) {
      const q = share.q;
      if (share.of) {
        // "失联人员…降至7人,…占…刑释人员4532人的0.15%": the total is inside 占…的, the part is the
        // nearest count before it in the same unit (a guess, hence info).
        const ofStart = text.lastIndexOf(share.of, q.start);
        const total = qs.find(
          (t) => t.start >= ofStart && t.end <= q.start && !PERCENT.has(t.unit) && t.unit,
        );
        if (!total) continue;
        const part = qs.filter((p) => p.end <= ofStart && baseUnit(p.unit) === baseUnit(total.unit)).pop();
        if (!part) continue;
        const f = shareFinding(ctx, share, part, total, 'info');
        if (f) out.push(f);
      } else {
        // "共办理案件34482件,其中行政许可32424件,占比94.03%": the part is the count right before the
        // share, the total the sentence's first count in that unit, marked by 共/总/合计 or 其中.
        // Only the count of the share's own clause or the one before ("行政许可4100件,占比82%").
        const part = qs[share.index - 1];
        if (!part || PERCENT.has(part.unit) || !part.unit) continue;
        if (!/^[^,，;；。:：]{0,12}[,，]?[^,，;；。:：]{0,12}$/u.test(text.slice(part.end, q.start)))
          continue;
        const total = qs.find((t) => baseUnit(t.unit) === baseUnit(part.unit) && t.start < part.start);
        if (!total) continue;
        const marked =
          /(共|合计|总计|累计|总数|总量)[^,，;；。]{0,16}$/u.test(
            text.slice(clauseStart(text, sentence.start, total.start), total.start),
          ) || /^[,，]?\s*其中/u.test(text.slice(total.end, total.end + 4));
        if (!marked) continue;
        const f = shareFinding(ctx, share, part, total, 'warning');
        if (f) out.push(f);
      }
    }
  }
  return out;
}

// ── entry point ─────────────────────────────────────────────────────────────────────────────────

/**
 * Check the figures of one report against each other.
 *
 * @param input the report's normalized text and its catalogue figures (a `Report` will do)
 * @param relations compiled `data/relations.tsv` ({@link compileRelations})
 * @returns the failed checks in document order of their first figure; nothing when all agree
 * @example
 * const report = analyze(text, { knowledge });
 * checkConsistency(report, relations);
 * // → [{ check: 'rate', severity: 'warning', expected: '≈ 94.78% (3284/3465)', actual: '95.78%', … }]
 */
export function checkConsistency(
  input: ConsistencyInput,
  relations: Relations,
  options: ConsistencyOptions = {},
): Inconsistency[] {
  return evaluateConsistency(input, relations, options).inconsistencies;
}

/**
 * {@link checkConsistency}, and every check that could be evaluated, passed or not: what a pass
 * rate of the §6 checks (domain Q6) counts, and what shows that a relation was checked at all.
 */
export function evaluateConsistency(
  input: ConsistencyInput,
  relations: Relations,
  options: ConsistencyOptions = {},
): { inconsistencies: Inconsistency[]; evaluated: EvaluatedCheck[] } {
  const builtins = options.builtins ?? true;
  const ctx = new Context(input.text, input.figures, relations, options.uniqueAcrossParagraphs ?? true);
  const out: Inconsistency[] = [];
  const range = checkRateRange(ctx);
  if (builtins) out.push(...range.out);

  // Rates with a numerator first, so that `? / D` only covers rates whose counts are not stated.
  const rows = [...relations.rows].sort(
    (a, b) =>
      Number(a.kind === 'rate' && a.numerator === null) - Number(b.kind === 'rate' && b.numerator === null),
  );
  const checkedRates = new Set<Figure>();
  for (const row of rows) {
    switch (row.kind) {
      case 'sum':
      case 'partial':
        for (const total of ctx.of(row.total)) {
          const f = checkSum(ctx, row, total);
          if (f) out.push(f);
        }
        break;
      case 'le':
        for (const lesser of ctx.of(row.lesser)) {
          const f = checkOrder(ctx, row, lesser);
          if (f) out.push(f);
        }
        break;
      case 'rate':
        for (const rate of ctx.of(row.rate)) {
          if (range.bad.has(rate)) continue;
          const f = checkRate(ctx, row, rate, checkedRates);
          if (f) out.push(f);
        }
        break;
      case 'flow': {
        const starts = new Set(ctx.of(row.end).filter((f) => isStartStock(ctx, row, f)));
        for (const end of ctx.of(row.end)) {
          if (starts.has(end)) continue;
          const f = checkFlow(ctx, row, end, starts);
          if (f) out.push(f);
        }
        break;
      }
    }
  }
  if (builtins) out.push(...checkBreakdowns(ctx), ...checkShares(ctx));

  const seen = new Set<string>();
  const position = (i: Inconsistency): number =>
    i.figures[0]?.span.start ?? i.quantities?.[0]?.span.start ?? Number.POSITIVE_INFINITY;
  const inconsistencies = out
    .filter((i) => {
      const key = `${i.check}|${i.relation}|${i.figures.map((f) => f.span.start).join(',')}|${i.actual}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => position(a) - position(b));
  const evaluated = builtins
    ? ctx.evaluated
    : ctx.evaluated.filter((e) => !e.relation.startsWith('builtin:'));
  return { inconsistencies, evaluated };
}
