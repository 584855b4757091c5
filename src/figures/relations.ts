/**
 * Relations between indicator keys (domain §5 "⟂", §6), compiled from `data/relations.tsv`: which
 * figures add up, which bound which, which rate is which count over which. The file is data a
 * domain expert extends; this module only parses it, checks every key against the catalogue and
 * explains mistakes with their line number. The checks themselves are in `consistency.ts`.
 *
 * Formula grammar (one per row, spaces optional, `≤ ≥ −` accepted for `<= >= -`):
 *
 * | kind      | formula                                   | meaning                                   |
 * |-----------|-------------------------------------------|-------------------------------------------|
 * | `sum`     | `T = A + B + C`                           | T = Σ parts when every part is listed     |
 * | `partial` | `T >= A + B`                              | Σ listed parts ≤ T (disjoint subsets of T)|
 * | `le`      | `A <= B` or `A <= B + carried`            | A ≤ B (+ a carried-over count)            |
 * | `rate`    | `R = N / D1 \| D2`, `R = ? / D`, `R = N / ?` | R% = 100·N/D for some candidate D      |
 * | `flow`    | `E = start + I - O`                       | end stock = start stock + in − out        |
 */
import type { Catalogue } from './catalogue.js';

/** What a failed check means when its operands are exact: a likely data error, or only a note. */
export type FailSeverity = 'warning' | 'info';

interface RelationBase {
  /** Stable id, unique in the file. */
  id: string;
  /** Line in relations.tsv. */
  line: number;
  onFail: FailSeverity;
  /** Marks the quantity of a `carried` or `start` term in the text; null when the row has none. */
  termCue: RegExp | null;
  note: string;
}

/** `T = A + B` (kind `sum`) or `T >= A + B` (kind `partial`). */
export interface SumRelation extends RelationBase {
  kind: 'sum' | 'partial';
  total: string;
  parts: string[];
}

/** `lesser <= greater` (+ the carried-over count marked by `termCue` when `carried`). */
export interface OrderRelation extends RelationBase {
  kind: 'le';
  lesser: string;
  greater: string;
  carried: boolean;
}

/**
 * `rate = numerator / denominators[0] | denominators[1] …`. A `?` is a count without a catalogue
 * key: when `termCue` finds it in the rate's sentence it is used as stated; otherwise a null
 * numerator asks only that rate × denominator be a whole number, and empty denominators ask only
 * that some whole denominator give the rate.
 */
export interface RateRelation extends RelationBase {
  kind: 'rate';
  rate: string;
  numerator: string | null;
  denominators: string[];
}

/** `end = start + inflows − outflows`; the start stock is read from the text with `termCue`. */
export interface FlowRelation extends RelationBase {
  kind: 'flow';
  end: string;
  inflows: string[];
  outflows: string[];
}

export type Relation = SumRelation | OrderRelation | RateRelation | FlowRelation;
export type RelationKind = Relation['kind'];

/** The compiled relations, with what the checks need to know of the catalogue. */
export interface Relations {
  rows: Relation[];
  /** Chinese names of the keys (indicators.tsv `name_zh`), for messages. */
  names: Map<string, string>;
  /** Keys whose unit is `%`: their figures must lie in [0, 100] (C-RATE-03). */
  rateKeys: Set<string>;
  /** Every unit accepted for a key, synonyms included (from the catalogue). */
  unitsOf: Map<string, Set<string>>;
}

const KINDS = new Set<RelationKind>(['sum', 'partial', 'le', 'rate', 'flow']);
const FILE = 'relations.tsv';

type Token = { type: 'key'; text: string } | { type: 'op'; text: string };

const TOKEN = /\s*(<=|>=|≤|≥|=|\+|-|−|\/|\||\?|[A-Za-z_][\w.]*)\s*/uy;
const OP_ALIASES: Record<string, string> = { '≤': '<=', '≥': '>=', '−': '-' };

function fail(line: number, message: string): never {
  throw new Error(`${FILE}:${line}: ${message}`);
}

function tokenize(formula: string, line: number): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < formula.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(formula);
    if (!m || m[0].length === 0) {
      if (formula.slice(pos).trim() === '') break;
      fail(line, `cannot read the formula at ${JSON.stringify(formula.slice(pos, pos + 12))}`);
    }
    const text = m[1] as string;
    tokens.push(
      /^[A-Za-z_]/u.test(text) ? { type: 'key', text } : { type: 'op', text: OP_ALIASES[text] ?? text },
    );
    pos += m[0].length;
  }
  return tokens;
}

/** A tiny cursor over the tokens of one formula, with errors that name the row. */
class Reader {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly line: number,
    private readonly formula: string,
  ) {}
  peek(): Token | undefined {
    return this.tokens[this.i];
  }
  done(): boolean {
    return this.i >= this.tokens.length;
  }
  op(expected: string): void {
    const t = this.tokens[this.i];
    if (t?.type !== 'op' || t.text !== expected) {
      fail(
        this.line,
        `expected "${expected}" ${t ? `before "${t.text}"` : 'at the end'} in ${JSON.stringify(this.formula)}`,
      );
    }
    this.i++;
  }
  maybeOp(expected: string): boolean {
    const t = this.tokens[this.i];
    if (t && t.type === 'op' && t.text === expected) {
      this.i++;
      return true;
    }
    return false;
  }
  key(): string {
    const t = this.tokens[this.i];
    if (t?.type !== 'key') {
      fail(
        this.line,
        `expected an indicator key ${t ? `before "${t.text}"` : 'at the end'} in ${JSON.stringify(this.formula)}`,
      );
    }
    this.i++;
    return t.text;
  }
  end(): void {
    const t = this.tokens[this.i];
    if (t) fail(this.line, `unexpected "${t.text}" in ${JSON.stringify(this.formula)}`);
  }
}

type Parsed =
  | Omit<SumRelation, keyof RelationBase>
  | Omit<OrderRelation, keyof RelationBase>
  | Omit<RateRelation, keyof RelationBase>
  | Omit<FlowRelation, keyof RelationBase>;

function parseFormula(kind: RelationKind, formula: string, line: number): Parsed {
  const r = new Reader(tokenize(formula, line), line, formula);
  switch (kind) {
    case 'sum':
    case 'partial': {
      const total = r.key();
      r.op(kind === 'sum' ? '=' : '>=');
      const parts = [r.key()];
      while (r.maybeOp('+')) parts.push(r.key());
      r.end();
      if (kind === 'sum' && parts.length < 2) fail(line, 'a sum needs at least two parts (use le for one)');
      return { kind, total, parts };
    }
    case 'le': {
      const lesser = r.key();
      r.op('<=');
      const greater = r.key();
      let carried = false;
      if (r.maybeOp('+')) {
        const term = r.key();
        if (term !== 'carried')
          fail(line, `only "carried" may be added to the right side of le, not "${term}"`);
        carried = true;
      }
      r.end();
      return { kind, lesser, greater, carried };
    }
    case 'rate': {
      const rate = r.key();
      r.op('=');
      const numerator = r.maybeOp('?') ? null : r.key();
      r.op('/');
      const denominators: string[] = [];
      if (!r.maybeOp('?')) {
        denominators.push(r.key());
        while (r.maybeOp('|')) denominators.push(r.key());
      }
      r.end();
      if (numerator === null && denominators.length === 0)
        fail(line, 'a rate needs a numerator or a denominator');
      return { kind, rate, numerator, denominators };
    }
    case 'flow': {
      const end = r.key();
      r.op('=');
      const start = r.key();
      if (start !== 'start') fail(line, `a flow starts with the term "start", not "${start}"`);
      const inflows: string[] = [];
      const outflows: string[] = [];
      while (!r.done()) {
        if (r.maybeOp('+')) inflows.push(r.key());
        else if (r.maybeOp('-')) outflows.push(r.key());
        else r.op('+');
      }
      if (inflows.length + outflows.length === 0) fail(line, 'a flow needs at least one inflow or outflow');
      return { kind, end, inflows, outflows };
    }
  }
}

function keysOf(p: Parsed): string[] {
  switch (p.kind) {
    case 'sum':
    case 'partial':
      return [p.total, ...p.parts];
    case 'le':
      return [p.lesser, p.greater];
    case 'rate':
      return [p.rate, ...(p.numerator ? [p.numerator] : []), ...p.denominators];
    case 'flow':
      return [p.end, ...p.inflows, ...p.outflows];
  }
}

/**
 * Compile the text of relations.tsv against the catalogue.
 *
 * @throws Error `relations.tsv:<line>: …` for an unknown kind or key, a formula that does not read,
 *   a rate key without `%`, counts in incompatible units, a missing term cue, a duplicate id.
 * @example
 * const relations = compileRelations(readFileSync(dataPath('relations.tsv'), 'utf8'), catalogue);
 */
export function compileRelations(source: string, catalogue: Catalogue): Relations {
  const rows: Relation[] = [];
  const ids = new Map<string, number>();
  source.split(/\r?\n/u).forEach((text, index) => {
    if (text.trim() === '' || text.startsWith('#')) return;
    const line = index + 1;
    const cells = text.split('\t');
    if (cells.length < 4) fail(line, `${cells.length} columns, at least 4 (id, kind, formula, on_fail)`);
    if (cells.length > 6)
      fail(line, `${cells.length} columns, at most 6 (id, kind, formula, on_fail, term_cue, note)`);
    const [id, kind, formula, onFail, termCue, note] = cells.map((c) => c.trim());
    if (!id) fail(line, 'empty id');
    const previous = ids.get(id);
    if (previous !== undefined) fail(line, `duplicate id "${id}" (first on line ${previous})`);
    ids.set(id, line);
    if (!KINDS.has(kind as RelationKind)) {
      fail(line, `unknown kind "${kind}" (one of ${[...KINDS].join(', ')})`);
    }
    if (onFail !== 'warning' && onFail !== 'info')
      fail(line, `on_fail must be warning or info, not "${onFail}"`);
    const parsed = parseFormula(kind as RelationKind, formula ?? '', line);
    const keys = keysOf(parsed);
    for (const key of keys) {
      if (!catalogue.indicators.has(key)) fail(line, `unknown key "${key}" (not in indicators.tsv)`);
    }
    if (new Set(keys).size !== keys.length) fail(line, 'a key appears twice in the formula');
    const isRateKey = (key: string): boolean => catalogue.indicators.get(key)?.units.includes('%') ?? false;
    if (parsed.kind === 'rate') {
      if (!isRateKey(parsed.rate)) fail(line, `"${parsed.rate}" is not a rate (its unit is not %)`);
      for (const key of keys.slice(1)) if (isRateKey(key)) fail(line, `"${key}" is a rate, not a count`);
    } else {
      for (const key of keys)
        if (isRateKey(key)) fail(line, `"${key}" is a rate; ${parsed.kind} relates counts`);
      // Never add or compare counts of different things (件 with 人): their units must meet.
      const first = keys[0] as string;
      const units = catalogue.unitsOf.get(first) ?? new Set<string>();
      for (const key of keys.slice(1)) {
        const other = catalogue.unitsOf.get(key) ?? new Set<string>();
        if (![...other].some((u) => units.has(u))) {
          fail(line, `"${key}" and "${first}" are counted in different units`);
        }
      }
    }
    const needsCue = (parsed.kind === 'le' && parsed.carried) || parsed.kind === 'flow';
    // A rate's `?` may be read from the text when a cue marks it ("459人考试合格").
    const mayCue =
      needsCue || (parsed.kind === 'rate' && (parsed.numerator === null || parsed.denominators.length === 0));
    let cue: RegExp | null = null;
    if (termCue) {
      try {
        cue = new RegExp(termCue, 'u');
      } catch (error) {
        fail(line, `invalid term_cue ${JSON.stringify(termCue)}: ${(error as Error).message}`);
      }
    }
    if (needsCue && !cue)
      fail(line, `the formula uses ${parsed.kind === 'flow' ? 'start' : 'carried'}, so term_cue is required`);
    if (!mayCue && cue) fail(line, 'term_cue is only for formulas with carried, start or a rate with ?');
    rows.push({ ...parsed, id, line, onFail, termCue: cue, note: note ?? '' } as Relation);
  });

  const names = new Map<string, string>();
  const rateKeys = new Set<string>();
  for (const def of catalogue.indicators.values()) {
    names.set(def.key, shortName(def.nameZh));
    if (def.units.includes('%')) rateKeys.add(def.key);
  }
  return { rows, names, rateKeys, unitsOf: catalogue.unitsOf };
}

/** The first alternative of a catalogue name ("好评率/满意率" → "好评率"), for compact messages. */
function shortName(nameZh: string): string {
  return nameZh.split('/')[0] ?? nameZh;
}
