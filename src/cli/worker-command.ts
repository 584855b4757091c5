/**
 * `fazhi worker`: process ingest jobs that `fazhi ingest --queue` put in PostgreSQL. Run any
 * number, on any machines that see the same paths. Stops on SIGINT/SIGTERM after the batch in
 * progress, or with `--exit-when-idle` once the queue is drained. Exit code 0, 1 when any file
 * it processed failed, 2 when the store or queue cannot be used.
 */
import type { Command } from 'commander';
import { addStoreOptions, type StoreCliOptions, withInterrupt } from './ingest-command.js';
import { byteSize, positiveInt } from './options.js';
import type { Output } from './output.js';

export interface WorkerCommandOptions extends StoreCliOptions {
  jobs?: number;
  batchSize?: number;
  poll?: number;
  exitWhenIdle?: boolean;
  force?: boolean;
  maxBytes?: number;
  quiet?: boolean;
}

/** Run `fazhi worker`; returns the exit code. */
export async function runWorkerCommand(
  options: WorkerCommandOptions,
  out: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { openStore, resolveStoreTarget } = await import('../store/open.js');
  const target = resolveStoreTarget(options, env);
  if (target.backend !== 'postgres') {
    out.error('fazhi worker: the job queue needs PostgreSQL (set DATABASE_URL or --database-url)');
    return 2;
  }
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(target, { max: 6 });
  } catch (error) {
    out.error(`fazhi worker: ${(error as Error).message}`);
    return 2;
  }
  try {
    const { runWorker } = await import('../ingest/queue.js');
    if (!options.quiet) out.error(`fazhi worker: working the ingest queue of ${store.location}`);
    let reported = 0;
    const summary = await withInterrupt(out, (signal) =>
      runWorker(store, {
        jobs: options.jobs,
        batchSize: options.batchSize,
        pollingIntervalSeconds: options.poll,
        exitWhenIdle: options.exitWhenIdle,
        force: options.force,
        maxBytes: options.maxBytes,
        signal,
        onError: (error) => out.error(`fazhi worker: queue error: ${error.message}`),
        onBatch: (s) => {
          for (const f of s.failed.slice(reported)) out.error(`${f.path}: ${f.message}`);
          reported = s.failed.length;
          if (!options.quiet) {
            out.error(
              `worker: ${s.processed} files, ${s.added} new, ${s.linked} linked, ${s.unchanged} unchanged, ${s.failed.length} failed`,
            );
          }
        },
      }),
    );
    await out.write(
      `worker done: ${summary.processed} files, ${summary.added} new reports, ${summary.linked} already stored, ` +
        `${summary.unchanged} unchanged, ${summary.failed.length} failed\n`,
    );
    return summary.failed.length > 0 ? 1 : 0;
  } catch (error) {
    out.error(`fazhi worker: ${(error as Error).message}`);
    return 2;
  } finally {
    await store.close();
  }
}

/** Add `fazhi worker` to the program. */
export function registerWorkerCommand(program: Command, out: Output, setExit: (code: number) => void): void {
  const command = program
    .command('worker')
    .description('process files queued by `fazhi ingest --queue` (PostgreSQL; run as many as you like)');
  addStoreOptions(command)
    .option('-j, --jobs <n>', 'analysis threads (default: one per core)', positiveInt)
    .option('--batch-size <n>', 'jobs fetched and written together (default: 8 per thread)', positiveInt)
    .option('--poll <seconds>', 'seconds between polls of an empty queue', positiveInt, 2)
    .option('--exit-when-idle', 'exit once no job is waiting, retrying or running')
    .option('--force', 'store inputs even when they do not look like a rule-of-law report')
    .option('--max-bytes <size>', 'largest input file accepted (e.g. 20MB)', byteSize)
    .option('-q, --quiet', 'no progress lines')
    .action(async (opts: WorkerCommandOptions) => {
      setExit(await runWorkerCommand(opts, out));
    });
}
