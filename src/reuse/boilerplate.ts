/**
 * Boilerplate: the stock phrases every report may contain (the guiding thought, the goal formula of
 * the 纲要, the names of the mandated parts, "现将…报告如下"). Two reports sharing them have copied
 * nothing, so their occurrences are masked: shingles that lie inside an occurrence are not signed,
 * and masked characters never align.
 *
 * Occurrences are masked rather than the phrases' shingles dropped everywhere, because the
 * shingles of a stock phrase (法治政, 治政府) also make up ordinary sentences that may well be copied.
 * The list lives in `data/boilerplate.tsv`; this module only compiles its text (no I/O).
 */
import { type FoldedText, fold } from './fold.js';
import { fnv1a } from './hash.js';

/** Kinds of phrases in the data file; documentation only, they are all masked alike. */
export const BOILERPLATE_KINDS = ['thought', 'formula', 'part', 'frame', 'document'] as const;
/** The kind column of `data/boilerplate.tsv`. */
export type BoilerplateKind = (typeof BOILERPLATE_KINDS)[number];

/** How many folded characters the `…` of a phrase may stand for. */
export const GAP_CHARS = 40;

/** Phrases folded shorter than this are refused: they would mask ordinary words. */
const MIN_PIECE = 3;

/** A compiled list of stock phrases. */
export class Boilerplate {
  /** The phrases as written in the data file. */
  readonly phrases: readonly string[];
  /**
   * Hash of the folded phrase list (8 hex digits). Signatures made under different lists are not
   * comparable: a store keeps it with each signature and re-signs when it changes.
   */
  readonly version: string;
  private readonly literals: string[];
  /** Literals by their first two characters, so one scan of a text tries only plausible phrases. */
  private readonly byPrefix = new Map<number, string[]>();
  private readonly gapped: RegExp[];

  /** @param phrases as in the data file; `…` stands for up to {@link GAP_CHARS} characters. */
  constructor(phrases: readonly string[]) {
    this.phrases = phrases;
    const literals = new Set<string>();
    const gapped: string[] = [];
    for (const phrase of phrases) {
      const pieces = phrase
        .split('…')
        .map((p) => fold(p).text)
        .filter((p) => p.length > 0);
      if (pieces.length === 0) continue;
      if (pieces.length === 1) {
        if ((pieces[0] as string).length < MIN_PIECE)
          throw new Error(`boilerplate phrase too short: ${phrase}`);
        literals.add(pieces[0] as string);
      } else {
        gapped.push(pieces.map(escapeRegExp).join(`[^]{0,${GAP_CHARS}}?`));
      }
    }
    // Longest first only matters for readability of the version; masking is a union.
    this.literals = [...literals].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    for (const literal of this.literals) {
      const key = prefixKey(literal, 0);
      const list = this.byPrefix.get(key);
      if (list) list.push(literal);
      else this.byPrefix.set(key, [literal]);
    }
    this.gapped = gapped.map((source) => new RegExp(source, 'gu'));
    this.version = fnv1a([...this.literals, ...gapped].join('\n'))
      .toString(16)
      .padStart(8, '0');
  }

  /** A mask over the folded text: 1 where a character belongs to an occurrence of a phrase. */
  mask(folded: FoldedText | string): Uint8Array {
    const text = typeof folded === 'string' ? folded : folded.text;
    const mask = new Uint8Array(text.length);
    if (this.byPrefix.size > 0) {
      for (let at = 0; at + 1 < text.length; at++) {
        const candidates = this.byPrefix.get(prefixKey(text, at));
        if (!candidates) continue;
        for (const literal of candidates)
          if (text.startsWith(literal, at)) mask.fill(1, at, at + literal.length);
      }
    }
    for (const re of this.gapped) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        mask.fill(1, m.index, m.index + m[0].length);
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    return mask;
  }
}

function prefixKey(text: string, at: number): number {
  return text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** A list with no phrases: nothing is masked. */
export const NO_BOILERPLATE = new Boilerplate([]);

/**
 * Compile the text of `data/boilerplate.tsv`: `kind <TAB> phrase` per line, `#` comments. A `…`
 * in a phrase stands for up to {@link GAP_CHARS} characters ("现将…情况报告如下").
 */
export function compileBoilerplate(tsv: string, file = 'boilerplate.tsv'): Boilerplate {
  const phrases: string[] = [];
  tsv.split(/\r?\n/u).forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [kind, phrase] = line.split('\t');
    if (phrase === undefined || phrase.trim() === '') {
      throw new Error(`${file}:${index + 1}: expected kind <TAB> phrase`);
    }
    if (!(BOILERPLATE_KINDS as readonly string[]).includes(kind as string)) {
      throw new Error(`${file}:${index + 1}: unknown kind ${kind}`);
    }
    phrases.push(phrase.trim());
  });
  return new Boilerplate(phrases);
}
