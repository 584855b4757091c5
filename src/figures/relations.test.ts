import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath, loadKnowledge } from '../knowledge/load.js';
import { compileRelations, type Relation } from './relations.js';

const { catalogue } = loadKnowledge();

/** Compile rows written after a comment line, so that errors name line 2 and on. */
function compile(...rows: string[]) {
  return compileRelations(['# test', ...rows].join('\n'), catalogue);
}

function row(...cells: string[]): string {
  return cells.join('\t');
}

describe('compileRelations on data/relations.tsv', () => {
  const relations = compileRelations(readFileSync(dataPath('relations.tsv'), 'utf8'), catalogue);

  it('compiles every row, with every kind', () => {
    expect(relations.rows.length).toBeGreaterThanOrEqual(20);
    expect(new Set(relations.rows.map((r) => r.kind))).toEqual(
      new Set(['sum', 'partial', 'le', 'rate', 'flow']),
    );
    expect(new Set(relations.rows.map((r) => r.id)).size).toBe(relations.rows.length);
  });

  it('knows the rate keys and the Chinese names of the catalogue', () => {
    expect(relations.rateKeys.has('mediation.success_rate')).toBe(true);
    expect(relations.rateKeys.has('mediation.cases')).toBe(false);
    expect(relations.names.get('mediation.success_rate')).toBe('调解成功率');
  });

  it('records the line of each row', () => {
    const text = readFileSync(dataPath('relations.tsv'), 'utf8').split('\n');
    for (const r of relations.rows) expect(text[r.line - 1]?.startsWith(`${r.id}\t`)).toBe(true);
  });
});

describe('formulas', () => {
  it('reads a sum and a partial sum', () => {
    const [sum, partial] = compile(
      row(
        's',
        'sum',
        'normative_docs.cleaned = normative_docs.retained + normative_docs.repealed',
        'warning',
      ),
      row(
        'p',
        'partial',
        'reconsideration.closed ≥ reconsideration.corrected+reconsideration.settled',
        'info',
      ),
    ).rows;
    expect(sum).toMatchObject({
      kind: 'sum',
      total: 'normative_docs.cleaned',
      parts: ['normative_docs.retained', 'normative_docs.repealed'],
      onFail: 'warning',
      line: 2,
    });
    expect(partial).toMatchObject({
      kind: 'partial',
      total: 'reconsideration.closed',
      onFail: 'info',
      line: 3,
    });
  });

  it('reads an order with and without a carried-over term', () => {
    const [plain, carried] = compile(
      row('a', 'le', 'mediation.succeeded <= mediation.cases', 'warning'),
      row('b', 'le', 'arbitration.closed <= arbitration.accepted + carried', 'warning', '结转'),
    ).rows as Relation[];
    expect(plain).toMatchObject({
      lesser: 'mediation.succeeded',
      greater: 'mediation.cases',
      carried: false,
    });
    expect(carried).toMatchObject({ carried: true, termCue: /结转/u });
  });

  it('reads rates with candidate denominators and with unknowns', () => {
    const rows = compile(
      row(
        'a',
        'rate',
        'litigation.loss_rate = litigation.lost / litigation.cases | litigation.heard',
        'info',
      ),
      row('b', 'rate', 'enforcement.exam_pass_rate = ? / enforcement.exam_takers', 'warning'),
      row('c', 'rate', 'supervision.claim_rate = supervision.items_claimed / ?', 'warning', '应认领'),
    ).rows;
    expect(rows[0]).toMatchObject({
      numerator: 'litigation.lost',
      denominators: ['litigation.cases', 'litigation.heard'],
    });
    expect(rows[1]).toMatchObject({ numerator: null, denominators: ['enforcement.exam_takers'] });
    expect(rows[2]).toMatchObject({ numerator: 'supervision.items_claimed', denominators: [] });
  });

  it('reads a stock-flow', () => {
    const [flow] = compile(
      row(
        'f',
        'flow',
        'community_correction.on_register = start + community_correction.received − community_correction.released',
        'info',
        '年初',
      ),
    ).rows;
    expect(flow).toMatchObject({
      end: 'community_correction.on_register',
      inflows: ['community_correction.received'],
      outflows: ['community_correction.released'],
    });
  });
});

describe('errors name the line', () => {
  const cases: [string, string, RegExp][] = [
    [
      'unknown key',
      row('x', 'le', 'mediation.succeeded <= mediation.nope', 'warning'),
      /relations\.tsv:2: unknown key "mediation\.nope"/,
    ],
    ['unknown kind', row('x', 'ratio', 'a = b', 'warning'), /relations\.tsv:2: unknown kind "ratio"/],
    [
      'bad severity',
      row('x', 'le', 'mediation.succeeded <= mediation.cases', 'error'),
      /relations\.tsv:2: on_fail must be/,
    ],
    [
      'too few columns',
      row('x', 'le', 'mediation.succeeded <= mediation.cases'),
      /relations\.tsv:2: 3 columns/,
    ],
    [
      'wrong operator',
      row(
        'x',
        'sum',
        'normative_docs.cleaned <= normative_docs.retained + normative_docs.amended',
        'warning',
      ),
      /relations\.tsv:2: expected "="/,
    ],
    [
      'trailing junk',
      row('x', 'le', 'mediation.succeeded <= mediation.cases mediation.cases', 'warning'),
      /relations\.tsv:2: unexpected "mediation\.cases"/,
    ],
    [
      'unreadable',
      row('x', 'le', 'mediation.succeeded <= 调解', 'warning'),
      /relations\.tsv:2: cannot read the formula/,
    ],
    [
      'rate that is not %',
      row('x', 'rate', 'mediation.cases = mediation.succeeded / mediation.cases', 'warning'),
      /relations\.tsv:2: .*(twice|not a rate)/,
    ],
    [
      'count that is a rate',
      row('x', 'rate', 'mediation.success_rate = litigation.loss_rate / mediation.cases', 'warning'),
      /relations\.tsv:2: "litigation\.loss_rate" is a rate/,
    ],
    [
      'units that differ',
      row('x', 'le', 'community_correction.received <= mediation.cases', 'warning'),
      /relations\.tsv:2: .*different units/,
    ],
    [
      'carried without a cue',
      row('x', 'le', 'arbitration.closed <= arbitration.accepted + carried', 'warning'),
      /relations\.tsv:2: .*term_cue is required/,
    ],
    [
      'a cue without a term',
      row('x', 'le', 'mediation.succeeded <= mediation.cases', 'warning', '结转'),
      /relations\.tsv:2: term_cue is only for/,
    ],
    [
      'a bad cue',
      row('x', 'le', 'arbitration.closed <= arbitration.accepted + carried', 'warning', '(结转'),
      /relations\.tsv:2: invalid term_cue/,
    ],
    [
      'a flow without start',
      row('x', 'flow', 'community_correction.on_register = community_correction.received', 'info', '年初'),
      /relations\.tsv:2: a flow starts with the term "start"/,
    ],
  ];
  for (const [name, text, error] of cases) {
    it(name, () => expect(() => compile(text)).toThrow(error));
  }

  it('a duplicate id', () => {
    const a = row('dup', 'le', 'mediation.succeeded <= mediation.cases', 'warning');
    expect(() => compile(a, a)).toThrow(/relations\.tsv:3: duplicate id "dup" \(first on line 2\)/);
  });
});
