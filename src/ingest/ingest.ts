/**
 * `fazhi ingest` in one process: files are read and hashed here, analyzed in worker threads,
 * and written here in batches, one transaction per batch (the embedded database has one
 * connection). A batch is committed at least every `flushMs`, so a run killed outright loses at
 * most the files of its open batch; the next run skips everything committed.
 *
 * @example
 * const store = await openStore(resolveStoreTarget());
 * const summary = await ingestFiles(store, ['reports/'], { jobs: 4 });
 * summary.added; // new reports
 * await store.close();
 */
import { hostname } from 'node:os';
import { expandInputs } from '../cli/inputs.js';
import type { Store } from '../store/open.js';
import { latestFiles } from '../store/queries.js';
import { type BatchItem, writeBatch } from '../store/write.js';
import { type Analyzer, type AnalyzerOptions, createAnalyzer } from './analyzer.js';
import { FileProcessor, type ProcessOptions } from './process.js';
import { noProgress, type Progress } from './progress.js';

export interface IngestOptions extends ProcessOptions, Pick<AnalyzerOptions, 'jobs' | 'force' | 'timeoutMs'> {
  /** Files per transaction (default 50). */
  batchSize?: number;
  /** Commit an open batch after this long even when it is not full (default 2000 ms). */
  flushMs?: number;
  progress?: Progress;
  /** Stop taking new files; what is analyzed is still committed. */
  signal?: AbortSignal;
  /** Use this analyzer instead of creating (and closing) one. */
  analyzer?: Analyzer;
}

export interface FailedInput {
  path: string;
  code: string;
  message: string;
}

export interface IngestSummary {
  runId: string;
  /** Input files (after expanding directories and globs). */
  total: number;
  /** New reports stored. */
  added: number;
  /** Files whose content was already stored as a report under another path. */
  linked: number;
  /** Files already recorded with the same content: nothing done. */
  unchanged: number;
  failed: FailedInput[];
  /** Files not reached because the run was stopped. */
  notProcessed: number;
  seconds: number;
}

/** Ingest files, directories and glob patterns. Per-file errors are recorded, never thrown. */
export async function ingestFiles(
  store: Store,
  args: string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = Date.now();
  const inputs = await expandInputs(args);
  const paths = inputs.filter((i) => !i.missing).map((i) => i.path);
  const summary: IngestSummary = {
    runId: '',
    total: inputs.length,
    added: 0,
    linked: 0,
    unchanged: 0,
    failed: inputs
      .filter((i) => i.missing)
      .map((i) => ({ path: i.path, code: 'not-found', message: 'no such file or no file matches' })),
    notProcessed: 0,
    seconds: 0,
  };
  const { rows } = await store.pool.query<{ id: string }>(
    `INSERT INTO ingest_runs (mode, host, pid, inputs, total) VALUES ('local', $1, $2, $3, $4) RETURNING id`,
    [hostname(), process.pid, args, inputs.length],
  );
  const runId = (rows[0] as { id: string }).id;
  summary.runId = runId;

  const progress = options.progress ?? noProgress;
  const counts = () => ({
    done: summary.added + summary.linked + summary.unchanged + summary.failed.length,
    total: summary.total,
    added: summary.added,
    failed: summary.failed.length,
  });
  progress.update(counts());

  const known = await latestFiles(store.pool, paths);
  // The hashes of the stored reports, kept up to date as batches commit: the lanes never query
  // the database (on PGlite they would wait for the write in progress on its one connection).
  const stored = new Set<string>();
  for (const r of (await store.pool.query<{ hash: string }>('SELECT hash FROM reports')).rows)
    stored.add(r.hash);
  const analyzer = options.analyzer ?? createAnalyzer(options);
  const processor = new FileProcessor(store.pool, analyzer, {
    ...options,
    isStored: (hash) => stored.has(hash),
  });
  const batchSize = Math.max(1, options.batchSize ?? 50);
  const flushMs = options.flushMs ?? 2000;

  let pending: BatchItem[] = [];
  let lastFlush = Date.now();
  let writing: Promise<void> = Promise.resolve();
  let fatal: unknown = null;

  const flush = (): Promise<void> => {
    const items = pending;
    pending = [];
    lastFlush = Date.now();
    if (items.length === 0) return writing;
    writing = writing.then(async () => {
      if (fatal) return;
      try {
        const result = await writeBatch(store.pool, items, runId);
        for (const item of items) {
          if (item.outcome.kind === 'report') stored.add(item.outcome.record.hash);
        }
        summary.added += result.added;
        summary.linked += result.linked;
        for (const r of result.items) {
          if (r.status === 'failed') {
            summary.failed.push({ path: r.path, code: r.code ?? 'corrupt', message: r.message ?? 'failed' });
          }
        }
        progress.update(counts());
      } catch (error) {
        fatal = error;
      }
    });
    return writing;
  };

  // A time-based flush for slow files: nothing waits longer than flushMs to be committed.
  const ticker = setInterval(
    () => {
      if (pending.length > 0 && Date.now() - lastFlush >= flushMs) void flush();
    },
    Math.max(50, Math.min(flushMs, 1000)),
  );

  let next = 0;
  const lanes = Math.max(2, analyzer.capacity + analyzer.concurrency);
  const lane = async (): Promise<void> => {
    while (!fatal && !options.signal?.aborted) {
      const index = next++;
      if (index >= paths.length) return;
      const path = paths[index] as string;
      let processed: Awaited<ReturnType<FileProcessor['process']>>;
      try {
        processed = await processor.process(path, known.get(path) ?? null);
      } catch (error) {
        // Only the database fails here (file problems are results): stop the run.
        fatal = error;
        return;
      }
      if (processed.kind === 'unchanged') {
        summary.unchanged++;
        progress.update(counts());
        continue;
      }
      pending.push(processed.item);
      if (pending.length >= batchSize || Date.now() - lastFlush >= flushMs) {
        // Back-pressure: this lane waits for the write; the others go on analyzing.
        await flush();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
    await flush();
    await writing;
  } finally {
    clearInterval(ticker);
    if (!options.analyzer) await analyzer.close();
  }
  if (fatal) throw fatal;

  summary.notProcessed = Math.max(0, paths.length - Math.min(next, paths.length));
  summary.seconds = (Date.now() - started) / 1000;
  progress.stop(counts());
  await store.pool.query(
    `UPDATE ingest_runs SET status = $2, finished_at = now(), unchanged = $3 WHERE id = $1`,
    [runId, options.signal?.aborted ? 'stopped' : 'done', summary.unchanged],
  );
  return summary;
}
