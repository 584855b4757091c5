/**
 * Answers cached per store generation: the overview is the same until the reports or the files
 * change, so it is computed once per change rather than once per request.
 *
 * A generation is the value of the `store_generation` sequence, which triggers move at the commit
 * of every change to `reports` or `files` (migrations/006_store_generation.sql). One cheap query
 * reads it on every lookup, so writes by other processes (`fazhi ingest`, workers on the same
 * PostgreSQL database, `fazhi reuse` rescoring reports) are seen at once; the server's own writes
 * (upload, delete) also call `invalidate()`. Entries also expire after `maxAgeMs`.
 */
import type { Queryable } from '../store/open.js';

interface Entry {
  generation: string;
  at: number;
  value: Promise<unknown>;
}

export class GenerationCache {
  private local = 0;
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Queryable,
    private readonly options: { maxEntries?: number; maxAgeMs?: number } = {},
  ) {}

  /** Forget everything (after a write of this process). */
  invalidate(): void {
    this.local++;
    this.entries.clear();
  }

  /** The store's current generation (migrations/006_store_generation.sql). */
  async generation(): Promise<string> {
    const { rows } = await this.db.query<{ n: string; called: boolean }>(
      'SELECT last_value AS n, is_called AS called FROM store_generation',
    );
    return `${this.local}/${rows[0]?.n ?? ''}/${rows[0]?.called ?? ''}`;
  }

  /** The cached value of `key` for the current generation, else `compute()` (and keep it). */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const generation = await this.generation();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.generation === generation && now - hit.at <= (this.options.maxAgeMs ?? 300_000)) {
      // Most recently used last: the first entry is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = compute();
    const entry: Entry = { generation, at: now, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    // A failure is not kept.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    const max = this.options.maxEntries ?? 100;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}
