/**
 * Chinese word segmentation for search (@node-rs/jieba). The index side stores jieba's
 * search-mode tokens (`cutForSearch`: words plus their dictionary sub-words, 行政复议 →
 * 行政/复议/行政复议) joined by spaces, which PostgreSQL's `simple` text-search configuration
 * turns into a tsvector. The query side segments each query term the same way.
 *
 * Both sides run without HMM: HMM guesses new words from context, so one string could be cut
 * differently in a report and in a query; without it, unknown words fall apart into characters
 * the same way everywhere. Changing the dictionary or these settings changes the tokens: bump
 * {@link SEG_VERSION} so stored texts can be re-segmented (`resegment` in src/store/write.ts).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Version of the segmentation stored in report_texts.seg_version. */
export const SEG_VERSION = 1;

/**
 * Domain words added to jieba's dictionary so they stay whole tokens; their dictionary
 * sub-words (出庭, 应诉) are still emitted by search mode.
 */
const DOMAIN_WORDS = [
  '法治政府',
  '依法行政',
  '依法治国',
  '依法治市',
  '依法治县',
  '法治建设',
  '法治督察',
  '行政复议',
  '行政诉讼',
  '行政应诉',
  '出庭应诉',
  '出庭应诉率',
  '负责人出庭',
  '行政执法',
  '综合执法',
  '执法监督',
  '柔性执法',
  '府院联动',
  '合法性审核',
  '合法性审查',
  '规范性文件',
  '重大行政决策',
  '法律顾问',
  '公职律师',
  '三项制度',
  '双随机',
  '一公开',
  '放管服',
  '营商环境',
  '证明事项',
  '告知承诺制',
  '政务公开',
  '行政调解',
  '人民调解',
  '述法',
  '普法',
  '八五普法',
  '七五普法',
  '第一责任人',
];

let instance: Jieba | null = null;

/** The shared jieba instance (about 200 ms to build, once per thread). */
export function jieba(): Jieba {
  if (!instance) {
    instance = Jieba.withDict(dict);
    instance.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 2000 n`).join('\n')));
  }
  return instance;
}

const WORD = /[\p{L}\p{N}]/u;

/** Tokens worth indexing: at least one letter or digit (punctuation and spaces go). */
export function searchTokens(text: string): string[] {
  return jieba()
    .cutForSearch(text, false)
    .filter((t) => WORD.test(t));
}

/** Longest `seg` stored: a tsvector must stay under 1 MB. Reports are far shorter. */
export const MAX_SEG_LENGTH = 1_000_000;

/** The `seg` column for a text: search tokens joined by single spaces. */
export function segmentForIndex(text: string): string {
  let seg = searchTokens(text).join(' ');
  if (seg.length > MAX_SEG_LENGTH) {
    const cut = seg.lastIndexOf(' ', MAX_SEG_LENGTH);
    seg = seg.slice(0, cut > 0 ? cut : MAX_SEG_LENGTH);
  }
  return seg;
}

/**
 * The tokens of a query term that a report containing the term is sure (as sure as word
 * segmentation gets) to have in its index: search-mode tokens of two or more characters that
 * contain no other such token. 行政复议 → 行政, 复议; 规范性文件 → 规范, 范性, 文件. Single
 * characters are left out: in a report they are often swallowed by a longer word (率 in
 * 出庭应诉率). Empty when the term has no such token; then only a substring match can find it.
 */
export function termTokens(term: string): string[] {
  const tokens = [...new Set(searchTokens(term).map((t) => t.toLowerCase()))].filter(
    (t) => [...t].length >= 2,
  );
  return tokens.filter((t) => !tokens.some((u) => u !== t && t.includes(u)));
}
