import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../../src/store/open.js';
import { describeBackends, seedDataDir } from './backends.js';

describe('the embedded store on disk', () => {
  it('serves one process at a time, and takes over the lock of a process that is gone', async () => {
    const dir = await seedDataDir();
    // A lock left by a killed process.
    writeFileSync(join(dir, 'pglite.lock'), `999999999\n${hostname()}\n`);
    const store = await openStore({ backend: 'pglite', dataDir: dir });
    try {
      await expect(openStore({ backend: 'pglite', dataDir: dir })).rejects.toThrow(StoreError);
      await expect(openStore({ backend: 'pglite', dataDir: dir })).rejects.toThrow(
        /in use by process \d+ \(this one\)/u,
      );
      expect((await store.pool.query('SELECT count(*)::int AS n FROM reports')).rows[0].n).toBe(0);
    } finally {
      await store.close();
    }
    // Closed: free again.
    const again = await openStore({ backend: 'pglite', dataDir: dir });
    await again.close();
  }, 60_000);

  it('refuses to create a store where one is only read', async () => {
    await expect(
      openStore({ backend: 'pglite', dataDir: '/nonexistent/fazhi' }, { create: false }),
    ).rejects.toThrow(/no fazhi store/u);
  });
});

describeBackends('the store’s sessions', (store) => {
  it('let a query sort and hash in at least 32 MB before spilling to disk', async () => {
    // Several connections at once: each new one of the pool is raised, not only the first.
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        store().pool.query<{ bytes: string }>("SELECT pg_size_bytes(current_setting('work_mem')) AS bytes"),
      ),
    );
    for (const r of results) expect(Number(r.rows[0]?.bytes)).toBeGreaterThanOrEqual(32 * 1024 * 1024);
  });
});
