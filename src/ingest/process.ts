/**
 * One file on its way into the store: stat, skip when unchanged, read and hash, skip when this
 * content is already recorded for this path, link when the content is stored under another
 * path, else analyze. The content hash (sha256 of the bytes) is the idempotency key: whatever
 * was committed before is never analyzed or stored again.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { formatBytes } from '../pipeline.js';
import type { Queryable } from '../store/open.js';
import { type KnownFile, latestFiles, reportIdByHash } from '../store/queries.js';
import type { BatchItem, FileFacts } from '../store/write.js';
import type { AnalyzeResult, Analyzer } from './analyzer.js';

export interface ProcessOptions {
  maxBytes?: number;
  /**
   * Whether a report with this content hash is stored (default: ask the database). A batch
   * ingester passes an in-memory set, so deciding never waits for a write to finish.
   */
  isStored?: (hash: string) => boolean | Promise<boolean>;
  /**
   * Read and hash every file, even one whose size and modification time match its newest
   * recorded version (default false: such a file is taken as unchanged without reading it).
   */
  rehash?: boolean;
}

export type Processed = { kind: 'unchanged'; path: string } | { kind: 'item'; item: BatchItem };

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class FileProcessor {
  /** Contents being analyzed now, by hash: a second file with the same bytes waits for the first. */
  private readonly inFlight = new Map<string, Promise<AnalyzeResult>>();

  constructor(
    private readonly db: Queryable,
    private readonly analyzer: Analyzer,
    private readonly options: ProcessOptions = {},
  ) {}

  /**
   * Process `path`. `known` is its newest recorded version, when the caller looked it up for
   * many files at once; undefined makes this look it up.
   */
  async process(path: string, known?: KnownFile | null): Promise<Processed> {
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_BYTES;
    const failed = (file: FileFacts, code: string, message: string): Processed => ({
      kind: 'item',
      item: { file, outcome: { kind: 'failed', code, message } },
    });
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      return failed({ path, hash: null, size: null, mtime: null }, 'not-found', 'no such file');
    }
    if (info.isDirectory()) {
      return failed({ path, hash: null, size: null, mtime: null }, 'unsupported-format', 'is a directory');
    }
    if (known === undefined) known = (await latestFiles(this.db, [path])).get(path) ?? null;
    const facts = { path, size: info.size, mtime: info.mtime };
    if (
      !this.options.rehash &&
      known?.status === 'ok' &&
      known.size === info.size &&
      known.mtime?.getTime() === info.mtime.getTime()
    ) {
      return { kind: 'unchanged', path };
    }
    if (info.size > maxBytes) {
      return failed(
        { ...facts, hash: null },
        'too-large',
        `file is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-bytes)`,
      );
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      return failed({ ...facts, hash: null }, 'not-found', `cannot read: ${(error as Error).message}`);
    }
    const hash = sha256(bytes);
    const file: FileFacts = { ...facts, hash };
    if (known?.hash === hash && known.status === 'ok') return { kind: 'unchanged', path };

    const stored = this.options.isStored
      ? await this.options.isStored(hash)
      : (await reportIdByHash(this.db, hash)) !== null;
    if (stored) return { kind: 'item', item: { file, outcome: { kind: 'link' } } };

    let analysis = this.inFlight.get(hash);
    if (!analysis) {
      analysis = this.analyzer.analyze({ path, bytes, hash });
      this.inFlight.set(hash, analysis);
      // Forget it once settled: records are large, and a later file with the same bytes finds
      // the report in the store (or, before the batch commits, is analyzed again: harmless).
      void analysis.finally(() => this.inFlight.delete(hash));
    }
    const result = await analysis;
    if (!result.ok) return failed(file, result.code, result.message);
    return { kind: 'item', item: { file, outcome: { kind: 'report', record: result.record } } };
  }
}
