/** Reading the store: what the ingester checks before analyzing, and what the CLI and web app show. */
import type { ContractReport } from '../output/contract.js';
import type { Queryable } from './open.js';

/** The newest version of a path as recorded. */
export interface KnownFile {
  path: string;
  hash: string | null;
  version: number;
  size: number | null;
  mtime: Date | null;
  status: 'ok' | 'failed';
}

/** The newest recorded version of each of `paths` (absent paths are left out). */
export async function latestFiles(db: Queryable, paths: string[]): Promise<Map<string, KnownFile>> {
  const out = new Map<string, KnownFile>();
  for (let i = 0; i < paths.length; i += 5000) {
    const { rows } = await db.query<KnownFile & { size: string | null }>(
      `SELECT DISTINCT ON (path) path, hash, version, size, mtime, status FROM files
       WHERE path = ANY($1::text[]) ORDER BY path, version DESC`,
      [paths.slice(i, i + 5000)],
    );
    for (const r of rows) out.set(r.path, { ...r, size: r.size === null ? null : Number(r.size) });
  }
  return out;
}

/** The status of the file version (path, hash), or null when it was never recorded. */
export async function fileStatus(db: Queryable, path: string, hash: string): Promise<'ok' | 'failed' | null> {
  const { rows } = await db.query<{ status: 'ok' | 'failed' }>(
    'SELECT status FROM files WHERE path = $1 AND hash = $2',
    [path, hash],
  );
  return rows[0]?.status ?? null;
}

/** Id of the report with this content hash, or null. */
export async function reportIdByHash(db: Queryable, hash: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM reports WHERE hash = $1', [hash]);
  return rows[0]?.id ?? null;
}

export interface StoreCounts {
  reports: number;
  files: number;
  /** Paths whose newest version failed. */
  failedFiles: number;
}

export async function storeCounts(db: Queryable): Promise<StoreCounts> {
  const { rows } = await db.query<{ reports: string; files: string; failed: string }>(
    `SELECT (SELECT count(*) FROM reports) AS reports,
            (SELECT count(*) FROM files) AS files,
            (SELECT count(*) FROM (SELECT DISTINCT ON (path) status FROM files ORDER BY path, version DESC) f
              WHERE f.status = 'failed') AS failed`,
  );
  const r = rows[0] as { reports: string; files: string; failed: string };
  return { reports: Number(r.reports), files: Number(r.files), failedFiles: Number(r.failed) };
}

export interface FailedFile {
  path: string;
  version: number;
  errorCode: string | null;
  error: string | null;
  attempts: number;
  updatedAt: Date;
}

/** Paths whose newest version could not be ingested, with the reason. */
export async function failedFiles(db: Queryable, limit = 1000): Promise<FailedFile[]> {
  const { rows } = await db.query<FailedFile>(
    `SELECT path, version, error_code AS "errorCode", error, attempts, updated_at AS "updatedAt"
     FROM (SELECT DISTINCT ON (path) * FROM files ORDER BY path, version DESC) f
     WHERE status = 'failed' ORDER BY path LIMIT $1`,
    [limit],
  );
  return rows;
}

export interface StoredReport {
  id: string;
  hash: string;
  sourcePath: string;
  version: number;
  format: string;
  ingestedAt: Date;
  title: string | null;
  year: number | null;
  scoreTotal: number | null;
  /** Every path whose current version has this content. */
  paths: string[];
  reading: ContractReport;
  text: string;
}

/** One stored report with its JSON reading and text, or null. */
export async function getReport(db: Queryable, id: string | number): Promise<StoredReport | null> {
  const { rows } = await db.query<StoredReport>(
    `SELECT r.id, r.hash, r.source_path AS "sourcePath", r.version, r.format, r.ingested_at AS "ingestedAt",
       r.title, r.year, r.score_total AS "scoreTotal", r.reading, t.text,
       ARRAY(SELECT path FROM files f WHERE f.report_id = r.id AND f.current ORDER BY path) AS paths
     FROM reports r JOIN report_texts t ON t.report_id = r.id WHERE r.id = $1`,
    [String(id)],
  );
  return rows[0] ?? null;
}
