/**
 * Highlighted snippets. PostgreSQL's ts_headline does not segment Chinese, so snippets are cut
 * here: a window around the first match (inside the given spans when a part filter applies),
 * every match in it marked with 【】 or <mark>.
 */
import type { Span } from '../core/types.js';

export type Highlight = 'brackets' | 'html' | 'none';

export interface SnippetOptions {
  /** Characters of text in the window (default 120). */
  length?: number;
  highlight?: Highlight;
  /** Only matches inside these spans count as the first match. */
  within?: Span[];
  /** Where to start when nothing matches (the body start). */
  fallbackStart?: number;
}

export interface Snippet {
  text: string;
  /** Offset of the first match in the report text, or null. */
  matchStart: number | null;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const escapeHtml = (s: string): string =>
  s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/** A regular expression matching any of `terms`, longest first, ASCII case ignored. */
export function termsPattern(terms: string[]): RegExp | null {
  const unique = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  return new RegExp(unique.map(escapeRegExp).join('|'), 'giu');
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function makeSnippet(text: string, terms: string[], options: SnippetOptions = {}): Snippet {
  const length = Math.max(20, options.length ?? 120);
  const highlight = options.highlight ?? 'brackets';
  const pattern = termsPattern(terms);
  let first: { start: number; end: number } | null = null;
  if (pattern) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (options.within && !options.within.some((s) => start >= s.start && end <= s.end)) continue;
      first = { start, end };
      break;
    }
  }
  let from: number;
  if (first) {
    // The match a third of the way in, the window not starting before the paragraph when close.
    from = Math.max(0, first.start - Math.floor(Math.max(0, length - (first.end - first.start)) / 3));
    const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
    if (lineStart > from && lineStart - from < length / 4) from = lineStart;
  } else {
    from = Math.max(0, Math.min(text.length, options.fallbackStart ?? 0));
  }
  let to = Math.min(text.length, from + length);
  if (from > 0 && isLow(text.charCodeAt(from))) from--;
  if (to < text.length && isLow(text.charCodeAt(to))) to++;
  const window = text.slice(from, to);

  const mark =
    highlight === 'html'
      ? (s: string) => `<mark>${escapeHtml(s)}</mark>`
      : highlight === 'brackets'
        ? (s: string) => `【${s}】`
        : (s: string) => s;
  const plain = highlight === 'html' ? escapeHtml : (s: string) => s;
  let out = '';
  let last = 0;
  if (pattern && highlight !== 'none') {
    for (const m of window.matchAll(pattern)) {
      const start = m.index ?? 0;
      out += plain(window.slice(last, start)) + mark(m[0]);
      last = start + m[0].length;
    }
  }
  out += plain(window.slice(last));
  out = out.replace(/\s*\n\s*/gu, ' ');
  return {
    text: `${from > 0 ? '…' : ''}${out.trim()}${to < text.length ? '…' : ''}`,
    matchStart: first ? first.start : null,
  };
}
