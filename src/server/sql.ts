/** A parameter list for building SQL text with `$n` placeholders. */
export class Sql {
  readonly params: unknown[] = [];

  /** Add a parameter; returns its placeholder. */
  p(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/** `WHERE a AND b …`, or nothing. */
export function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.map((c) => `(${c})`).join(' AND ')}` : '';
}

/** Escape `%`, `_` and `\` for LIKE. */
export const likeEscape = (s: string): string => s.replace(/[\\%_]/gu, '\\$&');
