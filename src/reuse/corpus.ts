/**
 * Adapter: copy detection over the whole corpus in the store. Loads the current reports, indexes
 * their body paragraphs and stores every match in `reuse_matches`, replacing the previous run's.
 */
import type { Report } from '../core/analyze.js';
import { lineSpans } from '../core/normalize.js';
import type { Paragraph } from '../core/types.js';
import type { ContractReport } from '../output/contract.js';
import type { Store } from '../store/open.js';
import { ReuseIndex, type ReuseMatch, toFindingDraft } from './detect.js';
import { loadBoilerplate } from './load.js';

/** What copy detection needs of a stored report: its text, body paragraphs and metadata. */
export function reportFromReading(
  text: string,
  reading: ContractReport,
): Pick<Report, 'text' | 'paragraphs' | 'meta'> {
  const body = reading.spans.body;
  const paragraphs: Paragraph[] = lineSpans(text).map((span) => ({
    span,
    role: span.start >= body.start && span.end <= body.end ? 'body' : 'header',
  }));
  return { text, paragraphs, meta: reading.meta };
}

export interface CorpusReuseResult {
  reports: number;
  matches: ReuseMatch[];
}

/** Find reuse across the current reports of `store` and store it. */
export async function detectCorpusReuse(store: Store): Promise<CorpusReuseResult> {
  const index = new ReuseIndex({ boilerplate: loadBoilerplate() });
  const ids: string[] = [];
  let after = '0';
  for (;;) {
    const { rows } = await store.pool.query<{ id: string; reading: ContractReport; text: string }>(
      `SELECT r.id, r.reading, t.text FROM reports r JOIN report_texts t ON t.report_id = r.id
       WHERE r.id > $1 AND EXISTS (SELECT 1 FROM files f WHERE f.report_id = r.id AND f.current)
       ORDER BY r.id LIMIT 500`,
      [after],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      index.addReport(row.id, reportFromReading(row.text, row.reading));
      ids.push(row.id);
    }
    after = (rows[rows.length - 1] as { id: string }).id;
  }
  const matches = ids.flatMap((id) => index.findReuse(id));
  const client = await store.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM reuse_matches');
    for (const m of matches) {
      await client.query(
        `INSERT INTO reuse_matches (report_id, rule_id, start_pos, end_pos, other_report_id, other_start, other_end,
           similarity, matched_chars) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [
          m.reportId,
          toFindingDraft(m).ruleId,
          m.span.start,
          m.span.end,
          m.other.reportId,
          m.other.span.start,
          m.other.span.end,
          m.similarity,
          m.matchedChars,
        ],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  return { reports: ids.length, matches };
}
