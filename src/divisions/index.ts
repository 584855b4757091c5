/**
 * Administrative divisions of China (GB/T 2260 levels, NBS statistical codes): lookup by code,
 * place-name spotting in text, and resolution of a chain of place names to one
 * {@link Jurisdiction}.
 *
 * Pure: {@link parseDivisions} takes the texts of `data/divisions.tsv` and
 * `data/division-aliases.tsv`; `./load.ts` is the adapter that reads them.
 *
 * Codes inside this module are the natural NBS codes: 2 digits for a province, 4 for a
 * prefecture, 6 for a county, 9 for a township. A {@link Jurisdiction} carries the padded form
 * the gold format uses: `420000`, `230700`, `429006`, `120115123`.
 *
 * @example
 * const index = parseDivisions(divisionsTsv, aliasesTsv);
 * const names = index.findMentions('天津市宝坻区牛家牌镇人民政府').map((m) => m.name);
 * index.resolve(names); // { name: '天津市宝坻区牛家牌镇', code: '120115123', level: 'township' }
 */
import type { Jurisdiction, JurisdictionLevel } from '../core/types.js';

/** History of a unit that no longer exists under this name or code (from `division-aliases.tsv`). */
export interface FormerInfo {
  /** Year of the change: the unit existed at least in part of that year. */
  until: number;
  /** True when `until` is only known to be at least this year (written `2019+` in the data). */
  untilIsLowerBound: boolean;
  /** Current units that took the area over, the one with most of it first. */
  successorCodes: readonly string[];
  note: string;
}

/** One division: a row of `divisions.tsv`, or a `former` row of `division-aliases.tsv`. */
export interface Division {
  /** Natural code: 2, 4, 6 or 9 digits. */
  readonly code: string;
  readonly name: string;
  /**
   * Level by code length; `null` for a pseudo-level (市辖区, 县 under 重庆, 省直辖县级行政区划, …,
   * and the county-level copy of a prefecture without districts such as 441900 东莞市).
   */
  readonly level: JurisdictionLevel | null;
  readonly parentCode: string | null;
  /**
   * Name from the province down, leaving out pseudo-levels: 天津市宝坻区牛家牌镇, 湖北省天门市,
   * 湖北省武汉市汉阳区. Empty for a pseudo-level itself.
   */
  readonly fullName: string;
  /** A statistical placeholder without a name of its own (see {@link Division.level}). */
  readonly pseudo: boolean;
  /** An NBS statistical area that is not an administrative division (development zone, farm). */
  readonly statistical: boolean;
  /** Set for a unit that was abolished, merged or renumbered. */
  readonly former: FormerInfo | null;
}

/** How a name stands for a division. */
export type NameForm =
  /** The name as in the data: 宝坻区, 恩施土家族苗族自治州. */
  | 'full'
  /** A derived form in everyday official use: 恩施州, 长阳县, 长阳自治县. */
  | 'common'
  /** An old name of a current unit (division-aliases.tsv `alias` rows): 密云县. */
  | 'alias'
  /** The name of a former unit (division-aliases.tsv `former` rows): 伊春区, 莱芜市. */
  | 'former'
  /** The name without its generic suffix: 宝坻, 湖北, 牛家牌. Only with `shortForms`. */
  | 'short';

/** A place name found in a text. */
export interface Mention {
  /** The text matched, e.g. "宝坻区". */
  name: string;
  /** UTF-16 offsets into the searched text, half-open. */
  start: number;
  end: number;
  form: NameForm;
  /** Every division the name can stand for, current units first. */
  candidates: readonly Division[];
}

export interface MentionOptions {
  /**
   * Also match names without their suffix (宝坻 for 宝坻区). A short form, like any name of at most
   * two characters (赵县, 城区) and any statistical township-level area, counts only next to
   * context: followed by a government word ({@link MentionOptions.governmentWords}), right after a
   * mention of a unit above it, or right before a mention of a unit below it. Default `false`.
   */
  shortForms?: boolean;
  /** Accept full names of at most two characters without context. Default `false`. */
  weakNames?: boolean;
  /**
   * What may follow a short or weak name for it to count, tested at the end of the match.
   * Default: 人民政府, 政府, 党委, 党工委, 区委 …, 人大, 政协, 管委会, 办事处, 司法局/所, 法院, 检察院.
   */
  governmentWords?: RegExp;
}

export interface ResolveOptions {
  /**
   * Names from elsewhere in the document (less trusted than the chain). A unit is favoured when
   * one of them names it or a unit above it (+0.5), or a unit below it (+0.25).
   */
  contextNames?: readonly (string | Mention)[];
  /** Codes of units known to be related, natural or padded; weighed like `contextNames`. */
  contextCodes?: readonly string[];
  /**
   * The year the report covers. A former unit is favoured up to its `until` year; after that its
   * name is read as its first successor (unless `until` is only a lower bound). Without a year, a
   * current unit wins over a former unit of the same name.
   */
  year?: number;
}

/** One possible reading of a chain of names. */
export interface Candidate {
  division: Division;
  jurisdiction: Jurisdiction;
  /**
   * Number of chain names it accounts for (the unit itself or a unit above it), plus context
   * weights and tie-breakers: a former unit −0.3 (+0.3 when `year` is at most its `until`), an
   * NBS statistical area −0.3, and up to 0.03 for a higher level (ordering only).
   */
  score: number;
  /** The chain names it accounts for. */
  explains: string[];
}

/** The full answer of {@link DivisionIndex.resolveDetailed}. */
export interface Resolution {
  /** The reading when there is exactly one best; `null` when nothing fits or it stays ambiguous. */
  best: Jurisdiction | null;
  /** True when two or more readings score within {@link AMBIGUITY_MARGIN} of the top. */
  ambiguous: boolean;
  /** All readings, best first. */
  candidates: Candidate[];
}

/** Score gap below which the top two readings count as a tie. */
export const AMBIGUITY_MARGIN = 0.2;

/** Lookup, spotting and resolution over the division table. Build with {@link parseDivisions}. */
export interface DivisionIndex {
  /**
   * The division with this code. Takes natural codes and padded ones (420000, 230700,
   * 120115123000). A current unit wins over a former unit with the same code.
   */
  get(code: string): Division | null;
  /**
   * The jurisdiction of a code or division: padded code, full name, level. A pseudo-level gives
   * its nearest real ancestor (110100 市辖区 → 北京市, 441900 东莞市 → the prefecture 东莞市).
   */
  jurisdiction(codeOrDivision: string | Division): Jurisdiction | null;
  /** Current units directly below a code (pseudo-levels included). */
  children(code: string): readonly Division[];
  /** Divisions an exact name stands for (full, common, alias and former names; short forms on request). */
  lookup(name: string, options?: { shortForms?: boolean }): readonly Division[];
  /**
   * Place names in a text, left to right, longest match first, not overlapping:
   * "天津市宝坻区牛家牌镇人民政府" → 天津市 [0,3), 宝坻区 [3,6), 牛家牌镇 [6,10).
   */
  findMentions(text: string, options?: MentionOptions): Mention[];
  /**
   * The one jurisdiction a chain of names points to, e.g. ["天津市", "宝坻区", "牛家牌镇"] or a lone
   * "汉阳区"; `null` when nothing fits or the chain stays ambiguous (a lone 城关镇 or 朝阳区). A string
   * that is not itself a name is searched for mentions ("武汉市汉阳区人民政府" works).
   */
  resolve(chain: readonly (string | Mention)[], options?: ResolveOptions): Jurisdiction | null;
  /** Like {@link DivisionIndex.resolve}, with every reading and its score. */
  resolveDetailed(chain: readonly (string | Mention)[], options?: ResolveOptions): Resolution;
  /** Every name that {@link DivisionIndex.findMentions} knows (for a segmenter dictionary). */
  names(options?: { shortForms?: boolean }): string[];
  /** All current divisions, in code order. */
  all(): readonly Division[];
}

const LEVEL_BY_LENGTH: Record<number, JurisdictionLevel> = {
  2: 'province',
  4: 'prefecture',
  6: 'county',
  9: 'township',
};

const LEVEL_BONUS: Record<JurisdictionLevel, number> = {
  province: 0.03,
  prefecture: 0.02,
  county: 0.01,
  township: 0,
};

const DEFAULT_GOVERNMENT_WORDS =
  /^(?:人民政府|政府|党委|党工委|[省市区县州盟旗镇乡]委|人大|政协|管委会|办事处|司法局|司法所|法院|检察院)/;

/** The 56 ethnic groups, for the everyday forms of autonomous units (恩施土家族苗族自治州 → 恩施州). */
const ETHNIC_GROUPS = (
  '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 ' +
  '东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 ' +
  '俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
).split(' ');

/** Suffixes removed for short forms, longest first. */
const SHORT_SUFFIXES = ['街道', '林区', '特区', '新区', '地区', '市', '区', '县', '镇', '乡', '省'];

function naturalParent(code: string): string | null {
  if (code.length === 2) return null;
  return code.slice(0, code.length === 9 ? 6 : code.length - 2);
}

/** Pads a natural code to the 6 (or 9) digits of the gold format. */
export function padCode(code: string): string {
  if (code.length === 2) return `${code}0000`;
  if (code.length === 4) return `${code}00`;
  return code;
}

/** Natural codes a (possibly padded) code may stand for, most specific first. */
function codeForms(code: string): string[] {
  const forms = [code];
  if (code.length === 12 && code.endsWith('000')) forms.push(code.slice(0, 9));
  if (code.length === 6 && code.endsWith('00')) forms.push(code.slice(0, 4));
  if ((code.length === 6 && code.endsWith('0000')) || (code.length === 4 && code.endsWith('00'))) {
    forms.push(code.slice(0, 2));
  }
  return forms;
}

/** Stem of an autonomous unit's name without its ethnic groups: 恩施土家族苗族 → 恩施. */
function stripEthnic(stem: string): string {
  let rest = stem;
  for (;;) {
    let next = rest;
    for (const group of ETHNIC_GROUPS) {
      if (rest.endsWith(`${group}族`)) next = rest.slice(0, -group.length - 1);
      else if (group.length >= 2 && rest.endsWith(group)) next = rest.slice(0, -group.length);
      if (next !== rest) break;
    }
    if (next === rest) return rest;
    rest = next;
  }
}

/** Everyday forms of an autonomous unit's name, and its bare stem (a short form). */
function commonForms(name: string): { common: string[]; stem: string | null } {
  const m = /^(.+?)(自治州|自治县|自治旗|自治区)$/.exec(name);
  if (!m?.[1] || !m[2]) return { common: [], stem: null };
  const stem = stripEthnic(m[1]);
  if (stem.length < 2 || stem === m[1]) return { common: [], stem: stem.length >= 2 ? stem : null };
  const kind = m[2];
  if (kind === '自治区') return { common: [], stem };
  const generic = kind === '自治州' ? '州' : kind === '自治县' ? '县' : '旗';
  return { common: [`${stem}${generic}`, `${stem}${kind}`], stem };
}

/** The name without its generic suffix, when at least two characters remain. */
function shortForm(name: string): string | null {
  if (name.length < 3) return null;
  for (const suffix of SHORT_SUFFIXES) {
    if (name.endsWith(suffix)) {
      const rest = name.slice(0, -suffix.length);
      return rest.length >= 2 ? rest : null;
    }
  }
  return null;
}

/** Divisions a name stands for: one, or several (kept small: most names are unique). */
type NameSlot = Division | Division[];

function slotDivisions(slot: NameSlot | undefined): readonly Division[] {
  return slot === undefined ? [] : Array.isArray(slot) ? slot : [slot];
}

interface MutableDivision {
  code: string;
  name: string;
  level: JurisdictionLevel | null;
  parentCode: string | null;
  fullName: string;
  pseudo: boolean;
  statistical: boolean;
  former: FormerInfo | null;
}

/** A chain element: one name and what it may stand for. */
interface Element {
  name: string;
  candidates: readonly Division[];
}

/** A match of {@link NameTrie.matchesAt}. */
interface TrieMatch {
  end: number;
  node: number;
  short: boolean;
}

/**
 * Trie over all names; its nodes hold what each name stands for, so it is also the name map.
 * Characters are renumbered densely so that an edge key (node * width + character number) stays
 * a small integer, which keeps the one big Map of edges fast.
 */
class NameTrie {
  private readonly charIds = new Uint16Array(65536);
  private readonly edges = new Map<number, number>();
  private readonly width: number;
  /** Per node: the full name ending there and what it stands for. */
  readonly fullName: (string | undefined)[] = [undefined];
  readonly fullSlot: (NameSlot | undefined)[] = [undefined];
  /** Per node: the short form ending there and what it stands for. */
  readonly shortName: (string | undefined)[] = [undefined];
  readonly shortSlot: (NameSlot | undefined)[] = [undefined];

  /** @param texts every text the names come from, to number the characters */
  constructor(texts: readonly string[]) {
    let count = 0;
    for (const text of texts) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (this.charIds[c] === 0 && count < 65535) this.charIds[c] = ++count;
      }
    }
    this.width = count + 1;
  }

  /** The node of `name`, created when missing. */
  insert(name: string): number {
    let node = 0;
    for (let i = 0; i < name.length; i++) {
      const id = this.charIds[name.charCodeAt(i)] ?? 0;
      if (id === 0) throw new Error(`character of "${name}" not numbered`);
      const key = node * this.width + id;
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.fullSlot.length;
        this.fullName.push(undefined);
        this.fullSlot.push(undefined);
        this.shortName.push(undefined);
        this.shortSlot.push(undefined);
        this.edges.set(key, next);
      }
      node = next;
    }
    return node;
  }

  /** The node of `name`, or -1. */
  find(name: string): number {
    let node = 0;
    for (let i = 0; i < name.length && node >= 0; i++) node = this.step(node, name.charCodeAt(i));
    return node;
  }

  private step(node: number, c: number): number {
    const id = this.charIds[c] ?? 0;
    return id === 0 ? -1 : (this.edges.get(node * this.width + id) ?? -1);
  }

  /** Names starting at `start`, longest first. */
  matchesAt(text: string, start: number, short: boolean): TrieMatch[] {
    const found: TrieMatch[] = [];
    let node = 0;
    for (let i = start; i < text.length; i++) {
      node = this.step(node, text.charCodeAt(i));
      if (node < 0) break;
      if (this.fullSlot[node] !== undefined) found.push({ end: i + 1, node, short: false });
      if (short && this.shortSlot[node] !== undefined) found.push({ end: i + 1, node, short: true });
    }
    return found.reverse();
  }

  full(name: string): NameSlot | undefined {
    const node = this.find(name);
    return node < 0 ? undefined : this.fullSlot[node];
  }

  short(name: string): NameSlot | undefined {
    const node = this.find(name);
    return node < 0 ? undefined : this.shortSlot[node];
  }
}

class Index implements DivisionIndex {
  private readonly byCode = new Map<string, Division>();
  private readonly formerByCode = new Map<string, Division>();
  private readonly childrenOf = new Map<string, Division[]>();
  private readonly aliasNames = new Set<string>();
  private shortFormsReady = false;
  private readonly trie: NameTrie;
  private readonly ordered: Division[] = [];

  constructor(divisionsTsv: string, aliasesTsv: string | undefined) {
    this.trie = new NameTrie(aliasesTsv ? [divisionsTsv, aliasesTsv, '州县旗'] : [divisionsTsv, '州县旗']);
    this.readDivisions(divisionsTsv);
    const aliases = aliasesTsv ? this.readAliases(aliasesTsv) : [];
    for (const d of this.ordered) this.fullNameOf(d);
    for (const d of this.formerByCode.values()) this.fullNameOf(d);
    this.indexNames(aliases);
  }

  // ---- building -------------------------------------------------------------------------------

  private readDivisions(tsv: string): void {
    // Hand-rolled parsing: 45,000 rows, and every avoided allocation shows in the load time.
    const lastByLength = new Map<number, Division>();
    let lineNo = 0;
    for (let pos = 0; pos < tsv.length; ) {
      let eol = tsv.indexOf('\n', pos);
      if (eol < 0) eol = tsv.length;
      const start = pos;
      const end = tsv.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
      pos = eol + 1;
      lineNo++;
      if (end === start || tsv.charCodeAt(start) === 35 /* # */) continue;
      let tab1 = tsv.indexOf('\t', start);
      if (tab1 < 0 || tab1 > end) tab1 = end;
      let tab2 = tab1 < end ? tsv.indexOf('\t', tab1 + 1) : end;
      if (tab2 < 0 || tab2 > end) tab2 = end;
      let tab3 = tab2 < end ? tsv.indexOf('\t', tab2 + 1) : end;
      if (tab3 < 0 || tab3 > end) tab3 = end;
      const code = tsv.slice(start, tab1);
      const name = tab1 < end ? tsv.slice(tab1 + 1, tab2) : '';
      const parent = tab2 + 1 < tab3 ? tsv.slice(tab2 + 1, tab3) : '';
      const flag = tab3 + 1 < end ? tsv.slice(tab3 + 1, end) : '';
      const level = LEVEL_BY_LENGTH[code.length];
      if (!level || !isDigits(code) || name === '') {
        throw new Error(
          `divisions.tsv line ${lineNo}: expected code <TAB> name, got "${tsv.slice(start, end)}"`,
        );
      }
      if (this.byCode.has(code)) throw new Error(`divisions.tsv line ${lineNo}: duplicate code ${code}`);
      let parentCode: string | null = parent || null;
      if (!parentCode && code.length > 2) {
        // Rows come in code order, so the natural parent is usually the last row one level up.
        const up = lastByLength.get(code.length === 9 ? 6 : code.length - 2);
        parentCode = up && code.startsWith(up.code) ? up.code : naturalParent(code);
      }
      const division: MutableDivision = {
        code,
        name,
        level: flag === 'p' ? null : level,
        parentCode,
        fullName: '',
        pseudo: flag === 'p',
        statistical: flag === 's',
        former: null,
      };
      this.byCode.set(code, division);
      this.ordered.push(division);
      lastByLength.set(code.length, division);
    }
    for (const d of this.ordered) {
      if (d.parentCode === null) continue;
      const parent = this.byCode.get(d.parentCode);
      if (!parent) throw new Error(`divisions.tsv: parent ${d.parentCode} of ${d.code} is missing`);
      // A county-level copy of a prefecture without districts (441900 东莞市 under 4419 东莞市).
      if (d.code.length === 6 && !d.pseudo && d.name === parent.name && parent.code.length === 4) {
        const m = d as MutableDivision;
        m.pseudo = true;
        m.level = null;
      }
      const siblings = this.childrenOf.get(d.parentCode);
      if (siblings) siblings.push(d);
      else this.childrenOf.set(d.parentCode, [d]);
    }
  }

  /** Reads division-aliases.tsv; returns the `alias` rows as [name, successor codes, until]. */
  private readAliases(tsv: string): { name: string; targets: string[] }[] {
    const aliases: { name: string; targets: string[] }[] = [];
    const lines = tsv.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]?.replace(/\r$/, '') ?? '';
      if (line.trim() === '' || line.startsWith('#')) continue;
      const [kind, name = '', code = '', parent = '', successor = '', until = '', note = ''] =
        line.split('\t');
      const where = `division-aliases.tsv line ${i + 1}`;
      const targets = successor.split('|').filter(Boolean);
      if (name === '' || targets.length === 0) throw new Error(`${where}: name and successor are required`);
      for (const target of targets) {
        if (!this.byCode.has(target)) throw new Error(`${where}: successor ${target} is not a current code`);
      }
      if (kind === 'alias') {
        aliases.push({ name, targets });
      } else if (kind === 'former') {
        const year = /^(\d{4})(\+?)$/.exec(until);
        if (!/^(\d{2}|\d{4}|\d{6}|\d{9})$/.test(code) || !year?.[1]) {
          throw new Error(`${where}: a former row needs a code and an until year`);
        }
        const division: MutableDivision = {
          code,
          name,
          level: LEVEL_BY_LENGTH[code.length] ?? null,
          parentCode: parent || naturalParent(code),
          fullName: '',
          pseudo: false,
          statistical: false,
          former: {
            until: Number(year[1]),
            untilIsLowerBound: year[2] === '+',
            successorCodes: targets,
            note,
          },
        };
        this.formerByCode.set(code, division);
      } else {
        throw new Error(`${where}: kind must be former or alias, got "${kind}"`);
      }
    }
    for (const d of this.formerByCode.values()) {
      if (d.parentCode !== null && !this.parentOf(d)) {
        throw new Error(`division-aliases.tsv: parent ${d.parentCode} of former ${d.code} is missing`);
      }
    }
    return aliases;
  }

  private parentOf(d: Division): Division | null {
    if (d.parentCode === null) return null;
    // A former unit's parent existed at the same time: prefer a former unit with that code.
    if (d.former) return this.formerByCode.get(d.parentCode) ?? this.byCode.get(d.parentCode) ?? null;
    return this.byCode.get(d.parentCode) ?? null;
  }

  /** Full name, computed once from the parent's: pseudo-levels add nothing. */
  private fullNameOf(d: Division): string {
    if (d.pseudo || d.fullName !== '') return d.fullName;
    let prefix = '';
    for (let p = this.parentOf(d); p; p = this.parentOf(p)) {
      if (!p.pseudo) {
        prefix = this.fullNameOf(p);
        break;
      }
    }
    (d as MutableDivision).fullName = prefix + d.name;
    return d.fullName;
  }

  private addName(name: string, division: Division, short: boolean): void {
    const node = this.trie.insert(name);
    const slots = short ? this.trie.shortSlot : this.trie.fullSlot;
    const slot = slots[node];
    if (slot === undefined) {
      slots[node] = division;
      (short ? this.trie.shortName : this.trie.fullName)[node] = name;
    } else if (!Array.isArray(slot)) {
      if (slot !== division) slots[node] = [slot, division];
    } else if (!slot.includes(division)) slot.push(division);
  }

  private indexNames(aliases: { name: string; targets: string[] }[]): void {
    for (const d of this.ordered) {
      if (d.pseudo) continue;
      this.addName(d.name, d, false);
      if (d.name.includes('自治')) {
        for (const form of commonForms(d.name).common) this.addName(form, d, false);
      }
    }
    for (const { name, targets } of aliases) {
      this.aliasNames.add(name);
      for (const target of targets) {
        const d = this.byCode.get(target);
        if (d) this.addName(name, d, false);
      }
    }
    for (const d of this.formerByCode.values()) this.addName(d.name, d, false);
    // Current units first: the order candidates are reported in.
    for (const slot of this.trie.fullSlot) {
      if (Array.isArray(slot)) slot.sort((a, b) => Number(a.former !== null) - Number(b.former !== null));
    }
  }

  /** Adds the short forms on first use: most callers never ask for them. */
  private ensureShortForms(): void {
    if (this.shortFormsReady) return;
    this.shortFormsReady = true;
    // A short form that is itself a full name is left out: the full name wins.
    for (const d of this.ordered) {
      if (d.pseudo || d.statistical) continue;
      const short = shortForm(d.name);
      if (short && this.trie.full(short) === undefined) this.addName(short, d, true);
      const stem = d.name.includes('自治') ? commonForms(d.name).stem : null;
      if (stem && stem !== short && this.trie.full(stem) === undefined) this.addName(stem, d, true);
    }
  }

  /** How `name` stands for `d` (a full-name match). */
  private formOf(name: string, d: Division | undefined): NameForm {
    if (!d || d.name === name) return d?.former ? 'former' : 'full';
    return this.aliasNames.has(name) ? 'alias' : 'common';
  }

  // ---- lookup ---------------------------------------------------------------------------------

  get(code: string): Division | null {
    for (const form of codeForms(code.trim())) {
      const d = this.byCode.get(form) ?? this.formerByCode.get(form);
      if (d) return d;
    }
    return null;
  }

  jurisdiction(codeOrDivision: string | Division): Jurisdiction | null {
    let d: Division | null = typeof codeOrDivision === 'string' ? this.get(codeOrDivision) : codeOrDivision;
    while (d?.pseudo) d = this.parentOf(d);
    if (!d?.level) return null;
    return { name: d.fullName, code: padCode(d.code), level: d.level };
  }

  children(code: string): readonly Division[] {
    const d = this.get(code);
    return d ? (this.childrenOf.get(d.code) ?? []) : [];
  }

  lookup(name: string, options?: { shortForms?: boolean }): readonly Division[] {
    const full = this.trie.full(name);
    if (full) return slotDivisions(full);
    if (!options?.shortForms) return [];
    this.ensureShortForms();
    return slotDivisions(this.trie.short(name));
  }

  all(): readonly Division[] {
    return this.ordered;
  }

  names(options?: { shortForms?: boolean }): string[] {
    if (options?.shortForms) this.ensureShortForms();
    const names: string[] = [];
    for (const name of this.trie.fullName) if (name !== undefined) names.push(name);
    if (options?.shortForms) for (const name of this.trie.shortName) if (name !== undefined) names.push(name);
    return names;
  }

  // ---- mentions -------------------------------------------------------------------------------

  findMentions(text: string, options?: MentionOptions): Mention[] {
    const short = options?.shortForms ?? false;
    if (short) this.ensureShortForms();
    const governmentWords = options?.governmentWords ?? DEFAULT_GOVERNMENT_WORDS;
    const mentions: Mention[] = [];
    let i = 0;
    while (i < text.length) {
      let accepted: Mention | null = null;
      for (const match of this.trie.matchesAt(text, i, short)) {
        const candidates = slotDivisions(
          (match.short ? this.trie.shortSlot : this.trie.fullSlot)[match.node],
        );
        const name = text.slice(i, match.end);
        const mention: Mention = {
          name,
          start: i,
          end: match.end,
          form: match.short ? 'short' : this.formOf(name, candidates[0]),
          candidates,
        };
        const weak =
          match.short ||
          // 平安乡 in 平安乡村 is the word 乡村
          (name.endsWith('乡') && text[match.end] === '村') ||
          (!options?.weakNames &&
            (name.length <= 2 || candidates.every((d) => d.statistical && d.level === 'township')));
        if (!weak || this.hasContext(text, mention, mentions[mentions.length - 1], governmentWords, short)) {
          accepted = mention;
          break;
        }
      }
      if (accepted) {
        mentions.push(accepted);
        i = accepted.end;
      } else {
        i++;
      }
    }
    return mentions;
  }

  /** Whether a short or weak name stands next to something that makes it a place name. */
  private hasContext(
    text: string,
    mention: Mention,
    previous: Mention | undefined,
    words: RegExp,
    short: boolean,
  ): boolean {
    // "人民" (short for 人民镇) in 人民政府 is no place name.
    if (words.test(text.slice(mention.start, mention.start + 8))) return false;
    if (words.test(text.slice(mention.end, mention.end + 8))) return true;
    if (
      previous &&
      previous.end === mention.start &&
      this.someAbove(previous.candidates, mention.candidates)
    ) {
      return true;
    }
    for (const next of this.trie.matchesAt(text, mention.end, short)) {
      const below = slotDivisions((next.short ? this.trie.shortSlot : this.trie.fullSlot)[next.node]);
      if (next.end - mention.end >= 2 && this.someAbove(mention.candidates, below)) return true;
    }
    return false;
  }

  /** Whether some unit of `upper` is an ancestor of some unit of `lower`. */
  private someAbove(upper: readonly Division[], lower: readonly Division[]): boolean {
    return lower.some((l) => upper.some((u) => u !== l && this.isAncestorOrSelf(u, l)));
  }

  private isAncestorOrSelf(ancestor: Division, d: Division): boolean {
    for (let u: Division | null = d; u; u = this.parentOf(u)) if (u === ancestor) return true;
    return false;
  }

  // ---- resolution -----------------------------------------------------------------------------

  /** Chain elements for one input: an exact name, or the mentions inside a longer string. */
  private elements(input: string | Mention): Element[] {
    if (typeof input !== 'string') return [{ name: input.name, candidates: input.candidates }];
    const name = input.trim();
    const full = this.trie.full(name);
    if (full === undefined) this.ensureShortForms();
    const exact = full ?? this.trie.short(name);
    if (exact) return [{ name, candidates: slotDivisions(exact) }];
    return this.findMentions(name, { shortForms: true }).map((m) => ({
      name: m.name,
      candidates: m.candidates,
    }));
  }

  /**
   * A division as read in the given year: a former unit after its `until` year is its first
   * successor (not when `until` is only a lower bound: the change may be later).
   */
  private asOf(d: Division, year: number | undefined): Division {
    const former = d.former;
    const successor = former?.successorCodes[0];
    const stays =
      year === undefined || !former || !successor || former.untilIsLowerBound || year <= former.until;
    return stays ? d : (this.byCode.get(successor ?? '') ?? d);
  }

  resolve(chain: readonly (string | Mention)[], options?: ResolveOptions): Jurisdiction | null {
    return this.resolveDetailed(chain, options).best;
  }

  resolveDetailed(chain: readonly (string | Mention)[], options?: ResolveOptions): Resolution {
    const year = options?.year;
    const elements = chain.flatMap((input) => this.elements(input));
    const context: Element[] = (options?.contextNames ?? []).flatMap((input) => this.elements(input));
    for (const code of options?.contextCodes ?? []) {
      const d = this.get(code);
      if (d) context.push({ name: code, candidates: [d] });
    }
    const asOfAll = (e: Element) => e.candidates.map((d) => this.asOf(d, year));

    const targets = new Set<Division>();
    for (const e of elements) for (const d of asOfAll(e)) if (!d.pseudo && d.level) targets.add(d);

    const candidates: Candidate[] = [];
    for (const t of targets) {
      const explains: string[] = [];
      for (const e of elements) {
        if (asOfAll(e).some((c) => this.isAncestorOrSelf(c, t))) explains.push(e.name);
      }
      let score = explains.length;
      for (const e of context) {
        const cs = asOfAll(e);
        if (cs.some((c) => this.isAncestorOrSelf(c, t))) score += 0.5;
        else if (cs.some((c) => this.isAncestorOrSelf(t, c))) score += 0.25;
      }
      if (t.former) score += year !== undefined && year <= t.former.until ? 0.3 : -0.3;
      if (t.statistical) score -= 0.3;
      if (t.level) score += LEVEL_BONUS[t.level];
      const jurisdiction = this.jurisdiction(t);
      if (jurisdiction) candidates.push({ division: t, jurisdiction, score: round(score), explains });
    }
    candidates.sort((a, b) => b.score - a.score || a.division.code.localeCompare(b.division.code));
    const [first, second] = candidates;
    const ambiguous = !!first && !!second && first.score - second.score < AMBIGUITY_MARGIN;
    return { best: first && !ambiguous ? first.jurisdiction : null, ambiguous, candidates };
  }
}

function isDigits(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/**
 * Builds the index from the text of `data/divisions.tsv` and, optionally, of
 * `data/division-aliases.tsv`. Throws on a malformed row, a duplicate code or a missing parent.
 */
export function parseDivisions(tsv: string, aliasesTsv?: string): DivisionIndex {
  return new Index(tsv, aliasesTsv);
}
