import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze.js';
import { loadKnowledge } from '../knowledge/load.js';
import { generateCorpus } from '../synth/generate.js';
import { NO_BOILERPLATE } from './boilerplate.js';
import {
  issuerKey,
  jurisdictionKey,
  paragraphUnits,
  ReuseIndex,
  type ReuseMatch,
  type ReuseMeta,
  type ReuseOptions,
  type ReuseStats,
  reuseMeta,
  toCorpusReuse,
  unitScheme,
} from './detect.js';
import { loadBoilerplate } from './load.js';
import {
  bodyReport,
  COPIED,
  filler,
  PARAPHRASED,
  PREAMBLE_A,
  PREAMBLE_B,
  UNRELATED,
} from './testing/fixtures.js';

const boilerplate = loadBoilerplate();

interface Doc {
  id: string;
  meta: ReuseMeta;
  lines: string[];
}

/** Index the documents; return the index and each document's text. */
function build(
  docs: Doc[],
  options: Partial<ReuseOptions> = {},
): { index: ReuseIndex; text: Map<string, string> } {
  const index = new ReuseIndex({ boilerplate, ...options });
  const text = new Map<string, string>();
  for (const doc of docs) {
    const report = bodyReport(doc.lines);
    text.set(doc.id, report.text);
    index.add(
      doc.id,
      doc.meta,
      paragraphUnits(doc.id, report, { ...options, boilerplate: options.boilerplate ?? boilerplate }),
    );
  }
  return { index, text };
}

const place = (i: number): ReuseMeta => ({
  jurisdictionCode: String(110101 + i),
  issuer: `第${i}区人民政府`,
  year: 2022,
});

const quote = (text: Map<string, string>, m: ReuseMatch): [string, string] => [
  (text.get(m.reportId) as string).slice(m.span.start, m.span.end),
  (text.get(m.other.reportId) as string).slice(m.other.span.start, m.other.span.end),
];

describe('paragraphUnits', () => {
  it('takes body paragraphs of 30 characters or more, each with its span and signature', () => {
    const report = bodyReport([
      '一、总体情况',
      UNRELATED[0] as string,
      '（一）强化组织领导',
      UNRELATED[1] as string,
    ]);
    report.paragraphs[3] = {
      ...(report.paragraphs[3] as (typeof report.paragraphs)[number]),
      role: 'signature',
    };
    const units = paragraphUnits('r', report, { boilerplate });
    expect(units).toHaveLength(1);
    const [unit] = units;
    expect(unit).toMatchObject({ reportId: 'r', index: 0, paragraph: 1, text: UNRELATED[0] });
    expect(report.text.slice(unit?.span.start, unit?.span.end)).toBe(UNRELATED[0]);
    expect(unit?.signature).toHaveLength(64);
    expect(unit?.fingerprints.length).toBeGreaterThan(5);
  });

  it('cuts a long paragraph into groups of whole sentences of about 200 characters', () => {
    const long = filler(1, 1500);
    const units = paragraphUnits('r', bodyReport([long]), { boilerplate });
    expect(units.length).toBeGreaterThanOrEqual(5);
    expect(units.map((u) => u.text).join('')).toBe(long);
    for (const unit of units) {
      expect(unit.text.length).toBeGreaterThanOrEqual(100);
      expect(unit.text.length).toBeLessThanOrEqual(450);
      expect(unit.text).toMatch(/。$/u);
    }
  });

  it('leaves out a paragraph of stock phrases only', () => {
    const stock = '深入学习贯彻习近平法治思想，坚持严格规范公正文明执法，做到有件必备、有备必审、有错必纠。';
    expect(paragraphUnits('r', bodyReport([stock]), { boilerplate })).toEqual([]);
    expect(paragraphUnits('r', bodyReport([stock]), { boilerplate: NO_BOILERPLATE })).toHaveLength(1);
  });
});

describe('ReuseIndex.findReuse', () => {
  it('finds an identical paragraph in another report, with exact spans in both', () => {
    const { index, text } = build([
      { id: 'A', meta: place(1), lines: [UNRELATED[0] as string, COPIED, UNRELATED[1] as string] },
      { id: 'B', meta: place(2), lines: [UNRELATED[2] as string, UNRELATED[3] as string, COPIED] },
    ]);
    const matches = index.findReuse('B');
    expect(matches).toHaveLength(1);
    const [m] = matches as [ReuseMatch];
    expect(m.kind).toBe('cross-unit');
    expect(m.other.reportId).toBe('A');
    expect(quote(text, m)).toEqual([COPIED.slice(0, -1), COPIED.slice(0, -1)]);
    expect(m.similarity).toBe(1);
    expect(m.unit).toBe(2);
    expect(m.other.unit).toBe(1);
    expect(m.estimate).toBe(1);
    for (const t of m.aligned) {
      expect(text.get('B')?.slice(t.aStart, t.aEnd)).toBe(text.get('A')?.slice(t.bStart, t.bEnd));
    }
    // And the other way round.
    expect(index.findReuse('A').map((x) => [x.other.reportId, x.span, x.other.span])).toEqual([
      ['B', m.other.span, m.span],
    ]);
  });

  it('finds a paraphrase with other figures and place names, and not unrelated paragraphs', () => {
    const { index, text } = build([
      { id: 'A', meta: place(1), lines: [COPIED, UNRELATED[0] as string, UNRELATED[1] as string] },
      { id: 'B', meta: place(2), lines: [UNRELATED[2] as string, PARAPHRASED, UNRELATED[3] as string] },
      { id: 'C', meta: place(3), lines: [UNRELATED[4] as string, UNRELATED[5] as string] },
    ]);
    const [m, ...rest] = index.findReuse('B');
    expect(rest).toEqual([]);
    expect(m?.other.reportId).toBe('A');
    expect(m?.similarity).toBeGreaterThanOrEqual(0.6);
    const [mine, theirs] = quote(text, m as ReuseMatch);
    expect(mine.startsWith('全面推行行政执法公示制度')).toBe(true);
    expect(theirs.startsWith('全面推行行政执法公示制度')).toBe(true);
    expect(index.findReuse('C')).toEqual([]);
  });

  it('finds a copied sentence inside long paragraphs', () => {
    const sentence = '建立行政执法案卷评查结果通报制度，对评查发现的共性问题逐项列出整改清单，限期整改到位。';
    const { index, text } = build([
      { id: 'A', meta: place(1), lines: [filler(1, 500) + sentence + filler(2, 400)] },
      { id: 'B', meta: place(2), lines: [filler(3, 300) + sentence + filler(4, 600)] },
    ]);
    const [m, ...rest] = index.findReuse('B');
    expect(rest).toEqual([]);
    const [mine, theirs] = quote(text, m as ReuseMatch);
    expect(mine).toBe(sentence.slice(0, -1));
    expect(theirs).toBe(sentence.slice(0, -1));
    expect(m?.span.start).toBe(300);
    expect(m?.other.span.start).toBe(500);
  });

  it('does not report paragraphs that share only stock phrases', () => {
    const docs: Doc[] = [
      { id: 'A', meta: place(1), lines: [PREAMBLE_A, UNRELATED[0] as string] },
      { id: 'B', meta: place(2), lines: [PREAMBLE_B, UNRELATED[1] as string] },
    ];
    expect(build(docs).index.findReuse('B')).toEqual([]);
    // The list is what keeps them apart.
    expect(build(docs, { boilerplate: NO_BOILERPLATE }).index.findReuse('B')).not.toEqual([]);
  });

  describe('common text', () => {
    // 26 reports of 26 jurisdictions: each has its own filler, a paragraph that most reports
    // carry with small local changes, and a stock sentence inside its own text. A and B also share
    // a paragraph nobody else has.
    const commonParagraph = (i: number): string =>
      `第${i}区把法治政府建设纳入经济社会发展总体规划和年度工作计划，与经济社会发展同部署、同推进、同督促、同考核，每年至少${i % 3 === 0 ? '两次' : '一次'}听取法治政府建设工作汇报，研究解决重大问题。`;
    const STOCK = '对公平竞争审查中发现的排除、限制竞争的政策措施，及时予以清理和纠正';
    const corpus = (count: number): Doc[] =>
      Array.from({ length: count }, (_, i) => ({
        id: `r${i}`,
        meta: place(i),
        lines: [
          filler(100 + i, 160),
          commonParagraph(i),
          `${filler(200 + i, 90)}${STOCK}，${filler(300 + i, 90)}`,
          ...(i < 2 ? [COPIED] : []),
        ],
      }));

    it('a paragraph in most reports and a stock sentence in many are discounted; rare copies are not', () => {
      const { index, text } = build(corpus(26));
      const matches = index.findReuse('r0');
      expect(matches.map((m) => [m.other.reportId, quote(text, m)[0]])).toEqual([
        ['r1', COPIED.slice(0, -1)],
      ]);
    });

    it('an index holding part of the corpus discounts by corpus-wide counts (what a store supplies)', () => {
      const docs = corpus(26);
      const spread = new Map<number, { issuers: Set<string>; jurisdictions: Set<string> }>();
      for (const doc of docs) {
        for (const unit of paragraphUnits(doc.id, bodyReport(doc.lines), { boilerplate })) {
          for (const key of unit.fingerprints) {
            const s = spread.get(key) ?? { issuers: new Set(), jurisdictions: new Set() };
            s.issuers.add(issuerKey(doc.id, doc.meta));
            s.jurisdictions.add(jurisdictionKey(doc.id, doc.meta));
            spread.set(key, s);
          }
        }
      }
      const stats: ReuseStats = {
        issuerCount: () => 26,
        fingerprintSpread: (key) => ({
          issuers: spread.get(key)?.issuers.size ?? 0,
          jurisdictions: spread.get(key)?.jurisdictions.size ?? 0,
        }),
      };
      const two = docs.slice(0, 2);
      expect(build(two).index.findReuse('r0').length).toBeGreaterThan(1);
      const { index, text } = build(two, { stats });
      expect(index.findReuse('r0').map((m) => quote(text, m)[0])).toEqual([COPIED.slice(0, -1)]);
    });

    it('either rule discounts on its own: the share of issuers, the number of jurisdictions', () => {
      const found = (options: Partial<ReuseOptions>): number =>
        build(corpus(26), options).index.findReuse('r0').length;
      expect(found({ commonShare: 1, commonJurisdictions: 1000 })).toBeGreaterThan(20);
      expect(found({ commonJurisdictions: 1000 })).toBe(1); // 26 issuers ≥ 20, and all of them > 10 %
      expect(found({ commonShare: 1 })).toBe(1); // 26 jurisdictions ≥ 25
      // The share rule waits for enough issuers: 15 reports is too few, and 15 jurisdictions < 25.
      expect(build(corpus(15)).index.findReuse('r0').length).toBeGreaterThan(10);
    });
  });

  it('tells reuse of the unit’s own text of another year from copying', () => {
    const unit = { jurisdictionCode: '110105', issuer: '北京市朝阳区人民政府' };
    const { index } = build([
      { id: '2022', meta: { ...unit, year: 2022 }, lines: [COPIED, UNRELATED[0] as string] },
      { id: '2023', meta: { ...unit, year: 2023 }, lines: [UNRELATED[1] as string, PARAPHRASED] },
      {
        id: 'bureau',
        meta: { jurisdictionCode: '110105', issuer: '北京市朝阳区司法局', year: 2023 },
        lines: [COPIED],
      },
      { id: '2022-copy', meta: { ...unit, year: 2022 }, lines: [COPIED, UNRELATED[0] as string] },
    ]);
    const matches = index.findReuse('2023');
    expect(matches.map((m) => [m.other.reportId, m.kind])).toEqual([
      ['2022', 'same-unit-other-year'],
      ['bureau', 'cross-unit'],
      ['2022-copy', 'same-unit-other-year'],
    ]);
    expect(matches[0]?.other.meta.year).toBe(2022);
    // Two copies of one report (same unit, same year) are not reuse.
    expect(index.findReuse('2022').map((m) => m.other.reportId)).toEqual(['bureau', '2023']);
    const facts = matches.map(toCorpusReuse);
    expect(facts[0]).toMatchObject({
      kind: 'same-unit-other-year',
      span: matches[0]?.span,
      other: { reportId: '2022', span: matches[0]?.other.span, year: 2022 },
    });
    expect(facts[1]?.kind).toBe('cross-unit');
  });

  it('is deterministic: same input, same signatures and matches, whatever the order of addition', () => {
    const docs: Doc[] = Array.from({ length: 12 }, (_, i) => ({
      id: `d${i}`,
      meta: place(i % 5),
      lines: [filler(i, 250), i % 3 === 0 ? COPIED : PARAPHRASED, filler(50 + (i % 4), 400)],
    }));
    const first = build(docs);
    const second = build(docs);
    const reversed = build(docs.slice().reverse());
    const units = (d: Doc): Uint32Array[] =>
      paragraphUnits(d.id, bodyReport(d.lines), { boilerplate }).map((u) => u.signature);
    expect(docs.map(units)).toEqual(docs.map(units));
    const canonical = (ms: ReuseMatch[]): string[] =>
      ms.map((m) => JSON.stringify([m.other.reportId, m.span, m.other.span, m.kind, m.similarity])).sort();
    for (const { id } of docs) {
      expect(second.index.findReuse(id)).toEqual(first.index.findReuse(id));
      expect(canonical(reversed.index.findReuse(id))).toEqual(canonical(first.index.findReuse(id)));
    }
    expect(first.index.findReuse('d0').length).toBeGreaterThan(0);
  });

  it('removes and replaces reports', () => {
    const { index } = build([
      { id: 'A', meta: place(1), lines: [COPIED] },
      { id: 'B', meta: place(2), lines: [COPIED] },
    ]);
    expect(index.size).toBe(2);
    expect(index.remove('A')).toBe(true);
    expect(index.findReuse('B')).toEqual([]);
    expect(() => index.findReuse('A')).toThrow(/not in the index/u);
    index.add('B', place(2), paragraphUnits('B', bodyReport([UNRELATED[0] as string]), { boilerplate }));
    index.add('A', place(1), paragraphUnits('A', bodyReport([UNRELATED[0] as string]), { boilerplate }));
    expect(index.size).toBe(2);
    expect(index.unitCount).toBe(2);
    expect(index.findReuse('A').map((m) => m.other.reportId)).toEqual(['B']);
  });

  it('finds a paragraph copied between two analyzed synthetic reports', () => {
    const knowledge = loadKnowledge();
    const [a, b] = [...generateCorpus(2, 5)].map((r) => analyze(r.text, { knowledge }));
    if (!a || !b) throw new Error('corpus');
    // The longest body paragraph of A, inserted after B's first body paragraph.
    const body = (r: typeof a): string[] =>
      r.paragraphs.filter((p) => p.role === 'body').map((p) => r.text.slice(p.span.start, p.span.end));
    const copied = body(a).reduce((x, y) => (y.length > x.length ? y : x));
    const first = body(b)[0] as string;
    const b2 = analyze(b.text.replace(first, `${first}\n${copied}`), { knowledge });
    const index = new ReuseIndex({ boilerplate });
    index.addReport('A', a);
    index.addReport('B', b2);
    expect(index.size).toBe(2);
    const at = b2.text.indexOf(copied);
    const covered = new Uint8Array(copied.length);
    for (const m of index.findReuse('B')) {
      if (m.other.reportId !== 'A' || m.kind !== 'cross-unit') continue;
      for (let i = Math.max(m.span.start, at); i < Math.min(m.span.end, at + copied.length); i++)
        covered[i - at] = 1;
    }
    expect(covered.reduce((n, x) => n + x, 0) / copied.length).toBeGreaterThan(0.9);
    expect(reuseMeta(b2).jurisdictionCode).toBe(b.meta.jurisdiction?.code ?? null);
  });
});

describe('unitScheme', () => {
  it('names the code version, the boilerplate list and the unit settings', () => {
    const scheme = unitScheme({ boilerplate });
    expect(scheme).toContain('fazhi-minhash-1');
    expect(scheme).toContain(`bp=${boilerplate.version}`);
    expect(scheme).toContain('k=64');
    expect(unitScheme({ boilerplate, groupChars: 150 })).not.toBe(scheme);
    expect(unitScheme({ boilerplate: NO_BOILERPLATE })).not.toBe(scheme);
  });
});
