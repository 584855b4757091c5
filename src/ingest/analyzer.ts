/**
 * Where ingestion analyzes files: a pool of worker threads (one per core by default), each
 * running `analyzeBytes`, the checks (recommended preset) and building the store record, so the main thread is free to read,
 * hash and write. When the compiled worker script is absent (running from the TypeScript
 * sources, as the tests do) or one job is asked for, files are analyzed inline instead.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkReport, type ResolvedConfig, resolveConfig } from '../checks/index.js';
import { InputError } from '../errors.js';
import { loadKnowledge } from '../knowledge/load.js';
import { analyzeBytes } from '../pipeline.js';
import { buildRecord, type Checks, type ReportRecord } from '../store/record.js';

export interface AnalyzeTask {
  path: string;
  bytes: Uint8Array;
  /** sha256 of `bytes`. */
  hash: string;
}

export type AnalyzeResult = { ok: true; record: ReportRecord } | { ok: false; code: string; message: string };

export interface AnalyzerOptions {
  /** Worker threads (default: the number of cores). 1 analyzes inline. */
  jobs?: number;
  /** Analyze inputs that do not look like a rule-of-law report. */
  force?: boolean;
  maxBytes?: number;
  /** A file whose analysis takes longer fails with code `timeout` (default 120 s; threads only). */
  timeoutMs?: number;
  /** The worker script (default: analyze-worker.js beside this module). */
  workerUrl?: URL;
}

export interface Analyzer {
  /** How many files it analyzes at once. */
  readonly concurrency: number;
  /** How many files may be handed to it at once to keep it busy (≥ concurrency). */
  readonly capacity: number;
  /** 'threads' or 'inline'. */
  readonly mode: 'threads' | 'inline';
  analyze(task: AnalyzeTask): Promise<AnalyzeResult>;
  close(): Promise<void>;
}

/** The check configuration of this thread (the recommended preset), resolved once. */
let config: ResolvedConfig | null = null;

/** Analyze one file and build its record; never throws (a bad file is a failed result). */
export async function analyzeTask(
  task: AnalyzeTask,
  options: Pick<AnalyzerOptions, 'force' | 'maxBytes'> = {},
): Promise<AnalyzeResult> {
  try {
    const knowledge = loadKnowledge();
    const analyzed = await analyzeBytes(task.bytes, task.path, {
      knowledge,
      force: options.force,
      maxBytes: options.maxBytes,
    });
    // The findings and score of the recommended rules, as `fazhi analyze` gives them. A failure
    // of the checks (a bug) must not lose the report: it is stored without them.
    let checks: Checks | null = null;
    try {
      config ??= resolveConfig();
      checks = checkReport(analyzed.report, knowledge, config);
    } catch (error) {
      analyzed.document.warnings.push(`checks failed: ${String(error).split('\n')[0]}`);
    }
    return { ok: true, record: buildRecord(analyzed, task.path, task.hash, checks) };
  } catch (error) {
    const e =
      error instanceof InputError ? error : new InputError('corrupt', `cannot analyze: ${String(error)}`);
    return { ok: false, code: e.code, message: e.message };
  }
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

const DEFAULT_WORKER_URL = new URL('./analyze-worker.js', import.meta.url);

/** A thread pool when possible, else inline analysis. */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const jobs = options.jobs ?? defaultJobs();
  const workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
  if (jobs > 1 && existsSync(fileURLToPath(workerUrl))) return new ThreadAnalyzer(jobs, workerUrl, options);
  return inlineAnalyzer(options);
}

export function inlineAnalyzer(options: Pick<AnalyzerOptions, 'force' | 'maxBytes'> = {}): Analyzer {
  return {
    concurrency: 1,
    capacity: 1,
    mode: 'inline',
    analyze: (task) => analyzeTask(task, options),
    close: async () => {},
  };
}

interface Pending {
  id: number;
  task: AnalyzeTask;
  resolve: (result: AnalyzeResult) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent to the worker, in order; it works on the first. */
  sent: Pending[];
  timer: NodeJS.Timeout | null;
}

/**
 * Tasks sent to a worker ahead: while the main thread is busy in a long database write (PGlite
 * runs in the main thread and blocks it), the workers go on with what they already have.
 */
const PREFETCH = 4;

/** Messages between the pool and analyze-worker.ts. */
export interface WorkerRequest {
  id: number;
  task: AnalyzeTask;
}
export interface WorkerResponse {
  id: number;
  result: AnalyzeResult;
}

class ThreadAnalyzer implements Analyzer {
  readonly mode = 'threads';
  readonly concurrency: number;
  /** Tasks that can be under way at once (sent to workers). */
  readonly capacity: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    jobs: number,
    private readonly workerUrl: URL,
    private readonly options: AnalyzerOptions,
  ) {
    this.concurrency = jobs;
    this.capacity = jobs * PREFETCH;
    for (let i = 0; i < jobs; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, {
      workerData: { force: this.options.force, maxBytes: this.options.maxBytes },
    });
    const slot: Slot = { worker, sent: [], timer: null };
    worker.on('message', (msg: WorkerResponse) => {
      if (slot.sent[0]?.id === msg.id) this.finish(slot, msg.result);
    });
    worker.on('error', (error) => this.crashed(slot, `analysis crashed: ${error.message}`));
    worker.on('exit', (code) => {
      if (!this.closed) this.crashed(slot, `analysis worker exited with code ${code}`);
    });
    // Idle workers must not keep the process alive.
    worker.unref();
    return slot;
  }

  analyze(task: AnalyzeTask): Promise<AnalyzeResult> {
    if (this.closed) return Promise.resolve({ ok: false, code: 'corrupt', message: 'analyzer closed' });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, task, resolve });
      this.dispatch();
    });
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? 120_000;
  }

  /** (Re)start the clock of the task the worker is on. */
  private arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.sent.length === 0) return;
    slot.timer = setTimeout(() => {
      this.crashed(slot, `analysis took longer than ${Math.round(this.timeoutMs / 1000)} s`, 'timeout');
    }, this.timeoutMs);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      // The least loaded worker with room.
      let best: Slot | null = null;
      for (const slot of this.slots) {
        if (slot.sent.length < PREFETCH && (!best || slot.sent.length < best.sent.length)) best = slot;
      }
      if (!best) return;
      const pending = this.queue.shift() as Pending;
      best.sent.push(pending);
      best.worker.ref();
      const request: WorkerRequest = { id: pending.id, task: pending.task };
      best.worker.postMessage(request);
      if (best.sent.length === 1) this.arm(best);
    }
  }

  private finish(slot: Slot, result: AnalyzeResult): void {
    const pending = slot.sent.shift();
    this.arm(slot);
    if (slot.sent.length === 0) slot.worker.unref();
    pending?.resolve(result);
    this.dispatch();
  }

  /** A worker died or hung: fail the file it was on, hand its other files to a new worker. */
  private crashed(slot: Slot, message: string, code = 'corrupt'): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    const [current, ...rest] = slot.sent;
    slot.sent = [];
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {});
    void slot.worker.terminate();
    if (this.closed) return;
    this.slots[index] = this.spawn();
    this.queue.unshift(...rest);
    current?.resolve({ ok: false, code, message });
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    const closed: AnalyzeResult = { ok: false, code: 'corrupt', message: 'analyzer closed' };
    for (const p of this.queue.splice(0)) p.resolve(closed);
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        for (const p of slot.sent.splice(0)) p.resolve(closed);
        slot.worker.removeAllListeners();
        slot.worker.on('error', () => {});
        await slot.worker.terminate();
      }),
    );
  }
}
