import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerationCache } from './cache.js';
import { overview } from './data.js';
import { corpusStore, type Fixture, testBackends } from './testing/fixture.js';

describe.each(testBackends())('overview cache per store generation [%s]', (backend) => {
  let fx: Fixture;

  beforeAll(async () => {
    fx = await corpusStore(3, 7, backend);
  }, 120_000);

  afterAll(async () => {
    await fx?.cleanup();
  });

  it('computes once per generation, again after a write here or by another process', async () => {
    const cache = new GenerationCache(fx.store.pool);
    let computed = 0;
    const get = () =>
      cache.get('{}', async () => {
        computed++;
        return overview(fx.store.pool, {});
      });
    const first = await get();
    expect(first.total).toBe(3);
    expect(await get()).toBe(first);
    expect(computed).toBe(1);

    cache.invalidate();
    await get();
    expect(computed).toBe(2);

    // Another process marks a file failed, then takes a report out of the corpus.
    const { rows } = await fx.store.pool.query<{ id: string; report_id: string }>(
      'SELECT id, report_id FROM files WHERE current ORDER BY id LIMIT 1',
    );
    const file = rows[0];
    if (!file) throw new Error('no files');
    await fx.store.pool.query(
      `INSERT INTO files (path, hash, version, status, error_code, error)
       VALUES ('/elsewhere/broken.txt', NULL, 1, 'failed', 'empty', 'empty file')`,
    );
    expect((await get()).store.failedFiles).toBe(1);
    expect(computed).toBe(3);
    await fx.store.pool.query('UPDATE files SET current = false, updated_at = now() WHERE id = $1', [
      file.id,
    ]);
    expect((await get()).total).toBe(2);
    expect(computed).toBe(4);
    await fx.store.pool.query('UPDATE files SET current = true, updated_at = now() WHERE id = $1', [file.id]);
    await fx.store.pool.query(`DELETE FROM files WHERE path = '/elsewhere/broken.txt'`);
    const back = await get();
    expect([back.total, back.store.failedFiles]).toEqual([3, 0]);
    expect(computed).toBe(5);

    // A report rescored in place (as `fazhi reuse` does when it adds findings).
    await fx.store.pool.query('UPDATE reports SET score_total = 1 WHERE id = $1', [file.report_id]);
    await get();
    expect(computed).toBe(6);
    expect(await get()).toBeDefined();
    expect(computed).toBe(6);
  });

  it('keeps no failure and evicts the least recently used', async () => {
    const cache = new GenerationCache(fx.store.pool, { maxEntries: 2 });
    await expect(cache.get('bad', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('bad', async () => 1)).toBe(1);
    let calls = 0;
    const count = async () => ++calls;
    await cache.get('a', count);
    await cache.get('b', count);
    await cache.get('a', count); // a is now the most recent: b goes when c comes
    await cache.get('c', count);
    expect(calls).toBe(3);
    await cache.get('a', count);
    expect(calls).toBe(3);
    await cache.get('b', count);
    expect(calls).toBe(4);
  });
});
