/**
 * Distributed ingestion (PostgreSQL only): files enqueued once, two workers with stores of their
 * own share the jobs, every file ends up stored once.
 */
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIngestCommand } from '../../src/cli/ingest-command.js';
import { memoryOutput } from '../../src/cli/output.js';
import { runWorkerCommand } from '../../src/cli/worker-command.js';
import { enqueueFiles, QUEUE_NAME, runWorker, startBoss } from '../../src/ingest/queue.js';
import { openStore, type Store } from '../../src/store/open.js';
import { failedFiles, storeCounts } from '../../src/store/queries.js';
import {
  createTestDatabase,
  openPgliteTestStore,
  postgresAvailable,
  tempDir,
  testCorpus,
} from './backends.js';

const COUNT = 20;

describe('the job queue on the embedded database', () => {
  it('is refused, with a reason', async () => {
    const store = await openPgliteTestStore();
    try {
      await expect(startBoss(store)).rejects.toThrow(/needs PostgreSQL/u);
    } finally {
      await store.close();
    }
    const out = memoryOutput();
    const data = tempDir('q');
    expect(await runIngestCommand(['x.txt'], { queue: true, data }, out, {})).toBe(2);
    expect(await runWorkerCommand({ data }, out, {})).toBe(2);
    expect(out.stderr).toContain('the job queue needs PostgreSQL');
  });
});

describe.skipIf(!postgresAvailable())('the job queue [postgres]', () => {
  it('lets several workers share the files, each stored once', async () => {
    const corpus = await testCorpus(COUNT, 9);
    const dir = tempDir('queue');
    for (const f of readdirSync(corpus).filter((x) => x.endsWith('.txt')))
      copyFileSync(join(corpus, f), join(dir, f));
    writeFileSync(join(dir, 'zz-empty.txt'), '');
    const db = await createTestDatabase();
    const stores: Store[] = [];
    try {
      for (let i = 0; i < 3; i++)
        stores.push(await openStore({ backend: 'postgres', url: db.url }, { max: 6 }));
      const [main, a, b] = stores as [Store, Store, Store];

      const queued = await enqueueFiles(main, [dir, join(dir, 'missing-*.txt')]);
      expect(queued.queued).toBe(COUNT + 1);
      expect(queued.missing.map((m) => m.code)).toEqual(['not-found']);

      const options = { jobs: 1, batchSize: 3, pollingIntervalSeconds: 0.5, exitWhenIdle: true };
      const [ra, rb] = await Promise.all([runWorker(a, options), runWorker(b, options)]);
      expect(ra.processed + rb.processed).toBe(COUNT + 1);
      expect(ra.processed).toBeGreaterThan(0);
      expect(rb.processed).toBeGreaterThan(0);
      expect(ra.added + rb.added).toBe(COUNT);
      expect([...ra.failed, ...rb.failed].map((f) => f.code)).toEqual(['empty']);

      expect(await storeCounts(main.pool)).toEqual({ reports: COUNT, files: COUNT + 1, failedFiles: 1 });
      expect((await failedFiles(main.pool))[0]?.path).toBe(join(dir, 'zz-empty.txt'));
      const boss = await startBoss(main);
      try {
        expect(await boss.getQueueSize(QUEUE_NAME, { before: 'completed' })).toBe(0);
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }

      // Enqueued again: the workers find everything stored.
      await enqueueFiles(main, [dir]);
      const again = await runWorker(a, options);
      expect(again).toMatchObject({ processed: COUNT + 1, added: 0, linked: 0, unchanged: COUNT });
      expect((await storeCounts(main.pool)).reports).toBe(COUNT);
    } finally {
      for (const s of stores) await s.close();
      await db.drop();
    }
  }, 120_000);

  it('works through the commands', async () => {
    const corpus = await testCorpus(COUNT, 9);
    const db = await createTestDatabase();
    try {
      const out = memoryOutput();
      const env = { DATABASE_URL: db.url };
      expect(await runIngestCommand([corpus], { queue: true }, out, env)).toBe(0);
      expect(out.stdout).toMatch(/^queued 20 files in postgres:\/\//u);
      expect(
        await runWorkerCommand({ exitWhenIdle: true, jobs: 1, batchSize: 8, poll: 1, quiet: true }, out, env),
      ).toBe(0);
      expect(out.stdout).toContain('worker done: 20 files, 20 new reports');
    } finally {
      await db.drop();
    }
  }, 120_000);
});
