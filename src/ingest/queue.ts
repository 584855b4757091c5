/**
 * Distributed ingestion on PostgreSQL through pg-boss: `fazhi ingest --queue` enqueues one job
 * per file path, and `fazhi worker` processes, on any number of machines, fetch jobs in batches
 * (pg-boss hands each job to one worker: SELECT … FOR UPDATE SKIP LOCKED), analyze the files in
 * worker threads and write each batch in one transaction. Paths are made absolute when enqueued
 * and must name the same files on every worker machine (a shared mount).
 *
 * A file that cannot be read or analyzed is recorded as failed and its job completes; a batch
 * whose write fails (database trouble) fails its jobs, which pg-boss retries. Writes are
 * idempotent by content hash, so a retried or duplicated job stores nothing twice.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import PgBoss from 'pg-boss';
import { expandInputs } from '../cli/inputs.js';
import type { Store } from '../store/open.js';
import { type BatchItem, writeBatch } from '../store/write.js';
import { type AnalyzerOptions, createAnalyzer } from './analyzer.js';
import type { FailedInput } from './ingest.js';
import { FileProcessor, type ProcessOptions } from './process.js';

export const QUEUE_NAME = 'fazhi-ingest';

export interface IngestJob {
  path: string;
}

export class QueueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueError';
  }
}

/** pg-boss on the store's own pool (PostgreSQL only), with the ingest queue created. */
export async function startBoss(store: Store, onError: (error: Error) => void = () => {}): Promise<PgBoss> {
  if (store.backend !== 'postgres') {
    throw new QueueError(
      'the job queue needs PostgreSQL: set DATABASE_URL (the embedded database serves one process)',
    );
  }
  const boss = new PgBoss({
    db: { executeSql: (text, values) => store.pool.query(text, values) },
    schedule: false,
  });
  boss.on('error', onError);
  await boss.start();
  await boss.createQueue(QUEUE_NAME, {
    name: QUEUE_NAME,
    retryLimit: 3,
    retryDelay: 5,
    expireInSeconds: 15 * 60,
  });
  return boss;
}

export interface EnqueueSummary {
  runId: string;
  queued: number;
  missing: FailedInput[];
}

/** Enqueue one ingest job per file of `args` (files, directories, globs). */
export async function enqueueFiles(store: Store, args: string[]): Promise<EnqueueSummary> {
  const inputs = await expandInputs(args);
  const paths = inputs.filter((i) => !i.missing).map((i) => resolve(i.path));
  const missing = inputs
    .filter((i) => i.missing)
    .map((i) => ({ path: i.path, code: 'not-found', message: 'no such file or no file matches' }));
  const boss = await startBoss(store);
  try {
    const { rows } = await store.pool.query<{ id: string }>(
      `INSERT INTO ingest_runs (mode, host, pid, inputs, total) VALUES ('enqueue', $1, $2, $3, $4) RETURNING id`,
      [hostname(), process.pid, args, paths.length],
    );
    const runId = (rows[0] as { id: string }).id;
    for (let i = 0; i < paths.length; i += 500) {
      await boss.insert(
        paths.slice(i, i + 500).map((path) => ({ name: QUEUE_NAME, data: { path } satisfies IngestJob })),
      );
    }
    await store.pool.query(`UPDATE ingest_runs SET status = 'done', finished_at = now() WHERE id = $1`, [
      runId,
    ]);
    return { runId, queued: paths.length, missing };
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

export interface WorkerOptions extends ProcessOptions, Pick<AnalyzerOptions, 'jobs' | 'force' | 'timeoutMs'> {
  /** Jobs fetched and written together (default: 8 per analysis thread). */
  batchSize?: number;
  pollingIntervalSeconds?: number;
  /** Return once the queue has no job waiting, retrying or running (default: run until stopped). */
  exitWhenIdle?: boolean;
  signal?: AbortSignal;
  /** Called after each written batch. */
  onBatch?: (summary: WorkerSummary) => void;
  onError?: (error: Error) => void;
}

export interface WorkerSummary {
  runId: string;
  processed: number;
  added: number;
  linked: number;
  unchanged: number;
  failed: FailedInput[];
}

/** Work the ingest queue until stopped (or idle, with `exitWhenIdle`). */
export async function runWorker(store: Store, options: WorkerOptions = {}): Promise<WorkerSummary> {
  const onError = options.onError ?? (() => {});
  const boss = await startBoss(store, onError);
  const analyzer = createAnalyzer(options);
  const processor = new FileProcessor(store.pool, analyzer, options);
  const { rows } = await store.pool.query<{ id: string }>(
    `INSERT INTO ingest_runs (mode, host, pid) VALUES ('worker', $1, $2) RETURNING id`,
    [hostname(), process.pid],
  );
  const runId = (rows[0] as { id: string }).id;
  const summary: WorkerSummary = { runId, processed: 0, added: 0, linked: 0, unchanged: 0, failed: [] };
  let active = 0;
  let workerId: string | null = null;
  const batchSize = options.batchSize ?? Math.max(8, analyzer.capacity * 2);

  const handle = async (jobs: PgBoss.Job<IngestJob>[]): Promise<void> => {
    active++;
    try {
      const items: BatchItem[] = [];
      let unchanged = 0;
      let next = 0;
      const lane = async () => {
        for (let i = next++; i < jobs.length; i = next++) {
          const processed = await processor.process((jobs[i] as PgBoss.Job<IngestJob>).data.path);
          if (processed.kind === 'unchanged') unchanged++;
          else items.push(processed.item);
        }
      };
      await Promise.all(Array.from({ length: Math.min(jobs.length, analyzer.capacity + 1) }, lane));
      const result = await writeBatch(store.pool, items, runId);
      summary.processed += jobs.length;
      summary.unchanged += unchanged;
      summary.added += result.added;
      summary.linked += result.linked;
      for (const r of result.items) {
        if (r.status === 'failed') {
          summary.failed.push({ path: r.path, code: r.code ?? 'corrupt', message: r.message ?? 'failed' });
        }
      }
      if (unchanged > 0) {
        await store.pool.query('UPDATE ingest_runs SET unchanged = unchanged + $2 WHERE id = $1', [
          runId,
          unchanged,
        ]);
      }
      options.onBatch?.(summary);
      // pg-boss waits out the polling interval after every batch; a full batch means more are
      // waiting, so fetch again at once.
      if (jobs.length >= batchSize && workerId) boss.notifyWorker(workerId);
    } finally {
      active--;
    }
  };

  try {
    workerId = await boss.work<IngestJob>(
      QUEUE_NAME,
      { batchSize, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
      handle,
    );
    await new Promise<void>((resolveWait) => {
      const check = async () => {
        if (options.signal?.aborted) return resolveWait();
        if (options.exitWhenIdle && active === 0) {
          try {
            const left = await boss.getQueueSize(QUEUE_NAME, { before: 'completed' });
            if (left === 0 && active === 0) return resolveWait();
          } catch (error) {
            onError(error as Error);
          }
        }
        setTimeout(check, 500);
      };
      options.signal?.addEventListener('abort', () => resolveWait(), { once: true });
      void check();
    });
  } finally {
    await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
    await analyzer.close();
    await store.pool.query(
      `UPDATE ingest_runs SET status = $2, finished_at = now(), total = $3 WHERE id = $1`,
      [runId, options.signal?.aborted ? 'stopped' : 'done', summary.processed],
    );
  }
  return summary;
}
