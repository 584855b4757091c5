/**
 * Writing ingested files: one transaction per batch, rows inserted with `unnest` (one statement
 * per table, whatever the batch size). Reports are immutable and keyed by content hash: a hash
 * already stored is never inserted again, so a batch written twice (a restart after a crash, two
 * workers racing) changes nothing the second time.
 */
import type pg from 'pg';
import { SEG_VERSION, segmentForIndex } from '../search/segment.js';
import type { Queryable } from './open.js';
import type { ReportRecord } from './record.js';

/** What the ingester knows of a file without analyzing it. */
export interface FileFacts {
  path: string;
  /** sha256 of the bytes; null when they could not be read. */
  hash: string | null;
  size: number | null;
  mtime: Date | null;
}

export type Outcome =
  /** Analyzed: a new report (unless the same content was stored meanwhile). */
  | { kind: 'report'; record: ReportRecord }
  /** The content is already stored as a report: only the file row is written. */
  | { kind: 'link' }
  | { kind: 'failed'; code: string; message: string };

export interface BatchItem {
  file: FileFacts;
  outcome: Outcome;
}

export type ItemStatus = 'added' | 'linked' | 'failed';

export interface BatchResult {
  items: { path: string; status: ItemStatus; reportId: string | null; code?: string; message?: string }[];
  added: number;
  linked: number;
  failed: number;
}

interface Prior {
  maxVersion: number;
  versions: Map<string | null, number>;
}

async function priorVersions(client: Queryable, paths: string[]): Promise<Map<string, Prior>> {
  const { rows } = await client.query<{ path: string; hash: string | null; version: number }>(
    'SELECT path, hash, version FROM files WHERE path = ANY($1::text[])',
    [paths],
  );
  const prior = new Map<string, Prior>();
  for (const r of rows) {
    let p = prior.get(r.path);
    if (!p) {
      p = { maxVersion: 0, versions: new Map() };
      prior.set(r.path, p);
    }
    p.maxVersion = Math.max(p.maxVersion, r.version);
    p.versions.set(r.hash, r.version);
  }
  return prior;
}

const col = <T, V>(rows: T[], f: (row: T) => V): V[] => rows.map(f);

async function insertReports(
  client: Queryable,
  records: { record: ReportRecord; path: string; version: number }[],
): Promise<Map<string, string>> {
  if (records.length === 0) return new Map();
  const { rows } = await client.query<{ id: string; hash: string }>(
    `INSERT INTO reports (hash, source_path, version, format, encoding, analyzer_version, title, issuer,
       unit_kind, jurisdiction_name, jurisdiction_code, jurisdiction_level, province_code, year,
       published, signed, score_total, reading)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int[], $15::date[],
       $16::date[], $17::float8[], $18::jsonb[])
     ON CONFLICT (hash) DO NOTHING
     RETURNING id, hash`,
    [
      col(records, (r) => r.record.hash),
      col(records, (r) => r.path),
      col(records, (r) => r.version),
      col(records, (r) => r.record.format),
      col(records, (r) => r.record.encoding),
      col(records, (r) => r.record.analyzerVersion),
      col(records, (r) => r.record.title),
      col(records, (r) => r.record.issuer),
      col(records, (r) => r.record.unitKind),
      col(records, (r) => r.record.jurisdictionName),
      col(records, (r) => r.record.jurisdictionCode),
      col(records, (r) => r.record.jurisdictionLevel),
      col(records, (r) => r.record.provinceCode),
      col(records, (r) => r.record.year),
      col(records, (r) => r.record.published),
      col(records, (r) => r.record.signed),
      col(records, (r) => r.record.scoreTotal),
      col(records, (r) => r.record.reading),
    ],
  );
  const inserted = new Map(rows.map((r) => [r.hash, r.id]));
  const fresh = records.filter((r) => inserted.has(r.record.hash)).map((r) => r.record);
  if (fresh.length === 0) return inserted;
  const id = (r: ReportRecord): string => inserted.get(r.hash) as string;

  await client.query(
    `INSERT INTO report_texts (report_id, text, seg, seg_version)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[])`,
    [col(fresh, id), col(fresh, (r) => r.text), col(fresh, (r) => r.seg), col(fresh, (r) => r.segVersion)],
  );

  const parts = fresh.flatMap((r) => r.parts.map((p, ord) => ({ id: id(r), ord, p })));
  if (parts.length > 0) {
    await client.query(
      `INSERT INTO parts (report_id, ord, kinds, heading, embedded, cue, within, start_pos, end_pos,
         heading_start, heading_end, cp_start, cp_end)
       SELECT u.id, u.ord, string_to_array(u.kinds, ','), u.heading, u.embedded, u.cue, u.within, u.s, u.e,
         u.hs, u.he, u.cs, u.ce
       FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::bool[], $6::text[], $7::int[],
         $8::int[], $9::int[], $10::int[], $11::int[], $12::int[], $13::int[])
         AS u(id, ord, kinds, heading, embedded, cue, within, s, e, hs, he, cs, ce)`,
      [
        col(parts, (x) => x.id),
        col(parts, (x) => x.ord),
        col(parts, (x) => x.p.kinds.join(',')),
        col(parts, (x) => x.p.heading),
        col(parts, (x) => x.p.embedded),
        col(parts, (x) => x.p.cue),
        col(parts, (x) => x.p.within),
        col(parts, (x) => x.p.start),
        col(parts, (x) => x.p.end),
        col(parts, (x) => x.p.headingStart),
        col(parts, (x) => x.p.headingEnd),
        col(parts, (x) => x.p.cpStart),
        col(parts, (x) => x.p.cpEnd),
      ],
    );
  }

  const figures = fresh.flatMap((r) => r.figures.map((f, ord) => ({ id: id(r), ord, f })));
  if (figures.length > 0) {
    await client.query(
      `INSERT INTO figures (report_id, ord, key, value, unit, approx, start_pos, end_pos, quote_start,
         quote_end, quote, area)
       SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::float8[], $5::text[], $6::text[],
         $7::int[], $8::int[], $9::int[], $10::int[], $11::text[], $12::text[])`,
      [
        col(figures, (x) => x.id),
        col(figures, (x) => x.ord),
        col(figures, (x) => x.f.key),
        col(figures, (x) => x.f.value),
        col(figures, (x) => x.f.unit),
        col(figures, (x) => x.f.approx),
        col(figures, (x) => x.f.start),
        col(figures, (x) => x.f.end),
        col(figures, (x) => x.f.quoteStart),
        col(figures, (x) => x.f.quoteEnd),
        col(figures, (x) => x.f.quote),
        col(figures, (x) => x.f.area),
      ],
    );
  }

  const findings = fresh.flatMap((r) => r.findings.map((f, ord) => ({ id: id(r), ord, f })));
  if (findings.length > 0) {
    await client.query(
      `INSERT INTO findings (report_id, ord, rule_id, severity, message_id, message, start_pos, end_pos,
         related, expected, actual, data)
       SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::int[], $8::int[], $9::jsonb[], $10::text[], $11::text[], $12::jsonb[])`,
      [
        col(findings, (x) => x.id),
        col(findings, (x) => x.ord),
        col(findings, (x) => x.f.ruleId),
        col(findings, (x) => x.f.severity),
        col(findings, (x) => x.f.messageId),
        col(findings, (x) => x.f.message),
        col(findings, (x) => x.f.start),
        col(findings, (x) => x.f.end),
        col(findings, (x) => x.f.related),
        col(findings, (x) => x.f.expected),
        col(findings, (x) => x.f.actual),
        col(findings, (x) => x.f.data),
      ],
    );
  }
  return inserted;
}

/** Write one batch in its own transaction on `client` (a checked-out client, not the pool). */
async function writeBatchOn(
  client: pg.PoolClient,
  input: BatchItem[],
  runId: string | null,
): Promise<BatchResult> {
  // One item per path: the last one wins.
  const byPath = new Map<string, BatchItem>();
  for (const item of input) byPath.set(item.file.path, item);
  const items = [...byPath.values()];
  const prior = await priorVersions(
    client,
    items.map((i) => i.file.path),
  );
  // A content seen before under this path keeps its version while it is the newest; content
  // that comes back after another (a reverted file) moves up to a new version.
  const versionOf = (file: FileFacts): number => {
    const p = prior.get(file.path);
    if (!p) return 1;
    const v = p.versions.get(file.hash);
    return v !== undefined && v === p.maxVersion ? v : p.maxVersion + 1;
  };

  const toInsert = new Map<string, { record: ReportRecord; path: string; version: number }>();
  for (const { file, outcome } of items) {
    if (outcome.kind === 'report' && !toInsert.has(outcome.record.hash)) {
      toInsert.set(outcome.record.hash, {
        record: outcome.record,
        path: file.path,
        version: versionOf(file),
      });
    }
  }
  const inserted = await insertReports(client, [...toInsert.values()]);

  const okHashes = items.filter((i) => i.outcome.kind !== 'failed' && i.file.hash).map((i) => i.file.hash);
  const { rows } = await client.query<{ id: string; hash: string }>(
    'SELECT id, hash FROM reports WHERE hash = ANY($1::text[])',
    [okHashes],
  );
  const ids = new Map(rows.map((r) => [r.hash, r.id]));

  const result: BatchResult = { items: [], added: 0, linked: 0, failed: 0 };
  const fileRows = items.map(({ file, outcome }) => {
    let status: ItemStatus;
    let reportId: string | null = null;
    let code: string | null = null;
    let message: string | null = null;
    if (outcome.kind === 'failed') {
      status = 'failed';
      code = outcome.code;
      message = outcome.message;
    } else {
      reportId = (file.hash && ids.get(file.hash)) || null;
      if (!reportId) {
        status = 'failed';
        code = 'store';
        message = 'the report of this content is missing from the store';
      } else {
        status = outcome.kind === 'report' && inserted.has(file.hash as string) ? 'added' : 'linked';
      }
    }
    result[status]++;
    result.items.push({
      path: file.path,
      status,
      reportId,
      ...(code ? { code } : {}),
      ...(message ? { message } : {}),
    });
    return { file, version: versionOf(file), status, reportId, code, message };
  });

  await client.query(
    `INSERT INTO files (path, hash, version, size, mtime, status, error_code, error, report_id, run_id)
     SELECT u.path, u.hash, u.version, u.size, u.mtime, u.status, u.code, u.error, u.report_id, $10::bigint
     FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[], $5::timestamptz[], $6::text[], $7::text[],
       $8::text[], $9::bigint[]) AS u(path, hash, version, size, mtime, status, code, error, report_id)
     ON CONFLICT ON CONSTRAINT files_path_hash_key DO UPDATE SET
       version = excluded.version, status = excluded.status, error_code = excluded.error_code, error = excluded.error,
       report_id = excluded.report_id, size = excluded.size, mtime = excluded.mtime,
       attempts = files.attempts + 1, run_id = excluded.run_id, updated_at = now()
     WHERE files.status <> 'ok' OR excluded.status = 'ok'`,
    [
      col(fileRows, (r) => r.file.path),
      col(fileRows, (r) => r.file.hash),
      col(fileRows, (r) => r.version),
      col(fileRows, (r) => r.file.size),
      col(fileRows, (r) => r.file.mtime),
      col(fileRows, (r) => (r.status === 'failed' ? 'failed' : 'ok')),
      col(fileRows, (r) => r.code),
      col(fileRows, (r) => r.message),
      col(fileRows, (r) => r.reportId),
      runId,
    ],
  );
  await client.query(
    `UPDATE files f SET current = coalesce(f.status = 'ok' AND f.version = m.v, false)
     FROM (SELECT path, max(version) FILTER (WHERE status = 'ok') AS v FROM files
           WHERE path = ANY($1::text[]) GROUP BY path) m
     WHERE f.path = m.path AND f.current <> coalesce(f.status = 'ok' AND f.version = m.v, false)`,
    [items.map((i) => i.file.path)],
  );
  if (runId) {
    await client.query(
      'UPDATE ingest_runs SET added = added + $2, linked = linked + $3, failed = failed + $4 WHERE id = $1',
      [runId, result.added, result.linked, result.failed],
    );
  }
  return result;
}

/**
 * Write a batch in one transaction. When the transaction fails (a row the database refuses),
 * each item is written alone, and an item that still fails is recorded as a failed file with
 * error code `store`: one bad file never loses the others. Throws only when the database itself
 * is unusable (even the failure records cannot be written).
 */
export async function writeBatch(
  pool: pg.Pool,
  items: BatchItem[],
  runId: string | null = null,
): Promise<BatchResult> {
  if (items.length === 0) return { items: [], added: 0, linked: 0, failed: 0 };
  try {
    return await inTransaction(pool, (client) => writeBatchOn(client, items, runId));
  } catch (error) {
    if (items.length === 1 && items[0]?.outcome.kind === 'failed') throw error;
    const merged: BatchResult = { items: [], added: 0, linked: 0, failed: 0 };
    for (const item of items) {
      let r: BatchResult;
      try {
        r = await inTransaction(pool, (client) => writeBatchOn(client, [item], runId));
      } catch (itemError) {
        const message = `cannot store: ${(itemError as Error).message.split('\n')[0]}`;
        r = await inTransaction(pool, (client) =>
          writeBatchOn(
            client,
            [{ file: item.file, outcome: { kind: 'failed', code: 'store', message } }],
            runId,
          ),
        );
      }
      merged.items.push(...r.items);
      merged.added += r.added;
      merged.linked += r.linked;
      merged.failed += r.failed;
    }
    return merged;
  }
}

/** Run `fn` in a transaction on a client of `pool`. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Re-segment stored texts whose segmentation is older than {@link SEG_VERSION} (after a change
 * of the jieba dictionary or settings), in batches; returns how many texts were updated.
 */
export async function resegment(pool: pg.Pool, batchSize = 200): Promise<number> {
  let done = 0;
  for (;;) {
    const { rows } = await pool.query<{ report_id: string; text: string }>(
      'SELECT report_id, text FROM report_texts WHERE seg_version < $1 ORDER BY report_id LIMIT $2',
      [SEG_VERSION, batchSize],
    );
    if (rows.length === 0) return done;
    await pool.query(
      `UPDATE report_texts t SET seg = u.seg, seg_version = $3
       FROM unnest($1::bigint[], $2::text[]) AS u(id, seg) WHERE t.report_id = u.id`,
      [rows.map((r) => r.report_id), rows.map((r) => segmentForIndex(r.text)), SEG_VERSION],
    );
    done += rows.length;
  }
}
