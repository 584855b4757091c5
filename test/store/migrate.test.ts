import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, MigrationError, migrate } from '../../src/store/migrate.js';
import { redactUrl, resolveStoreTarget } from '../../src/store/open.js';
import { describeBackends, tempDir } from './backends.js';

describe('migrations on disk', () => {
  it('are numbered, in order, with checksums', () => {
    const m = loadMigrations();
    expect(m.map((x) => x.version)).toEqual(m.map((_, i) => i + 1));
    expect(m[0]?.name).toBe('init');
    for (const x of m) expect(x.checksum).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('refuses two migrations with one number', () => {
    const dir = tempDir('mig');
    writeFileSync(join(dir, '001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '001_b.sql'), 'SELECT 2;');
    expect(() => loadMigrations(dir)).toThrow(MigrationError);
  });
});

describe('where the store is', () => {
  it('prefers explicit options to the environment', () => {
    const env = { DATABASE_URL: 'postgres://u:secret@h/db', FAZHI_DATA: '/env/data' };
    expect(resolveStoreTarget({ databaseUrl: 'postgres://x/y' }, env)).toEqual({
      backend: 'postgres',
      url: 'postgres://x/y',
    });
    expect(resolveStoreTarget({ data: '/opt/d' }, env)).toEqual({ backend: 'pglite', dataDir: '/opt/d' });
    expect(resolveStoreTarget({}, env)).toEqual({ backend: 'postgres', url: env.DATABASE_URL });
    expect(resolveStoreTarget({}, { FAZHI_DATA: '/env/data' })).toEqual({
      backend: 'pglite',
      dataDir: '/env/data',
    });
    expect(resolveStoreTarget({}, {})).toEqual({
      backend: 'pglite',
      dataDir: join(process.cwd(), 'fazhi-data'),
    });
  });

  it('never prints a password', () => {
    expect(redactUrl('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
  });
});

describeBackends('migrate', (store) => {
  it('recorded every migration, and applies nothing twice', async () => {
    const { rows } = await store().pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    expect(await migrate(store().pool)).toEqual([]);
    expect(await migrate(store().pool)).toEqual([]);
  });

  it('has pg_trgm and the trigram index', async () => {
    const { rows } = await store().pool.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'report_texts' ORDER BY indexname`,
    );
    expect(rows.map((r) => r.indexname)).toEqual([
      'report_texts_pkey',
      'report_texts_trgm_idx',
      'report_texts_tsv_idx',
    ]);
  });

  it('refuses a migration edited after it was applied, and a database newer than the code', async () => {
    const edited = loadMigrations().map((m) => (m.version === 1 ? { ...m, checksum: 'x'.repeat(64) } : m));
    await expect(migrate(store().pool, edited)).rejects.toThrow(/changed after it was applied/u);
    const older = loadMigrations().slice(0, 1);
    await expect(migrate(store().pool, older)).rejects.toThrow(/does not know; upgrade fazhi/u);
    // Nothing was left half done.
    expect(await migrate(store().pool)).toEqual([]);
  });

  it('applies a new migration once', async () => {
    const extra = [
      ...loadMigrations(),
      { version: 999, name: 'test_extra', sql: 'CREATE TABLE test_extra (x int);', checksum: 'e'.repeat(64) },
    ];
    expect(await migrate(store().pool, extra)).toEqual([999]);
    expect(await migrate(store().pool, extra)).toEqual([]);
    await store().pool.query('DROP TABLE test_extra; DELETE FROM schema_migrations WHERE version = 999');
  });
});
