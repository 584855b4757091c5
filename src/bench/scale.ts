/**
 * Grow a store to a target number of reports in SQL, without analyzing anything: copies of the
 * ingested rows of every table with new ids and hashes, years rotated within 2019–2024,
 * jurisdictions kept (so filters keep their selectivity). For benchmarks at sizes that would
 * take hours to ingest.
 */
import type { Store } from '../store/open.js';

const now = (): bigint => process.hrtime.bigint();
const msSince = (t: bigint): number => Number(now() - t) / 1e6;

const REPORT_COLS = `hash, source_path, version, format, encoding, analyzer_version, ingested_at, title, issuer,
  unit_kind, jurisdiction_name, jurisdiction_code, jurisdiction_level, province_code, year, published, signed,
  score_total, reading`;

export async function scaleTo(store: Store, target: number, log: (s: string) => void): Promise<number> {
  const pool = store.pool;
  const { rows } = await pool.query<{ n: string; lo: string; hi: string }>(
    'SELECT count(*) AS n, min(id) AS lo, max(id) AS hi FROM reports',
  );
  const base = Number(rows[0]?.n ?? 0);
  const lo = Number(rows[0]?.lo ?? 0);
  const hi = Number(rows[0]?.hi ?? 0);
  if (base === 0 || target <= base) return base;
  const stride = hi; // copy k of report id has id + k * stride: no collision with the originals
  const batch = 500;
  let have = base;
  const started = now();
  for (let k = 1; have < target; k++) {
    const off = k * stride;
    for (let from = lo; from <= hi && have < target; from += batch) {
      const to = Math.min(hi, from + batch - 1, from + (target - have) - 1);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const ins = await client.query(
          `INSERT INTO reports (id, ${REPORT_COLS})
           SELECT id + $1, hash || '#' || $4::text, source_path || '#' || $4::text, version, format, encoding,
             analyzer_version, ingested_at, title, issuer, unit_kind, jurisdiction_name, jurisdiction_code,
             jurisdiction_level, province_code,
             CASE WHEN year IS NULL THEN NULL ELSE 2019 + ((year - 2019 + $4::int) % 6 + 6) % 6 END,
             published, signed, score_total, reading
           FROM reports WHERE id BETWEEN $2 AND $3`,
          [off, from, to, k],
        );
        const p = [off, from, to];
        await client.query(
          `INSERT INTO report_texts (report_id, text, seg, seg_version)
           SELECT report_id + $1, text, seg, seg_version FROM report_texts WHERE report_id BETWEEN $2 AND $3`,
          p,
        );
        await client.query(
          `INSERT INTO parts (report_id, ord, kinds, heading, embedded, cue, within, start_pos, end_pos,
             heading_start, heading_end, cp_start, cp_end)
           SELECT report_id + $1, ord, kinds, heading, embedded, cue, within, start_pos, end_pos,
             heading_start, heading_end, cp_start, cp_end FROM parts WHERE report_id BETWEEN $2 AND $3`,
          p,
        );
        await client.query(
          `INSERT INTO figures (report_id, ord, key, value, unit, approx, start_pos, end_pos, quote_start,
             quote_end, quote, area)
           SELECT report_id + $1, ord, key, value, unit, approx, start_pos, end_pos, quote_start, quote_end,
             quote, area FROM figures WHERE report_id BETWEEN $2 AND $3`,
          p,
        );
        await client.query(
          `INSERT INTO findings (report_id, ord, rule_id, severity, message_id, message, start_pos, end_pos,
             related, expected, actual, data)
           SELECT report_id + $1, ord, rule_id, severity, message_id, message, start_pos, end_pos, related,
             expected, actual, data FROM findings WHERE report_id BETWEEN $2 AND $3`,
          p,
        );
        await client.query(
          `INSERT INTO files (path, hash, version, size, mtime, status, report_id, current, run_id)
           SELECT path || '#' || $4::text, hash || '#' || $4::text, version, size, mtime, status,
             report_id + $1, current, run_id
           FROM files WHERE status = 'ok' AND report_id BETWEEN $2 AND $3`,
          [off, from, to, k],
        );
        await client.query('COMMIT');
        have += ins.rowCount ?? 0;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    }
    log(`  scaled to ${have} reports (${(msSince(started) / 1000).toFixed(0)} s)`);
  }
  await pool.query(`SELECT setval(pg_get_serial_sequence('reports', 'id'), (SELECT max(id) FROM reports))`);
  return have;
}
