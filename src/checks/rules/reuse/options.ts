/** What the two reuse rules share: their options, and turning close passages into findings. */
import type { CorpusReuse, CorpusRuleContext, JsonSchema } from '../../types.js';

export interface ReuseRuleOptions {
  /** Least similarity (0–1) of a passage to its source. Detection keeps ≥ 0.6 for review. */
  minSimilarity: number;
  /** Least characters that align. */
  minChars: number;
}

export const REUSE_DEFAULTS: ReuseRuleOptions = { minSimilarity: 0.8, minChars: 50 };

export const REUSE_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    minSimilarity: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'Least similarity (0–1) of the passage to its source',
    },
    minChars: { type: 'integer', minimum: 1, description: 'Least characters that align' },
  },
};

/** Emit `messageId` for every passage of `kind` that is close enough, pointing at its source. */
export function emitPassages(
  { corpus, options, emit }: CorpusRuleContext<ReuseRuleOptions>,
  kind: CorpusReuse['kind'],
  messageId: string,
  note: (r: CorpusReuse) => string,
): void {
  for (const r of corpus.reuse) {
    if (r.kind !== kind || r.similarity < options.minSimilarity || r.matchedChars < options.minChars)
      continue;
    emit({
      messageId,
      span: r.span,
      data: {
        title: r.other.title ?? `报告 ${r.other.reportId}`,
        year: r.other.year ?? '其他',
        similarity: Math.round(r.similarity * 100),
        chars: r.matchedChars,
        other: r.other.reportId,
      },
      related: [{ reportId: r.other.reportId, span: r.other.span, note: note(r) }],
    });
  }
}
