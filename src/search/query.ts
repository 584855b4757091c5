/**
 * The search syntax. Terms are separated by white space and all must match (AND); "double
 * quotes" (or “Chinese quotes”) keep a phrase with its spaces together; a leading `-` excludes
 * a term or phrase. Every term matches as a substring of the normalized report text, without
 * regard to ASCII case: `出庭应诉率 "行政 复议" -疫情`.
 */
import { normalize } from '../core/normalize.js';
import { termTokens } from './segment.js';

export interface QueryTerm {
  /** The term as matched: normalized like report texts (half-width ASCII, single spaces). */
  text: string;
  /** Index tokens every report containing the term has (see termTokens); may be empty. */
  tokens: string[];
}

export interface ParsedQuery {
  terms: QueryTerm[];
  excluded: QueryTerm[];
}

const TOKEN = /(-?)(?:"([^"]*)"?|“([^”]*)”?|(\S+))/gu;

export function parseQuery(query: string): ParsedQuery {
  const text = normalize(query).text.replace(/\n/gu, ' ');
  const terms: QueryTerm[] = [];
  const excluded: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(TOKEN)) {
    const negative = m[1] === '-';
    const term = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (term === '') continue;
    const key = `${negative ? '-' : '+'}${term.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (negative ? excluded : terms).push({ text: term, tokens: termTokens(term) });
  }
  return { terms, excluded };
}
