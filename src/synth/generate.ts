/**
 * A deterministic generator of realistic synthetic 法治政府建设年度报告, each with its gold reading
 * (`../shared/docs/gold-format.md`) and a list of injected defects with their spans.
 *
 * The text is our own writing (templates in prose.ts and figures.ts combined at random); the
 * structure follows the observed variety: title shapes, reporter kinds and levels, part layouts
 * (canonical, swapped, merged, leadership embedded), heading styles, run-in and glued headings,
 * page chrome, 落款. Same seed, same bytes.
 *
 * @example
 * const r = generateReport({ seed: 42 });
 * r.text;        // the report
 * r.gold;        // its reading: meta, parts, indicators with quotes
 * r.defects;     // [{ kind: 'rate-mismatch', span: { start, end }, note }]
 */
import type { PartKind, ReportMeta, Span, UnitKind } from '../core/types.js';
import { DEFECT_KINDS, type DefectKind } from './catalogue.js';
import {
  distractor,
  type FigCtx,
  type FigRelation,
  type FigTemplate,
  type Figure,
  type Level,
  TEMPLATES,
  templatesFor,
} from './figures.js';
import type { Approx } from './numbers.js';
import { cnNumber } from './numbers.js';
import {
  DEPARTMENTS,
  type Department,
  governmentName,
  levelOf,
  MINISTRIES,
  PLACES,
  type Place,
  partyCommitteeName,
  selfWord,
} from './places.js';
import {
  AREAS,
  type AreaId,
  EXTRA_MEASURES_HEADINGS,
  LEADERSHIP_HEADINGS,
  LEADERSHIP_SENTENCES,
  LEADERSHIP_SUB_TITLES,
  MEASURES_HEADINGS,
  MERGED_HEADINGS,
  OTHER_HEADINGS,
  OTHER_TEXTS,
  PLAN_OPENERS,
  PLANS_HEADINGS,
  PREAMBLES,
  PROBLEMS,
  REASONS,
  SHORTCOMINGS_HEADINGS,
  SHORTCOMINGS_OPENERS,
  SPECIFIC_PLANS,
  VAGUE_PLANS,
} from './prose.js';
import { Rng } from './rng.js';
import { type Block, fill, Out, Para, type PlacedIndicator, toHalfPunct } from './text.js';

export type { DefectKind } from './catalogue.js';

export interface SynthOptions {
  seed: number;
  /** The year the report covers (default: 2019–2024 at random). */
  year?: number;
  /** Defects to inject: a list, 'random' (default: none, one or two) or 'none'. */
  defects?: DefectKind[] | 'random' | 'none';
  size?: 'short' | 'normal' | 'long';
  /** Wrap the report in government-site chrome lines, like a saved page (default: at random). */
  chrome?: boolean;
}

export interface InjectedDefect {
  kind: DefectKind;
  /** Where the injected text is; zero-length for a part left out (where it would have been). */
  span: Span;
  note: string;
}

export interface GoldIndicator {
  key: string;
  value: number;
  unit: string;
  approx: Approx;
  quote: string;
}

export interface GoldPart {
  part: PartKind | PartKind[];
  heading: string;
}

/** The gold reading, exactly as `../shared/docs/gold-format.md` defines it. */
export interface GoldReading {
  source: string;
  meta: ReportMeta;
  parts: GoldPart[];
  indicators: GoldIndicator[];
}

/** An operand: the index of a gold indicator, or a number the text states without a catalogue key. */
export type Operand = number | { value: number };

/**
 * An arithmetic relation the text states between gold indicators (indices into gold.indicators);
 * `broken` marks the ones an injected defect makes fail.
 */
export type SynthRelation = (
  | { kind: 'sum'; total: number; parts: number[] }
  | { kind: 'sum-le'; total: number; parts: number[] }
  | { kind: 'le'; small: number; big: number[]; extra?: number }
  | { kind: 'rate'; rate: number; num: Operand; den: Operand }
) & { broken: boolean };

/** What the writers need beyond the text. */
export interface SynthDoc {
  blocks: Block[];
  /** Site name for the page chrome. */
  site: string;
  /** "YYYY-MM-DD HH:MM" when the page shows a publication time. */
  publishedAt: string | null;
  /** The body that published the page (发布机构 / 来源), when shown. */
  publisher: string | null;
  /** In DOCX, produce the top-level 一、 headings with Word automatic numbering. */
  docxNumbering: boolean;
  /** ICP record line of the site footer. */
  icp: string;
  /** How `writeCorpus` saves this report as HTML. */
  html: { encoding: 'utf-8' | 'gbk'; layout: 'modern' | 'table' };
}

export interface SynthReport {
  name: string;
  text: string;
  gold: GoldReading;
  defects: InjectedDefect[];
  relations: SynthRelation[];
  doc: SynthDoc;
}

// ---------------------------------------------------------------------------------------------
// Reporter

type ReporterType = 'gov' | 'joint' | 'dept' | 'ministry';

interface Reporter {
  type: ReporterType;
  place: Place | null;
  /** The issuing body as it signs (落款). */
  issuer: string;
  /** Lines of the 落款 (two for a joint report). */
  signLines: string[];
  /** How the title names the reporter when it does. */
  subject: string;
  /** What the gold reading records as issuer when the title names the reporter. */
  subjectIssuer: string;
  unitKind: UnitKind;
  level: Level;
  focus: readonly AreaId[] | null;
  /** Word for itself in running text: 我市, 我局. */
  we: string;
  /** Place name used in the running text ("伊春市坚持…"). */
  placeWord: string;
  /** Department name without the place (司法局), null for a government. */
  dept: string | null;
}

const PROVINCE_ABBR: Record<string, string> = {
  北京: '京',
  天津: '津',
  上海: '沪',
  重庆: '渝',
  浙江: '浙',
  四川: '蜀',
  陕西: '陕',
  山东: '鲁',
  湖北: '鄂',
  广东: '粤',
  江苏: '苏',
  贵州: '黔',
  河南: '豫',
  湖南: '湘',
  安徽: '皖',
  黑龙: '黑',
  河北: '冀',
};

/** The name a report uses for its place: short, or with its parent when the short name is shared. */
function placeName(rng: Rng, place: Place): string {
  if (place.ambiguous && place.parent) return `${place.parent}${place.short}`;
  if (place.kind !== 'province' && place.kind !== 'municipality' && rng.chance(0.15)) return place.name;
  return place.short;
}

function pickReporter(rng: Rng): Reporter {
  const type = rng.weighted<ReporterType>([
    ['gov', 0.64],
    ['joint', 0.09],
    ['dept', 0.24],
    ['ministry', 0.03],
  ]);
  if (type === 'ministry') {
    const m = rng.pick(MINISTRIES);
    return {
      type,
      place: null,
      issuer: m.name,
      signLines: [m.name],
      subject: m.name,
      subjectIssuer: m.name,
      unitKind: 'department',
      level: 'ministry',
      focus: m.focus as readonly AreaId[],
      we: `我${m.name.endsWith('部') ? '部' : '局'}`,
      placeWord: m.name,
      dept: m.name,
    };
  }
  if (type === 'dept') {
    const place = rng.pick(PLACES.filter((p) => levelOf(p.kind) !== 'township'));
    const lv = levelOf(place.kind);
    const list: readonly Department[] =
      place.kind === 'province'
        ? DEPARTMENTS.province
        : lv === 'county'
          ? DEPARTMENTS.county
          : DEPARTMENTS.city;
    const dept = rng.pick(list);
    const name = `${placeName(rng, place)}${dept.name}`;
    return {
      type,
      place,
      issuer: name,
      signLines: [name],
      subject: name,
      subjectIssuer: name,
      unitKind: 'department',
      level: lv === 'township' ? 'county' : lv,
      focus: dept.focus as readonly AreaId[],
      we: dept.name.endsWith('厅') ? '我厅' : '我局',
      placeWord: place.short,
      dept: dept.name,
    };
  }
  const place = rng.pick(PLACES);
  const pn = placeName(rng, place);
  const gov = governmentName({ ...place, short: pn });
  const level = levelOf(place.kind);
  const we = `我${selfWord(place)}`;
  if (type === 'joint') {
    const party = partyCommitteeName({ ...place, short: pn });
    return {
      type,
      place,
      issuer: `${party} ${gov}`,
      signLines: [party, gov],
      subject: `${party} ${gov}`,
      subjectIssuer: `${party} ${gov}`,
      unitKind: 'government',
      level,
      focus: null,
      we,
      placeWord: pn,
      dept: null,
    };
  }
  // A government: the title names it by its government or by the bare place.
  const bare = rng.chance(0.3);
  return {
    type,
    place,
    issuer: gov,
    signLines: [gov],
    subject: bare ? pn : gov,
    subjectIssuer: gov,
    unitKind: 'government',
    level,
    focus: null,
    we,
    placeWord: pn,
    dept: null,
  };
}

function figCtx(rng: Rng, rep: Reporter, year: number, fullWidthDigits: boolean): FigCtx {
  const place = rep.place;
  const sw = place ? selfWord(place) : '';
  let scale = { province: 12, prefecture: 4, county: 1, township: 0.15, ministry: 15 }[rep.level];
  if (place?.kind === 'municipality') scale = 9;
  if (rep.type === 'dept') scale *= 0.4;
  const tiersByKind: Record<string, readonly string[]> = {
    province: ['省级', '市级', '县级'],
    municipality: ['市级', '区级', '街道级'],
    prefecture: ['市级', '县级', '乡级'],
    district: ['区级', '街道级', '社区级'],
    county: ['县级', '镇级', '村级'],
    'county-city': ['市级', '镇级', '村级'],
  };
  let party: string;
  let gov: string;
  if (rep.type === 'ministry') {
    party = '部党组';
    gov = '部';
  } else if (rep.type === 'dept') {
    party = rep.we === '我厅' ? '厅党组' : '局党组';
    gov = rep.we === '我厅' ? '厅' : '局';
  } else if (place?.kind === 'town') {
    party = '镇党委';
    gov = '镇政府';
  } else if (place?.kind === 'subdistrict') {
    party = '街道党工委';
    gov = '街道办事处';
  } else {
    party = `${sw}委`;
    gov = `${sw}政府`;
  }
  return {
    rng,
    level: rep.level,
    scale,
    isDept: rep.type === 'dept' || rep.type === 'ministry',
    scope: rep.type === 'ministry' ? '全国' : `全${sw}`,
    self: sw || '部',
    party,
    gov,
    tiers: rep.type === 'gov' || rep.type === 'joint' ? (tiersByKind[place?.kind ?? ''] ?? []) : [],
    year,
    fullWidthDigits,
    percent: rng.chance(0.8) ? '%' : '％',
    dept: rep.dept,
  };
}

// ---------------------------------------------------------------------------------------------
// Title

function makeTitle(rng: Rng, rep: Reporter, year: number): { title: string; named: boolean } {
  const du = rng.chance(0.6) ? '度' : '';
  const S = rep.subject;
  if (rep.type === 'joint') {
    return { title: `${S}关于${year}年${du}法治政府建设情况的报告`, named: true };
  }
  const shapes: [() => { title: string; named: boolean }, number][] = [
    [() => ({ title: `${S}关于${year}年${du}法治政府建设情况的报告`, named: true }), 4],
    [
      () => ({
        title: `${S}关于${year}年${rep.type === 'gov' && rep.place ? rep.placeWord : ''}法治政府建设情况的报告`,
        named: true,
      }),
      1,
    ],
    [() => ({ title: `关于${year}年度法治政府建设情况的报告`, named: false }), 2],
    [() => ({ title: `${S}${year}年度法治政府建设情况报告`, named: true }), 2.5],
    [() => ({ title: `${S}${year}年度法治政府建设${rng.chance(0.5) ? '工作' : ''}报告`, named: true }), 2],
    [() => ({ title: `${S}${year}年法治政府建设年度报告`, named: true }), 1.5],
  ];
  if (year <= 2020)
    shapes.push([() => ({ title: `${S}关于${year}年法治政府建设工作的报告`, named: true }), 1.5]);
  return rng.weighted(shapes)();
}

// ---------------------------------------------------------------------------------------------
// Layout of the parts

type PartSlot =
  | { kind: 'measures'; extra?: boolean }
  | { kind: 'shortcomings' }
  | { kind: 'leadership' }
  | { kind: 'plans' }
  | { kind: 'merged' }
  | { kind: 'other' };

interface Layout {
  slots: PartSlot[];
  /** Leadership lives inside measures: as a （一） sub-section or as an 一是 item. */
  embedded: 'sub' | 'item' | null;
}

function pickLayout(rng: Rng): Layout {
  const M = { kind: 'measures' } as const;
  const S = { kind: 'shortcomings' } as const;
  const L = { kind: 'leadership' } as const;
  const P = { kind: 'plans' } as const;
  const G = { kind: 'merged' } as const;
  const O = { kind: 'other' } as const;
  const emb = (): 'sub' | 'item' => (rng.chance(0.5) ? 'sub' : 'item');
  return rng.weighted<() => Layout>([
    [() => ({ slots: [M, S, L, P], embedded: null }), 30],
    [() => ({ slots: [M, S, L, P, O], embedded: null }), 14],
    [() => ({ slots: [M, L, S, P], embedded: null }), 12],
    [() => ({ slots: [L, M, S, P], embedded: null }), 5],
    [() => ({ slots: [M, S, P], embedded: emb() }), 17],
    [() => ({ slots: [M, G], embedded: emb() }), 8],
    [() => ({ slots: [M, L, G], embedded: null }), 4],
    [() => ({ slots: [M, { kind: 'measures', extra: true }, G], embedded: emb() }), 5],
    [() => ({ slots: [M, { kind: 'measures', extra: true }, S, P], embedded: emb() }), 5],
  ])();
}

// ---------------------------------------------------------------------------------------------
// Styles

interface Style {
  half: boolean;
  indent: string;
  blankLines: boolean;
  /** Level-2 marker kind. */
  l2: 'cn-paren-full' | 'cn-paren-half' | 'arabic-dot' | 'none';
  l2Form: 'line' | 'runin' | 'glued';
  l3: 'shi' | 'arabic-dot' | 'arabic-paren' | 'none';
  l3Inline: boolean;
}

function pickStyle(rng: Rng): Style {
  const l2 = rng.weighted<Style['l2']>([
    ['cn-paren-full', 6],
    ['cn-paren-half', 2],
    ['arabic-dot', 1],
    ['none', 1],
  ]);
  const l3 =
    l2 === 'arabic-dot'
      ? rng.weighted<Style['l3']>([
          ['arabic-paren', 2],
          ['shi', 2],
          ['none', 1],
        ])
      : rng.weighted<Style['l3']>([
          ['shi', 6],
          ['arabic-dot', 2],
          ['arabic-paren', 1],
          ['none', 2],
        ]);
  return {
    half: rng.chance(0.3),
    indent: rng.weighted([
      ['', 4],
      ['    ', 2],
      ['\u3000\u3000', 3],
    ]),
    blankLines: rng.chance(0.3),
    l2,
    l2Form: rng.weighted([
      ['line', 5],
      ['runin', 4],
      ['glued', 1],
    ]),
    l3,
    l3Inline: l3 === 'shi' && rng.chance(0.5),
  };
}

function l2Marker(style: Style, i: number): string {
  const cn = cnNumber(i);
  switch (style.l2) {
    case 'cn-paren-full':
      return `（${cn}）`;
    case 'cn-paren-half':
      return `(${cn})`;
    case 'arabic-dot':
      return `${i}.`;
    default:
      return '';
  }
}

function l3Marker(style: Style, i: number): string {
  switch (style.l3) {
    case 'shi':
      return `${cnNumber(i)}是`;
    case 'arabic-dot':
      return `${i}.`;
    case 'arabic-paren':
      return `（${i}）`;
    default:
      return '';
  }
}

// ---------------------------------------------------------------------------------------------
// Dates

const pad2 = (n: number): string => String(n).padStart(2, '0');
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] as number;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const iso = (t: Ymd): string => `${t.y}-${pad2(t.m)}-${pad2(t.d)}`;
const cnDate = (t: Ymd): string => `${t.y}年${t.m}月${t.d}日`;

function addDays(t: Ymd, days: number): Ymd {
  const ms = Date.UTC(t.y, t.m - 1, t.d) + days * 86_400_000;
  const d = new Date(ms);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

/** All valid readings of a date whose 年/月/日 were lost ("2024228"). */
export function readingsOf(digits: string): string[] {
  const y = Number(digits.slice(0, 4));
  const rest = digits.slice(4);
  const out: string[] = [];
  for (let k = 1; k <= 2 && k < rest.length; k++) {
    const m = Number(rest.slice(0, k));
    const dStr = rest.slice(k);
    if (dStr.length > 2 || dStr.startsWith('0') || rest.slice(0, k).startsWith('0')) continue;
    const d = Number(dStr);
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)) out.push(`${y}-${pad2(m)}-${pad2(d)}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The generator

type Size = 'short' | 'normal' | 'long';

const RANDOM_DEFECTS: readonly DefectKind[] = DEFECT_KINDS;

function pickDefects(rng: Rng, option: SynthOptions['defects']): Set<DefectKind> {
  if (option === 'none') return new Set();
  if (Array.isArray(option)) return new Set(option);
  const count = rng.weighted([
    [0, 55],
    [1, 30],
    [2, 15],
  ]);
  return new Set(rng.sample(RANDOM_DEFECTS, count));
}

/** Words that give a reason; the shortcomings of a report with the no-reasons defect have none. */
export const CAUSE_CUES = /原因|主要是|究其|由于|导致|因为|源于|缘于|在于|影响/u;

const NO_CAUSE_FILLERS: readonly string[] = [
  '这些问题需要在今后的工作中认真加以解决。',
  '对此，我们将高度重视，切实加以改进。',
  '上述问题必须引起高度重视。',
];

const EVENTS: readonly string[] = [
  '{party}召开全面依法治{self}工作会议，审议通过年度法治建设工作要点',
  '召开法治政府建设推进会，通报上年度考核情况，部署年度重点任务',
  '组织开展法治政府建设示范创建实地评估',
];

function eventsFor(w: Writer): readonly string[] {
  return w.isDept ? EVENTS.filter((e) => !e.includes('{party}')) : EVENTS;
}

interface Item {
  lead: string;
  body: (p: Para) => void;
}

/** The generator's state for one report. */
class Writer {
  readonly out = new Out();
  readonly usedSentences = new Set<string>();
  readonly usedTemplates = new Set<string>();
  readonly usedTitles = new Set<string>();
  readonly parts: GoldPart[] = [];
  topCount = 0;
  /** Insertions (defects, dated events) waiting for an item body. */
  inserts: ((p: Para) => void)[] = [];
  /** Sub-section index (over all measures parts) whose first item takes the insertions. */
  insertAt = 0;
  subIndex = 0;
  /** Areas of the measures sub-sections, in order. */
  areas: AreaId[] = [];
  areaCursor = 0;
  forced: { t: FigTemplate; want: DefectKind }[] = [];

  constructor(
    readonly rng: Rng,
    readonly rep: Reporter,
    readonly year: number,
    readonly style: Style,
    readonly ctx: FigCtx,
    readonly vars: Record<string, string>,
    readonly size: Size,
    readonly defects: ReadonlySet<DefectKind>,
    readonly layout: Layout,
  ) {}

  get isDept(): boolean {
    return this.rep.type === 'dept' || this.rep.type === 'ministry';
  }

  f(s: string): string {
    return fill(s, this.vars);
  }

  /** A sentence not used yet in this report (reused when the bank is spent). */
  sentence(bank: readonly string[]): string {
    const fresh = bank.filter((s) => !this.usedSentences.has(s));
    const s = this.rng.pick(fresh.length > 0 ? fresh : bank);
    this.usedSentences.add(s);
    return this.f(s);
  }

  /** A fresh sentence, or '' when the bank is spent. */
  freshSentence(bank: readonly string[]): string {
    return bank.some((s) => !this.usedSentences.has(s)) ? this.sentence(bank) : '';
  }

  title(bank: readonly string[]): string {
    const fresh = bank.filter((s) => !this.usedTitles.has(s));
    const s = this.rng.pick(fresh.length > 0 ? fresh : bank);
    this.usedTitles.add(s);
    return this.f(s);
  }

  para(p: Para, kind: Block['kind'] = 'para', extra: Partial<Block> = {}): number {
    if (this.style.blankLines) this.out.blank();
    return this.out.para(p, this.style.indent, kind, extra);
  }

  topHeading(title: string, part: PartKind | PartKind[]): void {
    this.topCount++;
    const marker = `${cnNumber(this.topCount)}、`;
    const heading = marker + title;
    this.para(new Para().add(heading), 'heading', { level: 1, marker });
    this.parts.push({ part, heading });
  }

  pool(area: AreaId, leadership: boolean): FigTemplate[] {
    return TEMPLATES.filter(
      (t) =>
        t.area === area &&
        !this.usedTemplates.has(t.id) &&
        (t.leadership ?? false) === leadership &&
        !this.forced.some((f) => f.t.id === t.id) &&
        (!t.levels || t.levels.includes(this.rep.level)) &&
        (!t.only || (t.only === 'dept') === this.isDept) &&
        (!t.fits || t.fits(this.ctx)),
    );
  }

  figure(t: FigTemplate, want?: DefectKind): Figure {
    this.usedTemplates.add(t.id);
    return t.make(this.ctx, want);
  }

  /** Forced (defect-carrying) templates of an area, taken once. */
  takeForced(area: AreaId, leadership: boolean): { t: FigTemplate; want: DefectKind }[] {
    const mine = this.forced.filter((f) => f.t.area === area && (f.t.leadership ?? false) === leadership);
    this.forced = this.forced.filter((f) => !mine.includes(f));
    return mine;
  }

  /** Items of a section: "一是…", "1.…", "（1）…" or plain paragraphs. `first` holds a run-in heading. */
  items(first: Para | null, items: Item[]): void {
    const st = this.style;
    let p = first ?? new Para();
    items.forEach((item, i) => {
      const marker = l3Marker(st, i + 1);
      const ownLine =
        !st.l3Inline && (i > 0 || (first !== null && (st.l3 === 'arabic-dot' || st.l3 === 'arabic-paren')));
      if (ownLine && !p.empty) {
        this.para(p);
        p = new Para();
      }
      if (marker) {
        p.add(marker).add(item.lead);
        // now and then the lead runs into its paragraph without punctuation
        p.add(this.rng.chance(0.1) ? '' : '。');
      }
      item.body(p);
    });
    if (!p.empty) this.para(p);
  }

  /** The body of one item: prose, figure sentences, a distractor now and then. */
  body(area: AreaId, prose: readonly string[], figChance: number, leadership = false): (p: Para) => void {
    return (p: Para): void => {
      const r = this.rng;
      if (this.inserts.length > 0 && this.subIndex === this.insertAt) {
        for (const ins of this.inserts) ins(p);
        this.inserts = [];
      }
      const figs: { t: FigTemplate; want?: DefectKind }[] = this.takeForced(area, leadership);
      if (figs.length === 0 && r.chance(figChance)) {
        const pool = this.pool(area, leadership);
        if (pool.length > 0) figs.push({ t: r.pick(pool) });
      }
      if (this.size === 'long' && r.chance(0.35)) {
        const pool = this.pool(area, leadership).filter((t) => !figs.some((f) => f.t === t));
        if (pool.length > 0) figs.push({ t: r.pick(pool) });
      }
      const opening = this.freshSentence(prose);
      p.add(opening || (figs.length === 0 ? this.sentence(prose) : ''));
      for (const { t, want } of figs) p.fig(this.figure(t, want)).add('。');
      if (!leadership && r.chance(0.12)) p.add(`${distractor(this.ctx)}。`);
      if (r.chance(0.65)) p.add(this.freshSentence(prose));
      if (r.chance(this.size === 'short' ? 0.1 : 0.35)) p.add(this.freshSentence(prose));
    };
  }

  /** A level-2 sub-section: heading (own line, run-in or glued, or a bare lead sentence) and items. */
  sub(title: string, items: Item[]): void {
    const st = this.style;
    this.subIndex++;
    const marker = l2Marker(st, this.subIndex - this.subBase);
    if (st.l2 === 'none') {
      this.items(new Para().add(`${title}。`), items);
    } else if (st.l2Form === 'line') {
      this.para(new Para().add(marker + title), 'heading', { level: 2, marker });
      this.items(null, items);
    } else if (st.l2Form === 'runin') {
      this.items(new Para().add(`${marker}${title}。`), items);
    } else {
      this.items(new Para().add(marker + title), items);
    }
  }

  /** Sub-section numbering restarts in each top-level part. */
  subBase = 0;

  itemCount(): number {
    return { short: this.rng.int(1, 3), normal: this.rng.int(2, 4), long: this.rng.int(3, 5) }[this.size];
  }

  leadershipItems(count: number): Item[] {
    const leads = this.rng.sample(
      ['压实第一责任人职责', '带头尊法学法守法用法', '坚持依法科学民主决策', '强化法治建设统筹部署'],
      count,
    );
    return leads.map((lead, i) => ({
      lead,
      body: (p: Para) => {
        // The first item always names the duty, so the part is recognisable.
        if (i === 0) {
          p.add(this.f(LEADERSHIP_SENTENCES[0] as string));
          this.usedSentences.add(LEADERSHIP_SENTENCES[0] as string);
        }
        this.body('A10', LEADERSHIP_SENTENCES, 0.85, true)(p);
      },
    }));
  }

  /** A measures part: the first uses a measures heading, a second one a thematic heading. */
  measures(first: boolean, subCount: number): void {
    this.topHeading(
      first ? this.title(MEASURES_HEADINGS(this.year)) : this.title(EXTRA_MEASURES_HEADINGS),
      'measures',
    );
    this.subBase = this.subIndex;
    if (first && this.layout.embedded === 'sub') {
      this.sub(this.title(LEADERSHIP_SUB_TITLES), this.leadershipItems(this.rng.int(2, 3)));
    }
    for (let k = 0; k < subCount && this.areaCursor < this.areas.length; k++) {
      const area = this.areas[this.areaCursor++] as AreaId;
      const prose = AREAS[area];
      const n = this.itemCount();
      const leads = this.rng.sample(prose.leads, n);
      const items: Item[] = leads.map((lead) => ({
        lead: this.f(lead),
        body: this.body(area, prose.sentences, 0.75),
      }));
      if (area === 'A10' && first && this.layout.embedded === 'item' && k === 0) {
        items.unshift(this.leadershipItems(1)[0] as Item);
      }
      // (a forced, defect-carrying figure of this area goes into the first item body)
      this.sub(this.title(prose.titles), items);
    }
  }

  leadership(): void {
    this.topHeading(this.rng.pick(LEADERSHIP_HEADINGS(this.year, this.isDept)), 'leadership');
    this.items(null, this.leadershipItems(this.size === 'short' ? 2 : this.rng.int(2, 4)));
  }

  shortcomings(merged: boolean): void {
    const r = this.rng;
    if (merged) this.topHeading(r.pick(MERGED_HEADINGS), ['shortcomings', 'plans']);
    else this.topHeading(r.pick(SHORTCOMINGS_HEADINGS(this.year)), 'shortcomings');
    const noReasons = this.defects.has('no-reasons');
    if (r.chance(0.6)) this.para(new Para().add(this.f(r.pick(SHORTCOMINGS_OPENERS))));
    const k = { short: 2, normal: r.int(2, 3), long: r.int(3, 4) }[this.size];
    const problems = r.sample(PROBLEMS, k);
    const reasons = r.sample(REASONS, k);
    const inline = r.chance(0.4);
    let first = -1;
    let last = -1;
    const p0 = new Para();
    problems.forEach((prob, i) => {
      const p = inline ? p0 : new Para();
      p.add(`${cnNumber(i + 1)}是${prob}`);
      if (noReasons)
        p.add(i === problems.length - 1 && r.chance(0.5) ? `。${r.pick(NO_CAUSE_FILLERS)}` : '。');
      else p.add(r.chance(0.5) ? `，${reasons[i]}。` : `。${reasons[i]}。`);
      if (!inline) {
        const at = this.para(p);
        if (first < 0) first = at;
        last = at + p.text.length;
      }
    });
    if (inline) {
      first = this.para(p0);
      last = first + p0.text.length;
    }
    if (noReasons)
      this.out.defect('no-reasons', { start: first, end: last }, 'problems listed without any reasons');
  }

  plans(merged: boolean): void {
    const r = this.rng;
    const vague = this.defects.has('vague-plans');
    if (!merged) this.topHeading(r.pick(PLANS_HEADINGS(this.year + 1)), 'plans');
    const openers = vague || merged ? PLAN_OPENERS.filter((o) => !o.includes('{Y1}')) : PLAN_OPENERS;
    if (merged || r.chance(0.7)) this.para(new Para().add(this.f(r.pick(openers))));
    const k = { short: 3, normal: r.int(3, 4), long: r.int(4, 5) }[this.size];
    let texts: string[];
    if (vague) texts = r.sample(VAGUE_PLANS, k);
    else {
      const nSpecific = r.int(1, k);
      texts = r.shuffle([...r.sample(SPECIFIC_PLANS, nSpecific), ...r.sample(VAGUE_PLANS, k - nSpecific)]);
    }
    const inline = r.chance(0.35);
    const marked = (i: number): string =>
      this.style.l3 === 'none' || vague ? `${cnNumber(i + 1)}是` : l3Marker(this.style, i + 1);
    let first = -1;
    let last = -1;
    const p0 = new Para();
    texts.forEach((t, i) => {
      const p = inline ? p0 : new Para();
      p.add(`${inline ? `${cnNumber(i + 1)}是` : marked(i)}${this.f(t)}。`);
      if (!inline) {
        const at = this.para(p);
        if (first < 0) first = at;
        last = at + p.text.length;
      }
    });
    if (inline) {
      first = this.para(p0);
      last = first + p0.text.length;
    }
    if (vague)
      this.out.defect(
        'vague-plans',
        { start: first, end: last },
        'plans without a number, a deadline or a named instrument',
      );
  }

  other(): void {
    this.topHeading(this.rng.pick(OTHER_HEADINGS), 'other');
    this.para(new Para().add(this.f(this.rng.pick(OTHER_TEXTS))));
  }
}

function pickAreas(
  rng: Rng,
  rep: Reporter,
  count: number,
  forced: readonly AreaId[],
  leadFirst: boolean,
): AreaId[] {
  const weights: [AreaId, number][] = [
    ['A02', 1],
    ['A03', rep.level === 'township' ? 0.2 : 0.8],
    ['A04', 0.8],
    ['A05', 1],
    ['A06', 0.4],
    ['A07', 1],
    ['A08', 0.7],
    ['A09', 0.4],
    ['X_society', 0.7],
  ];
  const focus = rep.focus;
  const w = weights.map(([a, x]): [AreaId, number] => [a, focus ? (focus.includes(a) ? 3 : 0.25) : x]);
  const chosen: AreaId[] = [];
  if (leadFirst) chosen.push('A10');
  for (const a of forced) if (!chosen.includes(a)) chosen.push(a);
  while (chosen.length < count) {
    const left = w.filter(([a]) => !chosen.includes(a));
    if (left.length === 0) break;
    chosen.push(rng.weighted(left));
  }
  // keep A10 first, the rest in 纲要 order most of the time
  const head = leadFirst ? ['A10' as AreaId] : [];
  const rest = chosen.filter((a) => !head.includes(a));
  const order = ['A10', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'X_society'];
  if (rng.chance(0.7)) rest.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return [...head, ...rest];
}

/** Generate one report. */
export function generateReport(options: SynthOptions): SynthReport {
  const rng = new Rng(options.seed);
  const rep = pickReporter(rng);
  const year = options.year ?? rng.int(2019, 2024);
  const size: Size =
    options.size ??
    rng.weighted<Size>([
      ['short', 25],
      ['normal', 55],
      ['long', 20],
    ]);
  const style = pickStyle(rng);
  let layout = pickLayout(rng);
  const defects = pickDefects(rng, options.defects);
  const chrome = options.chrome ?? rng.chance(0.55);
  const isDeptLike = rep.type === 'dept' || rep.type === 'ministry';

  // A part left out: remember where it would have been.
  let missing: 'shortcomings' | 'leadership' | 'plans' | null = null;
  const originalSlots = layout.slots;
  if (defects.has('missing-part')) {
    const hasMerged = layout.slots.some((s) => s.kind === 'merged');
    const candidates: ('shortcomings' | 'leadership' | 'plans')[] = ['leadership'];
    if (!hasMerged && !defects.has('no-reasons')) candidates.push('shortcomings');
    if (!hasMerged && !defects.has('vague-plans')) candidates.push('plans');
    missing = rng.pick(candidates);
    layout = {
      slots: layout.slots.filter((s) => s.kind !== missing),
      embedded: missing === 'leadership' ? null : layout.embedded,
    };
  }

  const fullWidthDigits = !style.half && rng.chance(0.25);
  const ctx = figCtx(rng, rep, year, fullWidthDigits);
  const place = rep.place;
  const congress =
    year <= 2019
      ? '党的十九大和十九届二中、三中、四中全会'
      : year === 2020
        ? '党的十九大和十九届五中全会'
        : year === 2021
          ? '党的十九大和十九届六中全会'
          : year <= 2023
            ? '党的二十大'
            : '党的二十大和二十届二中、三中全会';
  let upper = '党中央、国务院';
  if (rep.type === 'dept' && place)
    upper = `${place.short}委、${place.short.endsWith('省') ? '省' : ctx.self}政府`;
  else if (rep.type !== 'ministry' && place?.parent)
    upper = `${place.parent}委、${place.parent.slice(-1)}政府`;
  const vars: Record<string, string> = {
    scope: ctx.scope,
    we: rep.we,
    party: ctx.party,
    gov: ctx.gov,
    self: ctx.self,
    Y: String(year),
    Y1: String(year + 1),
    pufa: year <= 2020 ? '“七五”' : '“八五”',
    plan:
      year <= 2020 ? '《法治政府建设实施纲要（2015—2020年）》' : '《法治政府建设实施纲要（2021—2025年）》',
    name: rep.placeWord,
    upper,
    congress,
    subject: rep.type === 'gov' || rep.type === 'joint' ? rep.placeWord : rep.issuer,
    leaders: isDeptLike ? ctx.party : `${ctx.party}、${ctx.gov}`,
    heads: isDeptLike ? `${ctx.party}书记和${ctx.gov}主要负责人` : `${ctx.party}、${ctx.gov}主要负责人`,
  };
  const w = new Writer(rng, rep, year, style, ctx, vars, size, defects, layout);
  const out = w.out;

  // ----- dates
  const signed = addDays({ y: year + 1, m: 1, d: 5 }, rng.int(0, isDeptLike ? 50 : 70));
  const deadline: Ymd = { y: year + 1, m: 3, d: 31 };
  const room = Math.round(
    (Date.UTC(deadline.y, deadline.m - 1, deadline.d) - Date.UTC(signed.y, signed.m - 1, signed.d)) /
      86_400_000,
  );
  let published = addDays(signed, rng.int(1, Math.max(1, Math.min(40, room))));
  if (defects.has('late-publication')) published = addDays({ y: year + 1, m: 4, d: 3 }, rng.int(0, 170));
  const pubTime = `${iso(published)} ${pad2(rng.int(8, 18))}:${pad2(rng.int(0, 59))}`;

  // ----- title, signature, chrome decisions
  const titleYear = defects.has('year-mismatch') ? year + (rng.chance(0.7) ? -1 : 1) : year;
  const { title, named } = makeTitle(rng, rep, titleYear);
  const hasSignature = rng.chance(0.6) || (!named && (isDeptLike || rng.chance(0.5)));
  const showPubLine = (chrome && rng.chance(0.85)) || defects.has('late-publication');
  const metaBlock = chrome && rng.chance(0.5);
  const publisher =
    !named && !hasSignature && place
      ? rng.pick([`${place.short}司法局`, `${governmentName(place)}办公室`])
      : rep.type === 'joint'
        ? (rep.signLines[1] as string)
        : rep.issuer;
  const site =
    rep.type === 'ministry'
      ? `中华人民共和国${rep.issuer}`
      : place
        ? rng.chance(0.5)
          ? `${governmentName(place, true)}`
          : `${place.short}政府门户网站`
        : '门户网站';
  const icp = `${PROVINCE_ABBR[place ? place.name.slice(0, 2) : '北京'] ?? '京'}ICP备${rng.int(10_000_000, 99_999_999)}号`;
  const garbledInSignature =
    defects.has('garbled-date') &&
    hasSignature &&
    readingsOf(`${signed.y}${signed.m}${signed.d}`).length === 1 &&
    rng.chance(0.5);

  // ----- chrome above the title
  if (chrome && rng.chance(0.8)) {
    const sep = rng.pick([' > ', ' / ', '>', ' ＞ ']);
    const trail = rng.pick([
      ['首页', '政府信息公开', '法定主动公开内容', '法治政府建设年度报告'],
      ['首页', '政务公开', '重点领域信息公开', '法治政府建设'],
      ['首页', '信息公开', '其他主动公开内容', '法治建设年报'],
    ]);
    out.line('breadcrumb', rng.pick(['您当前的位置：', '当前位置：', '您现在的位置：']) + trail.join(sep));
  }
  let signedInMeta = false;
  let pubSpanMeta: Span | null = null;
  if (metaBlock) {
    const index = `${rng.int(10_000_000, 99_999_999)}${rng.int(1_000_000_000, 2_000_000_000)}/${year + 1}-${String(rng.int(1, 99_999)).padStart(5, '0')}`;
    signedInMeta = rng.chance(0.8);
    const fields: [string, string][] = [
      ['索引号', index],
      ['主题分类', rng.pick(['司法', '法治政府建设年度报告', '政府工作', '其他'])],
      ['发布机构', publisher],
      ['成文日期', signedInMeta ? iso(signed) : ''],
      ['发布日期', iso(published)],
      ['文号', ''],
    ];
    const paired = rng.chance(0.5);
    for (let i = 0; i < fields.length; i += paired ? 2 : 1) {
      const row = paired ? fields.slice(i, i + 2) : fields.slice(i, i + 1);
      const line = row
        .map(([k, v]) => `${k}：${v}`)
        .join('  ')
        .trimEnd();
      const start = out.line('meta', line, '', { fields: row });
      let off = 0;
      for (const [k, v] of row) {
        off += k.length + 1;
        if (k === '发布日期') pubSpanMeta = { start: start + off, end: start + off + v.length };
        off += v.length + 2;
      }
    }
    out.line('meta', `标题：${title}`, '', { fields: [['标题', title]] });
  }

  // ----- title and publication line
  const titleStart = out.line('title', title);
  if (defects.has('year-mismatch')) {
    const at = title.indexOf(String(titleYear));
    out.defect(
      'year-mismatch',
      { start: titleStart + at, end: titleStart + at + 4 },
      `title says ${titleYear}, the body reports on ${year}`,
    );
  }
  let pubSpan: Span | null = null;
  if (showPubLine) {
    const lead = rng.pick(['发布时间：', '发布日期：']);
    const src = rng.chance(0.6) ? `  来源：${publisher}` : '';
    const start = out.line('publine', `${lead}${pubTime}${src}${rng.chance(0.4) ? '  浏览次数：' : ''}`);
    pubSpan = { start: start + lead.length, end: start + lead.length + 10 };
    if (chrome && rng.chance(0.3)) out.line('fontsize', '【字体：大 中 小】');
  }
  const publishedShown = pubSpan !== null || pubSpanMeta !== null;
  if (defects.has('late-publication')) {
    const span = pubSpan ?? pubSpanMeta;
    if (span) out.defect('late-publication', span, `published ${iso(published)}, after ${iso(deadline)}`);
  }

  // ----- preamble
  const residueInPreamble = defects.has('template-residue') && rng.chance(0.3);
  {
    const p = new Para();
    let pre = w.f(rng.pick(PREAMBLES));
    if (!pre.startsWith(String(year))) {
      pre = `${year}年，${vars.subject}${rng.pick(['深入贯彻习近平法治思想', '认真落实上级决策部署'])}，扎实推进法治政府建设。${pre}`;
    }
    const at = pre.lastIndexOf(`${year}年`);
    if (residueInPreamble && at > 0) {
      p.add(pre.slice(0, at));
      p.defect('template-residue', '20XX', 'placeholder year 20XX left in the preamble');
      p.add(pre.slice(at + 4));
    } else {
      p.add(pre);
    }
    w.para(p);
    if (residueInPreamble && at <= 0) w.inserts.push(residueInsert(rng));
  }

  // ----- insertions in the measures text
  if (defects.has('template-residue') && !residueInPreamble) w.inserts.push(residueInsert(rng));
  if (defects.has('garbled-date') && !garbledInSignature) w.inserts.push(garbledInsert(rng, w));
  else if (rng.chance(0.4)) {
    const m = rng.int(2, 11);
    const d = rng.int(1, 28);
    w.inserts.push((p) => p.add(`${m}月${d}日，${w.f(rng.pick(eventsFor(w)))}。`));
  }

  // ----- figure defects: the templates that must appear
  for (const kind of ['sum-mismatch', 'rate-mismatch', 'order-violation'] as const) {
    if (!defects.has(kind)) continue;
    const pool = templatesFor(kind).filter(
      (t) =>
        (!t.levels || t.levels.includes(rep.level)) &&
        (!t.only || (t.only === 'dept') === isDeptLike) &&
        !w.forced.some((f) => f.t.id === t.id) &&
        (!t.leadership || missing !== 'leadership'),
    );
    if (pool.length > 0) w.forced.push({ t: rng.pick(pool), want: kind });
  }

  // ----- measures areas
  const measuresParts = layout.slots.filter((s) => s.kind === 'measures').length;
  const subTotal = { short: rng.int(3, 4), normal: rng.int(5, 7), long: rng.int(7, 9) }[size];
  const leadFirst = !isDeptLike || rng.chance(0.5) || layout.embedded === 'item';
  const forcedAreas = w.forced.filter((f) => !f.t.leadership).map((f) => f.t.area);
  w.areas = pickAreas(
    rng,
    rep,
    Math.max(subTotal, forcedAreas.length + (leadFirst ? 1 : 0)),
    forcedAreas,
    leadFirst,
  );
  w.insertAt = rng.int(1, Math.min(2, w.areas.length));
  const perPart = Math.ceil(w.areas.length / measuresParts);

  // ----- the parts, in order; a part left out leaves a zero-length mark where it would have been
  // A leadership part that was only embedded is missed where a part of its own would stand.
  const order: PartSlot[] = originalSlots.slice();
  if (missing && !order.some((s) => s.kind === missing)) {
    const at = order.findIndex((s) => s.kind === 'shortcomings' || s.kind === 'merged');
    order.splice(at < 0 ? order.length : order[at]?.kind === 'merged' ? at : at + 1, 0, { kind: missing });
  }
  let measuresDone = 0;
  for (const slot of order) {
    if (slot.kind === missing) {
      out.defect(
        'missing-part',
        { start: out.length, end: out.length },
        `the mandated part "${missing}" is missing`,
      );
      continue;
    }
    switch (slot.kind) {
      case 'measures':
        w.measures(measuresDone === 0, measuresDone === measuresParts - 1 ? w.areas.length : perPart);
        measuresDone++;
        break;
      case 'leadership':
        w.leadership();
        break;
      case 'shortcomings':
        w.shortcomings(false);
        break;
      case 'plans':
        w.plans(false);
        break;
      case 'merged':
        w.shortcomings(true);
        w.plans(true);
        break;
      case 'other':
        w.other();
        break;
    }
  }

  // ----- 落款
  let signedGold: string | null = signedInMeta ? iso(signed) : null;
  if (hasSignature) {
    if (!style.blankLines && rng.chance(0.5)) out.blank();
    const pad = rng.chance(0.4) ? ' '.repeat(rng.int(20, 60)) : '';
    for (const l of rep.signLines) out.line('signature', l, pad);
    if (garbledInSignature) {
      const raw = `${signed.y}${signed.m}${signed.d}`;
      const start = out.line('date', raw, pad);
      out.defect(
        'garbled-date',
        { start, end: start + raw.length },
        `落款 date ${cnDate(signed)} lost its 年/月/日`,
      );
    } else {
      out.line('date', cnDate(signed), pad);
    }
    signedGold = iso(signed);
  }

  // ----- chrome below
  if (chrome) {
    out.blank();
    const lines = rng.sample(
      [
        rng.pick(['【打印本页】【关闭窗口】', '打印 关闭', '【打印】 【关闭】']),
        rng.pick(['扫一扫在手机上查看当前页面', '扫一扫在手机打开当前页']),
        `主办单位：${place ? governmentName(place) : rep.issuer}办公室`,
        `版权所有：${site}`,
        icp,
      ],
      rng.int(3, 5),
    );
    for (const l of lines) out.line('footer', l);
  }

  // ----- text, gold, relations
  const conv = style.half ? toHalfPunct : (s: string): string => s;
  const text = conv(out.toString());
  const placed = out.indicators.slice().sort((a, b) => a.pos - b.pos);
  const indexOfPos = new Map<number, number>();
  placed.forEach((p, i) => {
    indexOfPos.set(p.pos, i);
  });
  const name = `synth_${options.seed >>> 0}`;
  const issuer = named ? rep.subjectIssuer : hasSignature ? rep.signLines.join(' ') : null;
  const gold: GoldReading = {
    source: `${name}.txt`,
    meta: {
      title: conv(title),
      issuer: issuer === null ? null : conv(issuer),
      unitKind: rep.unitKind,
      jurisdiction: place ? { name: place.name, code: place.code, level: levelOf(place.kind) } : null,
      year,
      published: publishedShown ? iso(published) : null,
      signed: signedGold,
    },
    parts: w.parts.map((p) => ({ part: p.part, heading: conv(p.heading) })),
    indicators: placed.map((p: PlacedIndicator) => ({
      key: p.key,
      value: p.value,
      unit: p.unit,
      approx: p.approx,
      quote: conv(p.quote),
    })),
  };
  return {
    name,
    text,
    gold,
    defects: out.defects
      .slice()
      .sort((a, b) => a.span.start - b.span.start)
      .map((d) => ({ kind: d.kind, span: d.span, note: d.note })),
    // a relation is broken when its figure carries a defect and the arithmetic fails
    relations: out.relations.map(({ rel, ids, broken }) => {
      const r = remap(rel, ids, indexOfPos, false);
      return { ...r, broken: broken && !relationHolds(gold.indicators, r) };
    }),
    doc: {
      blocks: style.half ? out.blocks.map((b) => ({ ...b, text: conv(b.text) })) : out.blocks,
      site,
      publishedAt: publishedShown ? pubTime : null,
      publisher: chrome || showPubLine ? publisher : null,
      docxNumbering: w.parts.length >= 2 && rng.chance(0.35),
      icp,
      html: { encoding: rng.chance(0.4) ? 'gbk' : 'utf-8', layout: rng.chance(0.4) ? 'table' : 'modern' },
    },
  };
}

function residueInsert(rng: Rng): (p: Para) => void {
  const forms: [string, string, string][] = [
    ['全年共开展专项执法检查XX次。', 'XX', 'placeholder XX instead of a count'],
    ['××单位被评为法治政府建设先进单位。', '××', 'placeholder ×× instead of a name'],
    [
      '（此处填写本单位典型经验做法）',
      '（此处填写本单位典型经验做法）',
      'drafting instruction left in the text',
    ],
    ['截至20XX年底，各项任务均已按期完成。', '20XX', 'placeholder year 20XX'],
    ['X月X日，召开法治政府建设推进会。', 'X月X日', 'placeholder date X月X日'],
  ];
  const [s, token, note] = rng.pick(forms);
  const at = s.indexOf(token);
  return (p) => {
    p.defect('template-residue', s, note, { start: at, end: at + token.length });
  };
}

function garbledInsert(rng: Rng, w: Writer): (p: Para) => void {
  const m = rng.int(1, 11);
  const d = rng.int(10, 28);
  const event = w.f(rng.pick(eventsFor(w)));
  if (rng.chance(0.3)) {
    const d2 = Math.min(daysIn(w.year, m), d + rng.int(1, 3));
    const token = `${m}${d}日`;
    const s = `${token}至${d2}日，${event}。`;
    return (p) => {
      p.defect('garbled-date', s, `date range ${m}月${d}日至${d2}日 lost its 月`, {
        start: 0,
        end: token.length,
      });
    };
  }
  const token = `${m}${d}日`;
  const s = `${token}，${event}。`;
  return (p) => {
    p.defect('garbled-date', s, `date ${m}月${d}日 lost its 月`, { start: 0, end: token.length });
  };
}

/**
 * Whether a relation holds on the values of the gold indicators: sums exact, `sum-le` and `le`
 * as bounds, rates within half a unit of the second decimal.
 */
export function relationHolds(indicators: readonly { value: number }[], rel: SynthRelation): boolean {
  const v = (i: number): number => indicators[i]?.value ?? Number.NaN;
  const op = (o: Operand): number => (typeof o === 'number' ? v(o) : o.value);
  const sum = (ids: number[]): number => ids.reduce((acc, i) => acc + v(i), 0);
  switch (rel.kind) {
    case 'sum':
      return v(rel.total) === sum(rel.parts);
    case 'sum-le':
      return sum(rel.parts) <= v(rel.total);
    case 'le':
      return v(rel.small) <= sum(rel.big) + (rel.extra ?? 0);
    case 'rate':
      return Math.abs(v(rel.rate) - (100 * op(rel.num)) / op(rel.den)) <= 0.005 + 1e-9;
  }
}

function remap(
  rel: FigRelation,
  ids: number[],
  indexOfPos: Map<number, number>,
  broken: boolean,
): SynthRelation {
  const g = (i: number): number => indexOfPos.get(ids[i] as number) as number;
  const op = (o: number | { value: number }): Operand => (typeof o === 'number' ? g(o) : o);
  switch (rel.kind) {
    case 'sum':
    case 'sum-le':
      return { kind: rel.kind, total: g(rel.total), parts: rel.parts.map(g), broken };
    case 'le':
      return {
        kind: 'le',
        small: g(rel.small),
        big: rel.big.map(g),
        ...(rel.extra ? { extra: rel.extra } : {}),
        broken,
      };
    case 'rate':
      return { kind: 'rate', rate: g(rel.rate), num: op(rel.num), den: op(rel.den), broken };
  }
}

/**
 * A corpus of `count` reports; report i uses a seed derived from (`seed`, i), so any report can
 * be regenerated alone. Names are zero-padded indices with the place code and the year.
 */
export function* generateCorpus(
  count: number,
  seed: number,
  options: Omit<SynthOptions, 'seed'> = {},
): Generator<SynthReport> {
  const width = Math.max(4, String(count).length);
  for (let i = 0; i < count; i++) {
    const s = corpusSeed(seed, i);
    const r = generateReport({ ...options, seed: s });
    const code = r.gold.meta.jurisdiction?.code ?? 'central';
    r.name = `${String(i + 1).padStart(width, '0')}_${code}_${r.gold.meta.year}`;
    r.gold.source = `${r.name}.txt`;
    yield r;
  }
}

/** The seed of report i of a corpus. */
export function corpusSeed(seed: number, i: number): number {
  return (Rng.derive(seed, i).next() * 4294967296) >>> 0;
}
