/**
 * The jurisdiction a report covers, from the place names in what names the issuer, read in order
 * of trust, each later source only adding context to disambiguate (城关镇 needs its county).
 */
import type { Knowledge } from '../knowledge.js';
import type { Jurisdiction } from '../types.js';

/**
 * @param sources texts in order of trust: issuer, title subject, signature, page publisher, body opening
 */
export function resolveJurisdiction(sources: string[], knowledge: Knowledge): Jurisdiction | null {
  const index = knowledge.divisions;
  const context: string[] = [];
  for (const source of sources) {
    if (!source) continue;
    const names = index.findMentions(source).map((m) => m.name);
    if (names.length === 0) continue;
    const resolved = index.resolve(names, { contextNames: context });
    if (resolved) return resolved;
    context.push(...names);
  }
  return null;
}
