/**
 * Adapter: copy detection over the whole corpus in the store. Loads the current reports, indexes
 * their body paragraphs and stores every match in `reuse_matches`, replacing the previous run's;
 * then the corpus rules (reuse/*) turn the matches into findings of each report, which replace
 * the previous run's findings of those rules, and the reports are rescored.
 */
import { type ResolvedConfig, resolveConfig } from '../checks/config.js';
import { runCorpusRules } from '../checks/engine.js';
import { loadCheckData } from '../checks/load.js';
import { RULES } from '../checks/rules/index.js';
import { rescore } from '../checks/score.js';
import type { CorpusReuse, Finding } from '../checks/types.js';
import type { Report } from '../core/analyze.js';
import { lineSpans } from '../core/normalize.js';
import type { Paragraph } from '../core/types.js';
import type { ContractReport } from '../output/contract.js';
import type { Queryable, Store } from '../store/open.js';
import { findingRow } from '../store/record.js';
import { REUSE_RULES, ReuseIndex, type ReuseMatch, toCorpusReuse } from './detect.js';
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
  /** Reports whose corpus findings changed (added, replaced or removed), and how many they now have. */
  rescored: number;
  findings: number;
}

/** Find reuse across the current reports of `store` and store it, with the findings it makes. */
export async function detectCorpusReuse(
  store: Store,
  config: ResolvedConfig = resolveConfig(),
): Promise<CorpusReuseResult> {
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
          REUSE_RULES[m.kind],
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
    const applied = await applyCorpusFindings(client, matches, config);
    await client.query('COMMIT');
    return { reports: ids.length, matches, ...applied };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const CORPUS_RULES = new Set(RULES.filter((r) => r.checkCorpus).map((r) => r.meta.id));
const isCorpusRule = (ruleId: string): boolean => CORPUS_RULES.has(ruleId);

/**
 * Replace the corpus rules' findings of every report that has matches now or had such findings
 * before: in `findings`, and in the stored reading (findings and score) and `score_total`. The
 * corpus findings follow the report's own, so the score's references to those stay valid.
 */
async function applyCorpusFindings(
  db: Queryable,
  matches: ReuseMatch[],
  config: ResolvedConfig,
): Promise<{ rescored: number; findings: number }> {
  const byReport = new Map<string, CorpusReuse[]>();
  for (const m of matches) {
    const list = byReport.get(m.reportId) ?? [];
    list.push(toCorpusReuse(m));
    byReport.set(m.reportId, list);
  }
  const { rows: before } = await db.query<{ report_id: string }>(
    'SELECT DISTINCT report_id FROM findings WHERE rule_id = ANY($1::text[])',
    [[...CORPUS_RULES]],
  );
  const ids = [...new Set([...byReport.keys(), ...before.map((r) => String(r.report_id))])];
  const { rubric } = loadCheckData();
  let rescored = 0;
  let total = 0;
  for (let i = 0; i < ids.length; i += 200) {
    const batch = ids.slice(i, i + 200);
    const { rows } = await db.query<{ id: string; reading: ContractReport }>(
      'SELECT id, reading FROM reports WHERE id = ANY($1::bigint[])',
      [batch],
    );
    for (const row of rows) {
      const id = String(row.id);
      const reading = row.reading;
      const own = (reading.findings ?? []).filter((f) => !isCorpusRule(f.ruleId));
      const hadCorpus = (reading.findings ?? []).length > own.length;
      const extra = runCorpusRules({ reuse: byReport.get(id) ?? [] }, config).findings;
      if (extra.length === 0 && !hadCorpus) continue;
      const findings: Finding[] = [...own, ...extra.map((x) => x.finding)];
      const score = reading.score
        ? rescore(
            reading.score,
            rubric,
            isCorpusRule,
            extra.map((x, k) => ({ ...x, index: own.length + k })),
          )
        : undefined;
      await db.query(
        'UPDATE reports SET reading = $2::jsonb, score_total = coalesce($3, score_total) WHERE id = $1',
        [id, JSON.stringify({ ...reading, findings, score }), score?.total ?? null],
      );
      await db.query('DELETE FROM findings WHERE report_id = $1 AND rule_id = ANY($2::text[])', [
        id,
        [...CORPUS_RULES],
      ]);
      for (const [k, x] of extra.entries()) {
        const f = findingRow(x.finding);
        await db.query(
          `INSERT INTO findings (report_id, ord, rule_id, severity, message_id, message, start_pos, end_pos,
             related, expected, actual, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            id,
            own.length + k,
            f.ruleId,
            f.severity,
            f.messageId,
            f.message,
            f.start,
            f.end,
            f.related,
            f.expected,
            f.actual,
            f.data,
          ],
        );
      }
      rescored++;
      total += extra.length;
    }
  }
  return { rescored, findings: total };
}
