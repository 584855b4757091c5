/**
 * Sentences that state figures. Each template writes one sentence (or a clause chain), records
 * every catalogue figure it states with the exact quote, the arithmetic relations that hold
 * between them, and — when asked — breaks one relation on purpose (sum-mismatch, rate-mismatch,
 * order-violation). Values are consistent by construction: received ≥ accepted ≥ closed, parts
 * sum to totals, rates are numerator/denominator rounded to two decimals.
 */
import type { DefectKind } from './catalogue.js';
import { type Approx, exact, fullWidth, loose, type Num, rateOf, rateText, round2 } from './numbers.js';
import type { AreaId } from './prose.js';
import type { Rng } from './rng.js';

export type Level = 'province' | 'prefecture' | 'county' | 'township' | 'ministry';

/** What a template needs to know about the report it writes for. */
export interface FigCtx {
  rng: Rng;
  level: Level;
  /** Multiplier for counts (a province counts more than a township). */
  scale: number;
  isDept: boolean;
  /** 全市, 全县, 全镇, 全系统 … */
  scope: string;
  /** 市, 县, 区, 镇 … (for the government's own level). */
  self: string;
  /** 市委, 县委, 镇党委, 局党组. */
  party: string;
  /** 市政府, 县政府, 镇政府, 局. */
  gov: string;
  /** Labels of the levels below, top down: ['市级', '县级', '乡级']. */
  tiers: readonly string[];
  year: number;
  /** Write the occasional figure in full-width digits. */
  fullWidthDigits: boolean;
  percent: '%' | '％';
  /** The department's name without the place (司法局), null for a government. */
  dept: string | null;
}

/** A government, or the justice department, handles reconsideration, legal aid, correction … */
const judicial = (ctx: FigCtx): boolean => !ctx.isDept || /司法/u.test(ctx.dept ?? '');

export interface FigIndicator {
  key: string;
  value: number;
  unit: string;
  approx: Approx;
  quote: string;
  /** Offset of the quote in the sentence. */
  at: number;
}

/** An arithmetic relation between figures of one sentence (indices into `inds`). */
export type FigRelation =
  | { kind: 'sum'; total: number; parts: number[] }
  | { kind: 'sum-le'; total: number; parts: number[] }
  | { kind: 'le'; small: number; big: number[]; extra?: number }
  | { kind: 'rate'; rate: number; num: number | { value: number }; den: number | { value: number } };

export interface FigDefect {
  kind: DefectKind;
  start: number;
  end: number;
  note: string;
}

export interface Figure {
  text: string;
  inds: FigIndicator[];
  rels: FigRelation[];
  defects: FigDefect[];
  /** Whether the relations of this figure were broken on purpose. */
  broken: boolean;
}

/** Builds one figure sentence; a quote runs from the last mark to the end of the text so far. */
export class FigBuilder {
  text = '';
  private markAt = 0;
  readonly inds: FigIndicator[] = [];
  readonly rels: FigRelation[] = [];
  readonly defects: FigDefect[] = [];
  broken = false;

  add(s: string): this {
    this.text += s;
    return this;
  }

  /** Start a quote here. */
  mark(): this {
    this.markAt = this.text.length;
    return this;
  }

  /** Add `s` as its own quoted clause and record the figure. */
  fig(key: string, num: Num, unit: string, s: string): number {
    this.mark();
    this.add(s);
    return this.ind(key, num, unit);
  }

  /** Record the figure whose quote runs from the mark to here. */
  ind(key: string, num: Num, unit: string, from = this.markAt): number {
    this.inds.push({
      key,
      value: num.value,
      unit,
      approx: num.approx,
      quote: this.text.slice(from),
      at: from,
    });
    return this.inds.length - 1;
  }

  rel(r: FigRelation): void {
    this.rels.push(r);
  }

  defect(kind: DefectKind, start: number, end: number, note: string): void {
    this.defects.push({ kind, start, end, note });
    this.broken = true;
  }

  done(): Figure {
    return { text: this.text, inds: this.inds, rels: this.rels, defects: this.defects, broken: this.broken };
  }
}

// ---------------------------------------------------------------------------------------------
// Number helpers bound to a context

/** A scaled count in [lo, hi] × scale, at least `min`. */
export function n(ctx: FigCtx, lo: number, hi: number, min = 1): number {
  const v = ctx.rng.int(lo, hi) * ctx.scale;
  return Math.max(min, Math.round(v));
}

function style(ctx: FigCtx, num: Num): Num {
  if (ctx.fullWidthDigits && ctx.rng.chance(0.04)) return { ...num, text: fullWidth(num.text) };
  return num;
}

/** Exact count, as printed. */
export function ex(ctx: FigCtx, v: number): Num {
  return style(ctx, exact(v));
}

/** Loose count (余/近/万/百余…). */
export function lo(ctx: FigCtx, v: number): Num {
  return style(ctx, loose(ctx.rng, v));
}

/** A rate as printed with its percent sign. */
export function pct(ctx: FigCtx, r: number): Num {
  const v = round2(r);
  return style(ctx, { text: `${rateText(v)}${ctx.percent}`, value: v, approx: null });
}

/** A high rate such as 98.76% or 100%. */
export function highRate(ctx: FigCtx, full = 0.5): number {
  if (ctx.rng.chance(full)) return 100;
  return round2(ctx.rng.int(9500, 9999) / 100);
}

/** A wrong rate: off by 0.5–8 points, kept within [0, 100]. */
function wrongRate(ctx: FigCtx, r: number): number {
  const delta = ctx.rng.int(50, 800) / 100;
  const up = r + delta <= 100 && (r - delta < 0 || ctx.rng.chance(0.5));
  return round2(up ? r + delta : r - delta);
}

const pickFn = <T>(rng: Rng, fns: readonly (() => T)[]): T => rng.pick(fns)();

// ---------------------------------------------------------------------------------------------
// Templates

export interface FigTemplate {
  id: string;
  area: AreaId;
  /** Levels it suits (default: all). */
  levels?: readonly Level[];
  /** Only for governments / only for departments. */
  only?: 'gov' | 'dept';
  /** Defects it can carry. */
  supports?: readonly DefectKind[];
  /** Belongs to the leadership part (第一责任人) rather than general measures. */
  leadership?: boolean;
  /** Whether the reporter would state this figure (checked for random picks, not for forced ones). */
  fits?: (ctx: FigCtx) => boolean;
  make(ctx: FigCtx, want?: DefectKind): Figure;
}

const GOV_LEVELS: readonly Level[] = ['province', 'prefecture', 'county'];

export const TEMPLATES: readonly FigTemplate[] = [
  // ----- A10 leadership (第一责任人) -----
  {
    id: 'lead.meetings',
    area: 'A10',
    leadership: true,
    make(ctx) {
      const b = new FigBuilder();
      const a = n(ctx, 2, 6, 1);
      if (!ctx.isDept && ctx.level !== 'township' && ctx.rng.chance(0.5)) {
        const c = Math.max(1, a + ctx.rng.int(-2, 3));
        b.add(`${ctx.party}常委会会议、${ctx.gov}常务会议`);
        const from = b.text.length;
        b.mark().add(`分别听取审议法治建设有关议题${ex(ctx, a).text}次`);
        b.ind('leadership.rule_of_law_meetings', exact(a), '次', from);
        b.add(`和${c}次`);
        b.ind('leadership.rule_of_law_meetings', exact(c), '次', from);
      } else {
        pickFn(ctx.rng, [
          () =>
            b.fig(
              'leadership.rule_of_law_meetings',
              ex(ctx, a),
              '次',
              `全年召开法治政府建设专题会议${ex(ctx, a).text}次`,
            ),
          () =>
            b.fig(
              'leadership.rule_of_law_meetings',
              ex(ctx, a),
              '次',
              `${ctx.party}会议专题研究法治建设工作${ex(ctx, a).text}次`,
            ),
          () =>
            b.fig(
              'leadership.rule_of_law_meetings',
              ex(ctx, a),
              '次',
              `先后${ex(ctx, a).text}次召开会议专题研究法治建设`,
            ),
        ]);
      }
      b.add('，及时研究解决法治建设中的重大问题');
      return b.done();
    },
  },
  {
    id: 'lead.pre-meeting-study',
    area: 'A10',
    leadership: true,
    make(ctx) {
      const b = new FigBuilder();
      const times = n(ctx, 6, 14, 3);
      const laws = times + ctx.rng.int(0, 8);
      b.add('严格落实会前学法制度，');
      b.fig('leadership.pre_meeting_law_study', ex(ctx, times), '次', `全年开展会前学法${times}次`);
      if (ctx.rng.chance(0.6)) {
        b.add('，');
        b.fig('leadership.pre_meeting_law_study', exact(laws), '部', `集中学习法律法规${laws}部`);
      }
      return b.done();
    },
  },
  {
    id: 'lead.central-group',
    area: 'A10',
    leadership: true,
    make(ctx) {
      const b = new FigBuilder();
      const k = ctx.rng.int(2, 6);
      const unit = ctx.rng.pick(['期', '次'] as const);
      const who = ctx.isDept ? '党组理论学习中心组' : `${ctx.party}理论学习中心组`;
      b.fig('leadership.central_group_law_study', exact(k), unit, `${who}专题学法${k}${unit}`);
      b.add('，带动各级领导干部深入学习习近平法治思想');
      return b.done();
    },
  },
  {
    id: 'lead.duty-list',
    area: 'A10',
    leadership: true,
    make(ctx) {
      const b = new FigBuilder();
      const a = ctx.rng.int(12, 40);
      b.add('制定党政主要负责人履行推进法治建设第一责任人职责清单，');
      if (!ctx.isDept && ctx.level !== 'township' && ctx.rng.chance(0.5)) {
        const c = ctx.rng.int(8, 30);
        b.fig(
          'leadership.duty_list_items',
          exact(a),
          '项',
          `明确${ctx.gov.replace(/政府$/u, '')}级主要负责人职责事项${a}项`,
        );
        b.add('、');
        b.fig('leadership.duty_list_items', exact(c), '项', `部门主要负责人职责事项${c}项`);
      } else {
        b.fig('leadership.duty_list_items', exact(a), '项', `细化职责事项${a}项`);
      }
      b.add('，做到责任清晰、任务明确');
      return b.done();
    },
  },
  {
    id: 'lead.trainings',
    area: 'A10',
    leadership: true,
    make(ctx) {
      const b = new FigBuilder();
      const k = n(ctx, 2, 8, 1);
      const unit = ctx.rng.pick(['场', '期', '次'] as const);
      pickFn(ctx.rng, [
        () =>
          b.fig(
            'leadership.law_trainings',
            ex(ctx, k),
            unit,
            `举办领导干部法治专题讲座${ex(ctx, k).text}${unit}`,
          ),
        () =>
          b.fig('leadership.law_trainings', ex(ctx, k), unit, `组织法治专题培训${ex(ctx, k).text}${unit}`),
      ]);
      b.add('，不断提升领导干部运用法治思维和法治方式推动工作的能力');
      return b.done();
    },
  },
  {
    id: 'lead.law-exam',
    area: 'A10',
    leadership: true,
    supports: ['rate-mismatch'],
    make(ctx, want) {
      const b = new FigBuilder();
      const takers = n(ctx, 300, 2500, 20);
      const withCount = want === 'rate-mismatch' || ctx.rng.chance(0.35);
      const passed = takers - ctx.rng.int(0, Math.max(1, Math.floor(takers * 0.03)));
      const t = b.fig(
        'leadership.law_exam_takers',
        ex(ctx, takers),
        '人',
        `组织${takers}人参加年度学法用法考试`,
      );
      if (ctx.rng.chance(0.4)) b.add('，参考率100%');
      if (withCount) {
        b.add(`，${passed}人考试合格，`);
        const r = rateOf(passed, takers);
        const stated = want === 'rate-mismatch' ? wrongRate(ctx, r) : r;
        const p = b.fig(
          'leadership.law_exam_pass_rate',
          pct(ctx, stated),
          '%',
          `合格率${pct(ctx, stated).text}`,
        );
        b.rel({ kind: 'rate', rate: p, num: { value: passed }, den: t });
        if (want === 'rate-mismatch') {
          const at = b.inds[p]?.at ?? 0;
          b.defect(
            'rate-mismatch',
            at,
            b.text.length,
            `合格率 stated ${stated}%, ${passed}/${takers} = ${r}%`,
          );
        }
      } else {
        // The rate of a count the text does not state: still a whole number of people passed.
        const r = rateOf(passed, takers);
        b.add('，');
        b.fig('leadership.law_exam_pass_rate', pct(ctx, r), '%', `合格率达${pct(ctx, r).text}`);
      }
      return b.done();
    },
  },
  {
    id: 'lead.trial-observers',
    area: 'A10',
    make(ctx) {
      const b = new FigBuilder();
      const k = n(ctx, 80, 600, 10);
      const unit = ctx.rng.pick(['人次', '人'] as const);
      b.add('组织国家工作人员旁听行政案件庭审，');
      const num = lo(ctx, k);
      b.fig('litigation.trial_observers', num, unit, `累计旁听庭审${num.text}${unit}`);
      return b.done();
    },
  },
  // ----- A10 inspection -----
  {
    id: 'insp.teams',
    area: 'A10',
    levels: ['province', 'prefecture', 'county', 'ministry'],
    make(ctx) {
      const b = new FigBuilder();
      const teams = ctx.rng.int(3, 9);
      const deps = n(ctx, 8, 30, 3);
      b.fig('inspection.teams', exact(teams), '个', `组建${teams}个法治督察组`);
      b.add('，');
      if (!ctx.isDept && (ctx.level === 'county' || ctx.level === 'prefecture')) {
        const towns = ctx.rng.int(5, 18);
        const unit = ctx.rng.pick(['个', '家'] as const);
        b.fig('inspection.units_inspected', exact(deps), unit, `对${deps}${unit}部门`);
        b.add('、');
        b.fig('inspection.units_inspected', exact(towns), '个', `${towns}个镇（街道）开展法治建设专项督察`);
      } else {
        b.fig('inspection.units_inspected', exact(deps), '个', `对${deps}个单位开展法治建设专项督察`);
      }
      if (ctx.rng.chance(0.7)) {
        const p = n(ctx, 10, 45, 3);
        const r = ctx.rng.chance(0.5) ? p : p - ctx.rng.int(1, Math.max(1, Math.floor(p / 4)));
        b.add('，');
        const i = b.fig('inspection.problems', ex(ctx, p), '项', `发现问题${p}项`);
        b.add('，');
        const j = b.fig('inspection.problems_rectified', ex(ctx, r), '项', `已整改${r}项`);
        b.rel({ kind: 'le', small: j, big: [i] });
      }
      return b.done();
    },
  },
  {
    id: 'insp.leads',
    area: 'A10',
    make(ctx) {
      const b = new FigBuilder();
      const leads = n(ctx, 5, 30, 2);
      const closed = leads - ctx.rng.int(0, Math.min(leads - 1, 4));
      b.add('通过督察和群众反映，');
      const i = b.fig('inspection.leads', exact(leads), '条', `共收到问题线索${leads}条`);
      b.add('，');
      const j = b.fig('inspection.leads_closed', exact(closed), '条', `办结${closed}条`);
      if (closed < leads) b.add(`，其余${leads - closed}条正在跟进办理`);
      b.rel({ kind: 'le', small: j, big: [i] });
      return b.done();
    },
  },
  // ----- A02 -----
  {
    id: 'fn.power-items',
    area: 'A02',
    only: 'gov',
    levels: GOV_LEVELS,
    make(ctx) {
      const b = new FigBuilder();
      const own = n(ctx, 1800, 3600, 200);
      if (ctx.tiers.length >= 2 && ctx.rng.chance(0.5)) {
        const lower = own * ctx.rng.int(3, 7);
        b.fig('functions.power_items', exact(own), '项', `${ctx.tiers[0]}保留行政权力事项${own}项`);
        b.add('，');
        b.fig('functions.power_items', exact(lower), '项', `${ctx.tiers[1]}保留行政权力事项${lower}项`);
      } else {
        b.add('动态调整权责清单，');
        b.fig('functions.power_items', exact(own), '项', `${ctx.scope}共保留行政权力事项${own}项`);
      }
      return b.done();
    },
  },
  {
    id: 'svc.online-items',
    area: 'A02',
    only: 'gov',
    make(ctx) {
      const b = new FigBuilder();
      if (ctx.tiers.length >= 3 && ctx.rng.chance(0.6)) {
        const a = ctx.rng.int(900, 2600);
        const c = ctx.rng.int(2000, 6000);
        const d = ctx.rng.int(6000, 22000);
        b.add('推动政务服务向基层延伸，');
        b.fig('services.online_items', exact(a), '项', `开通${ctx.tiers[0]}${a}项`);
        b.add('、');
        b.fig('services.online_items', exact(c), '项', `${ctx.tiers[1]}${c}项`);
        b.add('、');
        b.fig('services.online_items', exact(d), '项', `${ctx.tiers[2]}${d}项服务事项在线办理`);
      } else {
        const a = n(ctx, 800, 1800, 60);
        b.fig('services.online_items', exact(a), '项', `${ctx.scope}${a}项政务服务事项实现网上可办`);
        if (ctx.rng.chance(0.6)) {
          b.add('，');
          const r = pct(ctx, highRate(ctx, 0.3));
          b.fig('services.online_rate', r, '%', `网办率达${r.text}`);
        }
      }
      return b.done();
    },
  },
  {
    id: 'svc.online-cases',
    area: 'A02',
    make(ctx) {
      const b = new FigBuilder();
      const cases = n(ctx, 20000, 260000, 500);
      const num = lo(ctx, cases);
      b.fig('services.online_cases', num, '件', `全年受理网上办件${num.text}件`);
      b.add('，');
      const done = round2(ctx.rng.int(9900, 10000) / 100);
      b.fig('services.completion_rate', pct(ctx, done), '%', `办结率${pct(ctx, done).text}`);
      if (ctx.rng.chance(0.7)) {
        const sat = round2(ctx.rng.int(9950, 10000) / 100);
        b.add('，');
        b.fig('services.satisfaction_rate', pct(ctx, sat), '%', `好评率${pct(ctx, sat).text}`);
      }
      return b.done();
    },
  },
  {
    id: 'svc.cross-region',
    area: 'A02',
    only: 'gov',
    make(ctx) {
      const b = new FigBuilder();
      const a = n(ctx, 60, 300, 20);
      pickFn(ctx.rng, [
        () => b.fig('services.cross_region_items', exact(a), '项', `${a}项高频事项实现“跨省通办”`),
        () =>
          b.fig(
            'services.cross_region_items',
            exact(a),
            '项',
            `与周边地区签订合作协议，推动${a}项事项跨域通办`,
          ),
      ]);
      return b.done();
    },
  },
  {
    id: 'svc.hotline',
    area: 'A02',
    only: 'gov',
    levels: GOV_LEVELS,
    make(ctx) {
      const b = new FigBuilder();
      const calls = n(ctx, 30000, 220000, 2000);
      const orders = Math.round((calls * ctx.rng.int(25, 60)) / 100);
      const c = lo(ctx, calls);
      const o = ex(ctx, orders);
      const i = b.fig('hotline.calls', c, '次', `12345热线全年接听群众来电${c.text}次`);
      b.add('，');
      const j = b.fig('hotline.work_orders', o, '件', `派发工单${o.text}件`);
      if (c.approx === null && o.approx === null) b.rel({ kind: 'le', small: j, big: [i] });
      b.add('，做到件件有回音、事事有着落');
      return b.done();
    },
  },
  {
    id: 'sup.claim',
    area: 'A02',
    supports: ['rate-mismatch'],
    make(ctx, want) {
      const b = new FigBuilder();
      const total = n(ctx, 400, 1200, 30);
      const claimed = total - ctx.rng.int(0, Math.floor(total * 0.04));
      const r = rateOf(claimed, total);
      const stated = want === 'rate-mismatch' ? wrongRate(ctx, r) : r;
      b.add(`在“互联网+监管”系统应认领监管事项${total}项，`);
      const i = b.fig('supervision.items_claimed', exact(claimed), '项', `已认领${claimed}项`);
      b.add('，');
      const p = b.fig('supervision.claim_rate', pct(ctx, stated), '%', `认领率${pct(ctx, stated).text}`);
      b.rel({ kind: 'rate', rate: p, num: i, den: { value: total } });
      if (want === 'rate-mismatch')
        b.defect('rate-mismatch', 0, b.text.length, `认领率 stated ${stated}%, ${claimed}/${total} = ${r}%`);
      return b.done();
    },
  },
  {
    id: 'sup.random',
    area: 'A02',
    make(ctx) {
      const b = new FigBuilder();
      const deps = ctx.rng.int(6, 28);
      const tasks = n(ctx, 20, 90, 3);
      const unit = ctx.rng.pick(['个', '次'] as const);
      b.add(ctx.isDept || ctx.level === 'township' ? '会同有关部门' : `${deps}个部门`);
      b.fig(
        'supervision.random_inspection_tasks',
        exact(tasks),
        unit,
        `发起部门联合“双随机、一公开”抽查任务${tasks}${unit}`,
      );
      return b.done();
    },
  },
  {
    id: 'credit.records',
    area: 'A02',
    make(ctx) {
      const b = new FigBuilder();
      const v = n(ctx, 200000, 4000000, 5000);
      const num = lo(ctx, v);
      b.add('加快社会信用体系建设，');
      b.fig('credit.records', num, '条', `累计归集各类信用信息${num.text}条`);
      return b.done();
    },
  },
  {
    id: 'fair.review',
    area: 'A02',
    make(ctx) {
      const b = new FigBuilder();
      const v = n(ctx, 20, 160, 3);
      const num = lo(ctx, v);
      pickFn(ctx.rng, [
        () =>
          b.fig(
            'fair_competition.docs_reviewed',
            num,
            '件',
            `对${num.text}件涉及经营主体经济活动的政策措施开展公平竞争审查`,
          ),
        () => b.fig('fair_competition.docs_reviewed', num, '件', `公平竞争审查抽查文件${num.text}件`),
      ]);
      b.add('，未发现排除、限制竞争的情形');
      return b.done();
    },
  },
  // ----- A05 lenient lists -----
  {
    id: 'lenient.lists',
    area: 'A05',
    levels: ['province', 'prefecture', 'county', 'ministry'],
    make(ctx) {
      const b = new FigBuilder();
      const a = ctx.rng.int(80, 600);
      const c = ctx.rng.int(100, 900);
      const d = ctx.rng.int(40, 300);
      b.add('全面推行包容审慎监管，公布');
      b.fig('lenient.no_penalty_items', exact(a), '项', `不予行政处罚事项${a}项`);
      b.add('、');
      b.fig('lenient.lighter_penalty_items', exact(c), '项', `从轻行政处罚事项${c}项`);
      b.add('、');
      b.fig('lenient.reduced_penalty_items', exact(d), '项', `减轻行政处罚事项${d}项`);
      if (ctx.rng.chance(0.6)) {
        const e = ctx.rng.int(3, 20);
        b.add('、');
        b.fig('lenient.no_coercion_items', exact(e), '项', `不予行政强制措施事项${e}项`);
      }
      return b.done();
    },
  },
  // ----- A03 -----
  {
    id: 'rules.legislation',
    area: 'A03',
    only: 'gov',
    levels: ['province', 'prefecture'],
    make(ctx) {
      const b = new FigBuilder();
      const a = ctx.rng.int(1, 6);
      const c = ctx.rng.int(1, 5);
      b.add('围绕重点领域立法，');
      b.fig('legislation.enacted', exact(a), '部', `出台地方性法规${a}部`);
      b.add('、');
      b.fig('legislation.enacted', exact(c), '部', `政府规章${c}部`);
      return b.done();
    },
  },
  {
    id: 'rules.issued',
    area: 'A03',
    make(ctx) {
      const b = new FigBuilder();
      const a = n(ctx, 4, 30, 1);
      b.fig('normative_docs.issued', ex(ctx, a), '件', `全年制发行政规范性文件${ex(ctx, a).text}件`);
      b.add('，');
      if (ctx.rng.chance(0.5)) {
        b.fig(
          'normative_docs.filing_rate',
          pct(ctx, 100),
          '%',
          `报备率、报备及时率、规范率均达到${pct(ctx, 100).text}`,
        );
      } else {
        b.fig('normative_docs.filing_rate', pct(ctx, 100), '%', `按时备案率${pct(ctx, 100).text}`);
      }
      return b.done();
    },
  },
  {
    id: 'rules.review',
    area: 'A03',
    make(ctx) {
      const b = new FigBuilder();
      const docs = n(ctx, 10, 60, 2);
      const unit = ctx.rng.pick(['件', '份'] as const);
      const ops = Math.max(1, Math.round((docs * ctx.rng.int(80, 250)) / 100));
      b.fig('normative_docs.reviewed', exact(docs), unit, `对${docs}${unit}规范性文件开展合法性审核`);
      b.add('，');
      const ounit = ctx.rng.pick(['件', '条'] as const);
      b.fig('legality_review.opinions', exact(ops), ounit, `提出修改意见${ops}${ounit}`);
      return b.done();
    },
  },
  {
    id: 'rules.cleanup',
    area: 'A03',
    supports: ['sum-mismatch'],
    make(ctx, want) {
      const b = new FigBuilder();
      const kept = n(ctx, 40, 180, 5);
      const rep = n(ctx, 5, 40, 1);
      const amd = n(ctx, 2, 20, 1);
      const trueTotal = kept + rep + amd;
      const qi = want !== 'sum-mismatch' && ctx.rng.chance(0.35);
      let total = trueTotal;
      if (want === 'sum-mismatch') total = trueTotal + (ctx.rng.chance(0.5) ? 1 : -1) * ctx.rng.int(1, 6);
      b.add('组织开展规范性文件专项清理，');
      const t = b.fig('normative_docs.cleaned', exact(total), '件', `共清理规范性文件${total}件`);
      b.add(qi ? '，其中' : '，');
      const i = b.fig('normative_docs.retained', exact(kept), '件', `保留${kept}件`);
      b.add(qi ? '、' : '，');
      const j = b.fig('normative_docs.repealed', exact(rep), '件', `废止${rep}件`);
      b.add(qi ? '、' : '，');
      const k = b.fig('normative_docs.amended', exact(amd), '件', `修改${amd}件`);
      b.rel({ kind: 'sum', total: t, parts: [i, j, k] });
      if (want === 'sum-mismatch') {
        const start = b.inds[t]?.at ?? 0;
        b.defect(
          'sum-mismatch',
          start,
          b.text.length,
          `${kept}+${rep}+${amd} = ${trueTotal}, total stated ${total}`,
        );
      }
      return b.done();
    },
  },
  {
    id: 'rules.contracts',
    area: 'A04',
    make(ctx) {
      const b = new FigBuilder();
      const c = n(ctx, 15, 120, 2);
      const d = n(ctx, 30, 260, 3);
      const unit = ctx.rng.pick(['件', '份', '起'] as const);
      b.fig('legality_review.contracts', exact(c), unit, `审查政府合同协议${c}${unit}`);
      b.add('、');
      b.fig('legality_review.documents', exact(d), '件', `其他文件${d}件`);
      if (ctx.rng.chance(0.5)) {
        const o = Math.round(((c + d) * ctx.rng.int(30, 90)) / 100);
        const ounit = ctx.rng.pick(['件', '条'] as const);
        b.add('，');
        b.fig('legality_review.opinions', exact(o), ounit, `提出法律意见建议${o}${ounit}`);
      }
      return b.done();
    },
  },
  // ----- A04 -----
  {
    id: 'dec.major',
    area: 'A04',
    make(ctx) {
      const b = new FigBuilder();
      const a = Math.max(1, Math.round(ctx.rng.int(3, 14) * Math.min(3, ctx.scale)));
      const unit = ctx.rng.pick(['项', '件'] as const);
      pickFn(ctx.rng, [
        () => {
          b.add('编制年度重大行政决策事项目录，');
          b.fig('decisions.major_decisions', exact(a), unit, `${a}${unit}重大行政决策事项全部履行法定程序`);
        },
        () => {
          b.fig('decisions.major_decisions', exact(a), unit, `共审查重大行政决策${a}${unit}`);
          b.add('，');
          b.fig('decisions.legality_review_rate', pct(ctx, 100), '%', `合法性审查率达${pct(ctx, 100).text}`);
        },
      ]);
      return b.done();
    },
  },
  {
    id: 'dec.counsel',
    area: 'A04',
    make(ctx) {
      const b = new FigBuilder();
      const adv = n(ctx, 5, 20, 2);
      const pub = n(ctx, 6, 40, 1);
      const u1 = ctx.rng.pick(['名', '人'] as const);
      b.add('健全法律顾问和公职律师制度，');
      b.fig('counsel.legal_advisers', exact(adv), u1, `聘请法律顾问${adv}${u1}`);
      b.add('、');
      b.fig('counsel.public_lawyers', exact(pub), u1, `公职律师${pub}${u1}`);
      if (ctx.rng.chance(0.5)) {
        const exp = n(ctx, 15, 60, 5);
        b.add('，');
        b.fig(
          'counsel.experts',
          exact(exp),
          u1,
          u1 === '名' ? `组建由${exp}名专家组成的法律专家库` : `法律专家库入库专家${exp}人`,
        );
      }
      return b.done();
    },
  },
  // ----- A05 -----
  {
    id: 'enf.exam',
    area: 'A05',
    supports: ['rate-mismatch'],
    make(ctx, want) {
      const b = new FigBuilder();
      const takers = n(ctx, 80, 600, 5);
      const unit = ctx.rng.pick(['名', '人'] as const);
      const t = b.fig(
        'enforcement.exam_takers',
        exact(takers),
        unit,
        unit === '名'
          ? `组织${takers}名行政执法人员参加执法资格考试`
          : `组织行政执法人员${takers}人参加执法资格考试`,
      );
      if (want === 'rate-mismatch' || ctx.rng.chance(0.4)) {
        const passed = takers - ctx.rng.int(1, Math.max(2, Math.floor(takers * 0.12)));
        const r = rateOf(passed, takers);
        const stated = want === 'rate-mismatch' ? wrongRate(ctx, r) : r;
        b.add(`，${passed}${unit}通过考试，`);
        const p = b.fig(
          'enforcement.exam_pass_rate',
          pct(ctx, stated),
          '%',
          `合格率${pct(ctx, stated).text}`,
        );
        b.rel({ kind: 'rate', rate: p, num: { value: passed }, den: t });
        if (want === 'rate-mismatch')
          b.defect(
            'rate-mismatch',
            0,
            b.text.length,
            `合格率 stated ${stated}%, ${passed}/${takers} = ${r}%`,
          );
      } else {
        // The rate of a count the text does not state: still a whole number of people passed.
        const r = rateOf(takers - ctx.rng.int(0, Math.floor(takers * 0.12)), takers);
        b.add('，');
        b.fig('enforcement.exam_pass_rate', pct(ctx, r), '%', `合格率达${pct(ctx, r).text}`);
      }
      return b.done();
    },
  },
  {
    id: 'enf.certificates',
    area: 'A05',
    make(ctx) {
      const b = new FigBuilder();
      const nw = n(ctx, 40, 300, 2);
      const rn = n(ctx, 80, 600, 3);
      const unit = ctx.rng.pick(['个', '件'] as const);
      b.fig('enforcement.certificates_issued', exact(nw), unit, `新申领行政执法证件${nw}${unit}`);
      b.add('，');
      b.fig('enforcement.certificates_renewed', exact(rn), unit, `审验执法证件${rn}${unit}`);
      return b.done();
    },
  },
  {
    id: 'enf.trained',
    area: 'A05',
    make(ctx) {
      const b = new FigBuilder();
      const k = ctx.rng.int(2, 9);
      const v = n(ctx, 300, 2200, 15);
      const num = lo(ctx, v);
      const unit = ctx.rng.pick(['人次', '名', '人'] as const);
      b.add(`举办行政执法人员公共法律知识培训${k}期，`);
      b.fig('enforcement.trained', num, unit, `培训执法人员${num.text}${unit}`);
      return b.done();
    },
  },
  {
    id: 'enf.case-files',
    area: 'A05',
    make(ctx) {
      const b = new FigBuilder();
      if (ctx.rng.chance(0.4)) {
        const a = n(ctx, 60, 900, 5);
        const c = n(ctx, 30, 400, 5);
        b.add('开展行政执法案卷评查，');
        b.fig('enforcement.case_files_reviewed', exact(a), '本', `评查行政许可案卷${a}本`);
        b.add('、');
        b.fig('enforcement.case_files_reviewed', exact(c), '本', `行政处罚案卷${c}本`);
      } else {
        const a = n(ctx, 40, 500, 5);
        const unit = ctx.rng.pick(['件', '卷'] as const);
        b.fig('enforcement.case_files_reviewed', exact(a), unit, `全年评查行政执法案卷${a}${unit}`);
        b.add('，对发现的问题逐一反馈整改');
      }
      return b.done();
    },
  },
  {
    id: 'enf.penalties',
    area: 'A05',
    make(ctx) {
      const b = new FigBuilder();
      const cases = n(ctx, 60, 1200, 3);
      const unit = ctx.rng.pick(['件', '起'] as const);
      b.fig('enforcement.penalty_cases', exact(cases), unit, `全年办理行政处罚案件${cases}${unit}`);
      b.add('，');
      if (ctx.scale < 0.5 || ctx.rng.chance(0.3)) {
        const yuan = ctx.rng.int(20, 900) * 100;
        b.fig('enforcement.fines', exact(yuan), '元', `罚款${yuan}元`);
      } else {
        const wan = round2((ctx.rng.int(1000, 90000) / 100) * Math.min(ctx.scale, 5));
        const value = Math.round(wan * 10000);
        b.fig('enforcement.fines', { text: `${wan}万`, value, approx: null }, '元', `罚款${wan}万元`);
      }
      if (ctx.rng.chance(0.5)) {
        const insp = n(ctx, 200, 3000, 20);
        const iu = ctx.rng.pick(['次', '起', '件'] as const);
        b.add('；');
        b.fig('enforcement.inspections', exact(insp), iu, `开展行政检查${insp}${iu}`);
      }
      return b.done();
    },
  },
  {
    id: 'enf.disclosure',
    area: 'A05',
    make(ctx) {
      const b = new FigBuilder();
      b.add('严格落实行政执法公示制度，');
      b.fig('enforcement.disclosure_rate', pct(ctx, 100), '%', `执法信息公示率达${pct(ctx, 100).text}`);
      return b.done();
    },
  },
  // ----- A06 -----
  {
    id: 'emg.drills',
    area: 'A06',
    make(ctx) {
      const b = new FigBuilder();
      const t = n(ctx, 10, 120, 2);
      const d = n(ctx, 20, 260, 2);
      const u1 = ctx.rng.pick(['场', '次'] as const);
      const u2 = ctx.rng.pick(['场', '次'] as const);
      b.fig('emergency.trainings', ex(ctx, t), u1, `开展应急管理培训${t}${u1}`);
      b.add('，');
      b.fig('emergency.drills', ex(ctx, d), u2, `组织各类应急演练${d}${u2}`);
      if (ctx.rng.chance(0.5)) b.add(`，参与群众${ctx.rng.int(2, 30)}万余人次`);
      return b.done();
    },
  },
  // ----- A07 -----
  {
    id: 'rec.full',
    fits: judicial,
    area: 'A07',
    supports: ['rate-mismatch', 'order-violation'],
    make(ctx, want) {
      const b = new FigBuilder();
      const received = n(ctx, 60, 320, 6);
      const accepted = received - ctx.rng.int(0, Math.floor(received * 0.15));
      const carried = ctx.rng.int(0, Math.max(1, Math.floor(accepted * 0.1)));
      let closed = accepted + carried - ctx.rng.int(0, Math.floor(accepted * 0.2));
      if (want === 'order-violation') closed = accepted + carried + ctx.rng.int(3, 20);
      const corrected = ctx.rng.int(0, Math.max(1, Math.floor(closed * 0.12)));
      const settled = ctx.rng.int(1, Math.max(2, Math.floor(closed * 0.3)));
      const r = b.fig(
        'reconsideration.received',
        exact(received),
        '件',
        `全年共收到行政复议申请${received}件`,
      );
      b.add('，');
      const a = b.fig('reconsideration.accepted', exact(accepted), '件', `受理${accepted}件`);
      b.add('，');
      b.mark();
      b.add(`审结${closed}件`);
      if (carried > 0) b.add(`（含上年结转${carried}件）`);
      const c = b.ind('reconsideration.closed', exact(closed), '件');
      b.rel({ kind: 'le', small: a, big: [r] });
      b.rel({ kind: 'le', small: c, big: [a], extra: carried });
      if (want === 'order-violation') {
        b.defect(
          'order-violation',
          b.inds[r]?.at ?? 0,
          b.text.length,
          `审结 ${closed} > 受理 ${accepted} + 结转 ${carried}`,
        );
      }
      b.add('，');
      const x = b.fig('reconsideration.corrected', exact(corrected), '件', `其中直接纠错${corrected}件`);
      b.add('、');
      const s = b.fig('reconsideration.settled', exact(settled), '件', `调解和解${settled}件`);
      b.rel({ kind: 'sum-le', total: c, parts: [x, s] });
      if (want === 'rate-mismatch' || ctx.rng.chance(0.6)) {
        const cr = rateOf(corrected, closed);
        const sr = rateOf(settled, closed);
        const broken = want === 'rate-mismatch' ? ctx.rng.pick(['c', 's'] as const) : null;
        const crS = broken === 'c' ? wrongRate(ctx, cr) : cr;
        const srS = broken === 's' ? wrongRate(ctx, sr) : sr;
        b.add('，');
        const p = b.fig(
          'reconsideration.correction_rate',
          pct(ctx, crS),
          '%',
          `直接纠错率${pct(ctx, crS).text}`,
        );
        b.add('，');
        const q = b.fig(
          'reconsideration.settlement_rate',
          pct(ctx, srS),
          '%',
          `调解和解率${pct(ctx, srS).text}`,
        );
        b.rel({ kind: 'rate', rate: p, num: x, den: c });
        b.rel({ kind: 'rate', rate: q, num: s, den: c });
        if (broken) {
          const at = b.inds[broken === 'c' ? p : q]?.at ?? 0;
          const note =
            broken === 'c'
              ? `直接纠错率 stated ${crS}%, ${corrected}/${closed} = ${cr}%`
              : `调解和解率 stated ${srS}%, ${settled}/${closed} = ${sr}%`;
          b.defect('rate-mismatch', at, at + (b.inds[broken === 'c' ? p : q]?.quote.length ?? 0), note);
        }
      }
      return b.done();
    },
  },
  {
    id: 'rec.short',
    fits: judicial,
    area: 'A07',
    supports: ['order-violation'],
    make(ctx, want) {
      const b = new FigBuilder();
      const accepted = n(ctx, 40, 260, 3);
      const closed =
        want === 'order-violation'
          ? accepted + ctx.rng.int(3, 25)
          : accepted - ctx.rng.int(0, Math.floor(accepted * 0.25));
      const a = b.fig('reconsideration.accepted', exact(accepted), '件', `全年受理行政复议申请${accepted}件`);
      b.add('，');
      const c = b.fig('reconsideration.closed', exact(closed), '件', `审结${closed}件`);
      b.rel({ kind: 'le', small: c, big: [a] });
      if (want === 'order-violation')
        b.defect('order-violation', 0, b.text.length, `审结 ${closed} > 受理 ${accepted}, no 结转 stated`);
      if (ctx.rng.chance(0.5)) b.add('，行政复议化解行政争议的主渠道作用进一步发挥');
      return b.done();
    },
  },
  {
    id: 'lit.cases',
    fits: judicial,
    area: 'A07',
    supports: ['rate-mismatch'],
    make(ctx, want) {
      const b = new FigBuilder();
      const cases = n(ctx, 20, 180, 2);
      const heard = cases - ctx.rng.int(0, Math.floor(cases * 0.3));
      const lost = ctx.rng.int(0, Math.max(1, Math.floor(cases * 0.08)));
      const unit = ctx.rng.pick(['件', '起'] as const);
      const c = b.fig('litigation.cases', exact(cases), unit, `全年共发生行政诉讼案件${cases}${unit}`);
      b.add('，');
      const h = b.fig('litigation.heard', exact(heard), '件', `开庭审理${heard}件`);
      b.rel({ kind: 'le', small: h, big: [c] });
      if (want === 'rate-mismatch' || ctx.rng.chance(0.5)) {
        const r = rateOf(lost, cases);
        const stated = want === 'rate-mismatch' ? wrongRate(ctx, r) : r;
        b.add('，');
        const l = b.fig('litigation.lost', exact(lost), '件', `败诉${lost}件`);
        b.add('，');
        const p = b.fig('litigation.loss_rate', pct(ctx, stated), '%', `败诉率${pct(ctx, stated).text}`);
        b.rel({ kind: 'rate', rate: p, num: l, den: c });
        if (want === 'rate-mismatch')
          b.defect('rate-mismatch', 0, b.text.length, `败诉率 stated ${stated}%, ${lost}/${cases} = ${r}%`);
      }
      return b.done();
    },
  },
  {
    id: 'lit.appearances',
    area: 'A07',
    make(ctx) {
      const b = new FigBuilder();
      const k = n(ctx, 10, 120, 2);
      const unit = ctx.rng.pick(['人次', '次'] as const);
      b.add('严格执行行政机关负责人出庭应诉规定，');
      b.fig('litigation.head_appearances', exact(k), unit, `负责人出庭应诉${k}${unit}`);
      b.add('，');
      const r = highRate(ctx, 0.7);
      b.fig('litigation.head_appearance_rate', pct(ctx, r), '%', `出庭应诉率${pct(ctx, r).text}`);
      return b.done();
    },
  },
  {
    id: 'med.full',
    area: 'A07',
    supports: ['rate-mismatch'],
    make(ctx, want) {
      const b = new FigBuilder();
      if (ctx.rng.chance(0.5)) {
        const scr = n(ctx, 200, 1500, 10);
        const prev = n(ctx, 100, 800, 5);
        b.fig('mediation.screenings', exact(scr), '次', `共开展矛盾纠纷排查${scr}次`);
        b.add('，');
        b.fig('mediation.prevented', exact(prev), '件', `预防纠纷${prev}件`);
        b.add('；');
      }
      const cases = n(ctx, 600, 4000, 5);
      const ok = cases - ctx.rng.int(0, Math.floor(cases * 0.08));
      const r = rateOf(ok, cases);
      const stated = want === 'rate-mismatch' ? wrongRate(ctx, r) : r;
      const start = b.text.length;
      const c = b.fig('mediation.cases', exact(cases), '件', `调解矛盾纠纷${cases}件`);
      b.add('，');
      const s = b.fig('mediation.succeeded', exact(ok), '件', `其中调解成功${ok}件`);
      b.add('，');
      const p = b.fig('mediation.success_rate', pct(ctx, stated), '%', `调解成功率${pct(ctx, stated).text}`);
      b.rel({ kind: 'rate', rate: p, num: s, den: c });
      b.rel({ kind: 'le', small: s, big: [c] });
      if (want === 'rate-mismatch')
        b.defect(
          'rate-mismatch',
          start,
          b.text.length,
          `调解成功率 stated ${stated}%, ${ok}/${cases} = ${r}%`,
        );
      return b.done();
    },
  },
  {
    id: 'med.short',
    area: 'A07',
    make(ctx) {
      const b = new FigBuilder();
      const cases = n(ctx, 300, 6000, 3);
      const num = lo(ctx, cases);
      b.fig('mediation.cases', num, '件', `${ctx.scope}共排查化解矛盾纠纷${num.text}件`);
      b.add('，');
      const r = round2(ctx.rng.int(9500, 10000) / 100);
      b.fig('mediation.success_rate', pct(ctx, r), '%', `调解成功率${pct(ctx, r).text}`);
      return b.done();
    },
  },
  {
    id: 'petition.visits',
    area: 'A07',
    make(ctx) {
      const b = new FigBuilder();
      const v = n(ctx, 40, 900, 5);
      const unit = ctx.rng.pick(['件次', '人次', '件'] as const);
      b.fig('petition.visits', exact(v), unit, `全年接待群众来访${v}${unit}`);
      b.add('，及时受理、按期办结');
      return b.done();
    },
  },
  {
    id: 'arb.cases',
    fits: (ctx) => !ctx.isDept || /人力资源/u.test(ctx.dept ?? ''),
    area: 'A07',
    make(ctx) {
      const b = new FigBuilder();
      const a = n(ctx, 30, 400, 2);
      const c = a - ctx.rng.int(0, Math.floor(a * 0.3));
      const i = b.fig('arbitration.accepted', exact(a), '件', `受理劳动人事争议仲裁案件${a}件`);
      b.add('，');
      const j = b.fig('arbitration.closed', exact(c), '件', `办结${c}件`);
      b.rel({ kind: 'le', small: j, big: [i] });
      if (ctx.rng.chance(0.5)) b.add(`，为劳动者追回欠薪${ctx.rng.int(100, 2000)}万元`);
      return b.done();
    },
  },
  // ----- A08 -----
  {
    id: 'ov.npc',
    area: 'A08',
    only: 'gov',
    levels: ['province', 'prefecture', 'county'],
    make(ctx) {
      const b = new FigBuilder();
      const npc = n(ctx, 20, 160, 2);
      const cp = n(ctx, 20, 200, 2);
      b.fig('oversight.npc_suggestions', exact(npc), '件', `办理人大代表建议${npc}件`);
      b.add('、');
      b.fig('oversight.cppcc_proposals', exact(cp), '件', `政协委员提案${cp}件`);
      b.add('，');
      b.fig('oversight.handled_rate', pct(ctx, 100), '%', `办复率${pct(ctx, 100).text}`);
      return b.done();
    },
  },
  {
    id: 'ov.transparency',
    area: 'A08',
    make(ctx) {
      const b = new FigBuilder();
      const v = n(ctx, 300, 4000, 20);
      const num = lo(ctx, v);
      b.fig('transparency.documents_published', num, '件', `全年主动公开政府文件${num.text}件`);
      b.add(`，依法办理政府信息公开申请${ctx.rng.int(5, 90)}件`);
      return b.done();
    },
  },
  {
    id: 'ov.exec-supervision',
    area: 'A08',
    make(ctx) {
      const b = new FigBuilder();
      const comp = n(ctx, 8, 80, 3);
      const valid = comp - ctx.rng.int(0, Math.floor(comp * 0.4));
      const closed = valid - ctx.rng.int(0, Math.floor(valid * 0.3));
      const moved = ctx.rng.int(0, Math.min(3, valid));
      const u = ctx.rng.pick(['条', '件'] as const);
      const i = b.fig('exec_supervision.complaints', exact(comp), u, `共收到行政执法投诉举报${comp}${u}`);
      b.add('，');
      const j = b.fig('exec_supervision.valid_leads', exact(valid), u, `其中有效线索${valid}${u}`);
      b.add('，');
      const k = b.fig('exec_supervision.cases_closed', exact(closed), '件', `已办结执法监督案件${closed}件`);
      b.rel({ kind: 'le', small: j, big: [i] });
      b.rel({ kind: 'le', small: k, big: [j] });
      if (moved > 0) {
        b.add('，');
        const m = b.fig(
          'exec_supervision.leads_transferred',
          exact(moved),
          u,
          `向纪检监察机关移送问题线索${moved}${u}`,
        );
        b.rel({ kind: 'le', small: m, big: [j] });
      }
      return b.done();
    },
  },
  // ----- A09 -----
  {
    id: 'dig.platform',
    area: 'A09',
    make(ctx) {
      const b = new FigBuilder();
      const v = n(ctx, 200, 3000, 10);
      const unit = ctx.rng.pick(['件', '起'] as const);
      b.add('依托行政执法综合管理监督平台，');
      b.fig('enforcement.penalty_cases', exact(v), unit, `录入行政处罚案件${v}${unit}`);
      b.add('，录入率100%');
      return b.done();
    },
  },
  // ----- X_society -----
  {
    id: 'pufa.activities',
    area: 'X_society',
    make(ctx) {
      const b = new FigBuilder();
      const act = n(ctx, 30, 400, 3);
      const unit = ctx.rng.pick(['场', '场次', '次'] as const);
      const aNum = lo(ctx, act);
      b.add('以“宪法宣传周”“民法典宣传月”等为契机，');
      b.fig('pufa.activities', aNum, unit, `开展法治宣传活动${aNum.text}${unit}`);
      if (ctx.rng.chance(0.7)) {
        const mat = n(ctx, 5000, 60000, 200);
        const mNum = lo(ctx, mat);
        const mu = ctx.rng.pick(['份', '册'] as const);
        b.add('，');
        b.fig('pufa.materials', mNum, mu, `发放宣传资料${mNum.text}${mu}`);
      }
      if (ctx.rng.chance(0.5)) {
        const aud = n(ctx, 20000, 600000, 1000);
        const wan = Math.max(1, Math.round(aud / 10000));
        b.add('，');
        b.fig(
          'pufa.audience',
          { text: `${wan}万`, value: wan * 10000, approx: null },
          '人次',
          `受众达${wan}万人次`,
        );
      }
      return b.done();
    },
  },
  {
    id: 'pufa.people',
    fits: judicial,
    area: 'X_society',
    make(ctx) {
      const b = new FigBuilder();
      const lit = n(ctx, 200, 2400, 20);
      const unit = ctx.rng.pick(['名', '人'] as const);
      const num = lo(ctx, lit);
      b.fig('pufa.legal_literates', num, unit, `培育农村学法用法示范户和“法律明白人”${num.text}${unit}`);
      if (ctx.rng.chance(0.6)) {
        const schools = n(ctx, 20, 160, 2);
        const vp = schools + ctx.rng.int(0, 10);
        const vu = ctx.rng.pick(['名', '位', '人'] as const);
        b.add(`，为${schools}所中小学`);
        b.fig('pufa.vice_principals', exact(vp), vu, `配备法治副校长${vp}${vu}`);
      }
      return b.done();
    },
  },
  {
    id: 'pls.services',
    fits: judicial,
    area: 'X_society',
    make(ctx) {
      const b = new FigBuilder();
      const aid = n(ctx, 200, 1600, 5);
      b.fig('legal_aid.cases', exact(aid), '件', `办理法律援助案件${aid}件`);
      if (ctx.rng.chance(0.6)) {
        const nt = n(ctx, 800, 4000, 10);
        b.add('，');
        b.fig('notary.cases', exact(nt), '件', `办理公证${nt}件`);
        if (ctx.rng.chance(0.6)) {
          const fo = n(ctx, 100, 900, 5);
          b.add('，');
          b.fig('forensic.cases', exact(fo), '件', `司法鉴定${fo}件`);
        }
      }
      if (ctx.rng.chance(0.5)) {
        const con = n(ctx, 800, 6000, 20);
        const cu = ctx.rng.pick(['人次', '次'] as const);
        b.add('，');
        b.fig('legal_consult.consultations', exact(con), cu, `解答群众法律咨询${con}${cu}`);
      }
      return b.done();
    },
  },
  {
    id: 'pls.network',
    fits: judicial,
    area: 'X_society',
    make(ctx) {
      const b = new FigBuilder();
      const vil = n(ctx, 100, 600, 8);
      if (ctx.level !== 'township' && ctx.rng.chance(0.6)) {
        const stations = n(ctx, 8, 30, 1);
        b.add('健全公共法律服务网络，');
        b.fig('plsc.centres', exact(stations), '个', `建成镇（街道）公共法律服务站${stations}个`);
        b.add('、');
        b.fig('plsc.centres', exact(vil), '个', `村（社区）公共法律服务工作室${vil}个`);
        b.add('，');
        b.fig('village_counsel.villages', exact(vil), '个', `${vil}个村（社区）实现法律顾问全覆盖`);
      } else {
        b.fig('village_counsel.villages', exact(vil), '个', `${ctx.scope}${vil}个村（社区）均已配备法律顾问`);
      }
      return b.done();
    },
  },
  {
    id: 'cc.correction',
    fits: judicial,
    area: 'X_society',
    make(ctx) {
      const b = new FigBuilder();
      const rec = n(ctx, 60, 400, 3);
      const rel = n(ctx, 60, 400, 3);
      const reg = n(ctx, 120, 700, 5);
      b.fig('community_correction.received', exact(rec), '人', `全年接收社区矫正对象${rec}人`);
      b.add('，');
      b.fig('community_correction.released', exact(rel), '人', `解除矫正${rel}人`);
      b.add('，');
      b.fig('community_correction.on_register', exact(reg), '人', `现有在册社区矫正对象${reg}人`);
      b.add('，无脱管漏管现象');
      if (ctx.rng.chance(0.4)) {
        const rs = n(ctx, 60, 500, 3);
        b.add('；');
        b.fig('resettlement.received', exact(rs), '人', `衔接接收刑满释放人员${rs}人`);
      }
      return b.done();
    },
  },
];

export const TEMPLATE_BY_ID: ReadonlyMap<string, FigTemplate> = new Map(TEMPLATES.map((t) => [t.id, t]));

/** Templates that can carry each figure defect. */
export function templatesFor(kind: DefectKind): FigTemplate[] {
  return TEMPLATES.filter((t) => t.supports?.includes(kind));
}

// ---------------------------------------------------------------------------------------------
// Distractors: numbers an extractor must NOT annotate (courts, police, economy, ordinals, dates …)

export function distractor(ctx: FigCtx): string {
  const r = ctx.rng;
  const Y = ctx.year;
  const local = ctx.level !== 'ministry';
  const gov = local && !ctx.isDept;
  const forms: [() => string, boolean][] = [
    [
      () =>
        `辖区法院全年受理各类案件${r.int(3000, 40000)}件，审结${r.int(2500, 36000)}件，结案率${r.int(88, 98)}.${r.int(10, 99)}${ctx.percent}`,
      local,
    ],
    [() => `公安机关全年破获刑事案件${r.int(80, 1800)}起，抓获犯罪嫌疑人${r.int(60, 1500)}名`, local],
    [() => `检察机关开展公开听证${r.int(5, 60)}件，制发检察建议${r.int(10, 120)}份`, local],
    [
      () =>
        `全年实现地区生产总值${r.int(120, 3800)}亿元，同比增长${r.int(2, 8)}.${r.int(1, 9)}${ctx.percent}`,
      gov,
    ],
    [
      () =>
        `${r.int(3, 11)}月${r.int(1, 28)}日，召开全面依法治${ctx.self}委员会第${r.pick(['二', '三', '四', '五', '六'])}次会议`,
      gov,
    ],
    [() => `印发《关于加强行政规范性文件管理的通知》（${ctx.self}政办发〔${Y}〕${r.int(2, 60)}号）`, gov],
    [
      () =>
        `连续${r.pick(['二', '三', '四', '五'])}年开展“法治为民办实事”项目，${Y - r.int(1, 3)}年以来累计投入资金${r.int(50, 900)}万元`,
      true,
    ],
    [() => `深入实施“1+${r.int(3, 9)}”法治宣传工作机制`, true],
    [() => '开通12348公共法律服务热线，提供“7×24小时”咨询服务', local],
    [
      () =>
        `截至${Y}年${r.int(6, 12)}月，${ctx.scope}辖${r.int(6, 30)}个乡镇（街道）、${r.int(100, 700)}个行政村`,
      gov && ctx.level !== 'township',
    ],
  ];
  return r.pick(forms.filter(([, ok]) => ok))[0]();
}
