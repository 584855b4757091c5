/**
 * `fazhi ingest DIR|FILE|GLOB... [--data DIR]`: analyze files into the store, idempotent by
 * content hash, in parallel, resumable; `--queue` enqueues the files for `fazhi worker`s instead.
 * Exit code 0 when every file is stored, 1 when any failed, 2 when the store cannot be used,
 * 130 when stopped by Ctrl-C (what was analyzed is committed; run it again to go on).
 *
 * The heavy modules (PGlite, pg-boss, the analysis) are imported when the command runs, so
 * registering the command costs nothing for the others.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { IngestSummary } from '../ingest/ingest.js';
import type { ProgressMode } from '../ingest/progress.js';
import { byteSize, jsonOption, positiveInt } from './options.js';
import { type Output, processOutput } from './output.js';

/** Where the store is: the options every store command takes. */
export interface StoreCliOptions {
  data?: string;
  databaseUrl?: string;
}

/** Add `--data` and `--database-url` to a command. */
export function addStoreOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'embedded database directory (default: $FAZHI_DATA, else ./fazhi-data)')
    .option(
      '--database-url <url>',
      'PostgreSQL database (default: $DATABASE_URL; when set, used instead of --data)',
    );
}

/**
 * Run `fn` with AbortSignal that SIGINT/SIGTERM trigger (a second Ctrl-C exits at once), when
 * printing to the process; in-process callers (tests) get a signal that never fires.
 */
export async function withInterrupt<T>(out: Output, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  if (out !== processOutput) return fn(controller.signal);
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(130);
    out.error('stopping after the files in progress (Ctrl-C again to quit at once) …');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await fn(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export interface IngestCommandOptions extends StoreCliOptions {
  jobs?: number;
  batchSize?: number;
  queue?: boolean;
  force?: boolean;
  maxBytes?: number;
  rehash?: boolean;
  progress?: 'auto' | ProgressMode;
  /** Seconds between progress lines when not on a terminal. */
  progressInterval?: number;
  format?: 'text' | 'json';
}

function progressMode(mode: IngestCommandOptions['progress'], out: Output): ProgressMode {
  if (mode && mode !== 'auto') return mode;
  if (out !== processOutput) return 'none';
  return process.stderr.isTTY ? 'bar' : 'lines';
}

function formatSummary(s: IngestSummary, location: string): string {
  const rate = s.seconds > 0 ? (s.total - s.notProcessed) / s.seconds : 0;
  const parts = [
    `${s.added} new report${s.added === 1 ? '' : 's'}`,
    ...(s.linked > 0 ? [`${s.linked} already stored from another path`] : []),
    `${s.unchanged} unchanged`,
    `${s.failed.length} failed`,
    ...(s.notProcessed > 0 ? [`${s.notProcessed} not reached (stopped)`] : []),
  ];
  return (
    `ingested ${s.total} file${s.total === 1 ? '' : 's'} into ${location} in ${s.seconds.toFixed(1)} s ` +
    `(${rate.toFixed(1)} files/s): ${parts.join(', ')}`
  );
}

/** Run `fazhi ingest`; returns the exit code. */
export async function runIngestCommand(
  args: string[],
  options: IngestCommandOptions,
  out: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { openStore, resolveStoreTarget } = await import('../store/open.js');
  const target = resolveStoreTarget(options, env);
  if (options.queue && target.backend !== 'postgres') {
    out.error('fazhi ingest --queue: the job queue needs PostgreSQL (set DATABASE_URL or --database-url)');
    return 2;
  }
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(target);
  } catch (error) {
    out.error(`fazhi ingest: ${(error as Error).message}`);
    return 2;
  }
  try {
    if (options.queue) {
      const { enqueueFiles } = await import('../ingest/queue.js');
      const result = await enqueueFiles(store, args);
      for (const m of result.missing) out.error(`${m.path}: ${m.message}`);
      if (options.format === 'json') {
        await out.write(`${JSON.stringify({ queued: result.queued, failed: result.missing }, null, 2)}\n`);
      } else {
        await out.write(
          `queued ${result.queued} file${result.queued === 1 ? '' : 's'} in ${store.location}; ` +
            'run `fazhi worker` where these paths are readable\n',
        );
      }
      return result.missing.length > 0 ? 1 : 0;
    }
    const { ingestFiles } = await import('../ingest/ingest.js');
    const { createProgress } = await import('../ingest/progress.js');
    const progress = createProgress(progressMode(options.progress, out), {
      line: (text) => out.error(text),
      intervalMs: (options.progressInterval ?? 5) * 1000,
    });
    const summary = await withInterrupt(out, (signal) =>
      ingestFiles(store, args, {
        jobs: options.jobs,
        batchSize: options.batchSize,
        force: options.force,
        maxBytes: options.maxBytes,
        rehash: options.rehash,
        progress,
        signal,
      }),
    );
    for (const f of summary.failed) out.error(`${f.path}: ${f.message}`);
    if (options.format === 'json') {
      await out.write(`${JSON.stringify({ store: store.location, ...summary }, null, 2)}\n`);
    } else {
      await out.write(`${formatSummary(summary, store.location)}\n`);
    }
    if (summary.notProcessed > 0) return 130;
    return summary.failed.length > 0 ? 1 : 0;
  } catch (error) {
    out.error(`fazhi ingest: ${(error as Error).message}`);
    return 2;
  } finally {
    await store.close();
  }
}

/** Add `fazhi ingest` to the program. */
export function registerIngestCommand(program: Command, out: Output, setExit: (code: number) => void): void {
  const command = program
    .command('ingest')
    .description('analyze reports into the store (embedded database, or PostgreSQL with DATABASE_URL)')
    .argument('<inputs...>', 'files, directories or glob patterns');
  addStoreOptions(command)
    .option('-j, --jobs <n>', 'analysis threads (default: one per core)', positiveInt)
    .option('--batch-size <n>', 'files per transaction', positiveInt, 50)
    .option('--queue', 'enqueue the files for `fazhi worker` processes instead (PostgreSQL only)')
    .option('--force', 'store inputs even when they do not look like a rule-of-law report')
    .option('--max-bytes <size>', 'largest input file accepted (e.g. 20MB)', byteSize)
    .option('--rehash', 'read and hash every file, even when its size and time are unchanged')
    .addOption(
      new Option('--progress <mode>', 'progress display')
        .choices(['auto', 'bar', 'lines', 'none'])
        .default('auto'),
    )
    .option(
      '--progress-interval <seconds>',
      'seconds between progress lines when not on a terminal',
      (v: string) => {
        const n = Number(v);
        if (!(n > 0)) throw new InvalidArgumentError('expected a positive number of seconds');
        return n;
      },
      5,
    )
    .addOption(
      new Option('-f, --format <format>', 'summary format').choices(['text', 'json']).default('text'),
    )
    .addOption(jsonOption())
    .action(async (inputs: string[], opts: IngestCommandOptions) => {
      setExit(await runIngestCommand(inputs, opts, out));
    });
}
