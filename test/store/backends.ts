/**
 * The store test suite runs once per backend: the embedded database (PGlite, always) and a real
 * PostgreSQL server when DATABASE_URL or FAZHI_TEST_DATABASE_URL is set (skipped otherwise,
 * except under CI, where a missing server fails loudly). Each test file gets its own database:
 * a PGlite instance in memory, restored from a migrated template cached in the temp directory
 * (creating one from scratch costs several seconds), or a fresh PostgreSQL database that is
 * dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { migrate, migrationsFingerprint } from '../../src/store/migrate.js';
import { type Backend, openStore, type Store } from '../../src/store/open.js';
import { writeCorpus } from '../../src/synth/write.js';

const temporary: string[] = [];
// Registered when a test file imports this module: runs after all of that file's tests.
afterAll(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary directory, removed after the tests of the file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `fazhi-${prefix}-`));
  temporary.push(dir);
  return dir;
}

/** The PostgreSQL server of the tests, if any. */
export const PG_URL = process.env.FAZHI_TEST_DATABASE_URL || process.env.DATABASE_URL || '';

export const BACKENDS: Backend[] = ['pglite', 'postgres'];

function pgliteVersion(): string {
  const pkg = JSON.parse(
    readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
  );
  return String(pkg.version);
}

/** A migrated, empty PGlite data directory as a gzipped tarball, made once and cached on disk. */
async function pgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `fazhi-test-pglite-${pgliteVersion()}-${migrationsFingerprint()}.tar.gz`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const db = await PGlite.create({ extensions: { pg_trgm } });
  const pool = new pg.Pool(createPgConfig(db));
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
  const dump = await db.dumpDataDir('gzip');
  await db.close();
  const bytes = new Uint8Array(await dump.arrayBuffer());
  // Test files run in parallel: write under a private name, then rename into place.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  return new Blob([bytes]);
}

/** An empty, migrated PGlite store in memory. */
export async function openPgliteTestStore(): Promise<Store> {
  const db = await PGlite.create({ loadDataDir: await pgliteTemplate(), extensions: { pg_trgm } });
  const store = await openStore({ backend: 'pglite', pglite: db, location: 'memory://' });
  const close = store.close;
  return {
    ...store,
    close: async () => {
      await close();
      await db.close();
    },
  };
}

/**
 * A new data directory holding an empty, migrated embedded database (restored from the
 * template, so opening it costs a reopen, not an initdb), for commands run with `--data`.
 */
export async function seedDataDir(): Promise<string> {
  const dir = tempDir('data');
  const db = await PGlite.create(join(dir, 'pglite'), {
    loadDataDir: await pgliteTemplate(),
    extensions: { pg_trgm },
  });
  await db.close();
  return dir;
}

/** Command-line options naming a fresh, empty store on `backend`, and how to remove it. */
export async function cliStore(backend: Backend): Promise<{ args: string[]; cleanup(): Promise<void> }> {
  if (backend === 'postgres') {
    const db = await createTestDatabase();
    return { args: ['--database-url', db.url], cleanup: db.drop };
  }
  const dir = await seedDataDir();
  return { args: ['--data', dir], cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A new, empty database on the test server; `drop` removes it. */
export async function createTestDatabase(
  baseUrl: string = PG_URL,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `fazhi_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** An empty, migrated PostgreSQL store in a database of its own, dropped on close. */
export async function openPostgresTestStore(): Promise<Store> {
  const db = await createTestDatabase();
  const store = await openStore({ backend: 'postgres', url: db.url });
  const close = store.close;
  return {
    ...store,
    location: db.url,
    close: async () => {
      await close();
      await db.drop();
    },
  };
}

export function openTestStore(backend: Backend): Promise<Store> {
  return backend === 'pglite' ? openPgliteTestStore() : openPostgresTestStore();
}

/** Whether the PostgreSQL leg runs; under CI without a server, registers a failing test. */
export function postgresAvailable(): boolean {
  if (PG_URL) return true;
  if (process.env.CI) {
    it('needs a PostgreSQL server under CI', () => {
      throw new Error(
        'CI is set but neither DATABASE_URL nor FAZHI_TEST_DATABASE_URL is: start one with ' +
          'eval "$(scripts/pg-test-server.sh start)" and export DATABASE_URL',
      );
    });
  }
  return false;
}

/**
 * Run `suite` once per backend, each with its own store opened before and closed after the
 * suite. `store()` returns it inside tests and hooks.
 */
export function describeBackends(title: string, suite: (store: () => Store, backend: Backend) => void): void {
  for (const backend of BACKENDS) {
    const run = backend === 'pglite' || postgresAvailable();
    describe.skipIf(!run)(`${title} [${backend}]`, () => {
      let current: Store | null = null;
      beforeAll(async () => {
        current = await openTestStore(backend);
      }, 120_000);
      afterAll(async () => {
        await current?.close();
      });
      suite(() => {
        if (!current) throw new Error('the store is not open');
        return current;
      }, backend);
    });
  }
}

const corpora = new Map<string, Promise<string>>();

/** A directory of `count` synthetic TXT reports (seeded, so the same every time), made once per test file. */
export function testCorpus(
  count: number,
  seed = 7,
  formats: ('txt' | 'html' | 'docx')[] = ['txt'],
): Promise<string> {
  const key = `${count}:${seed}:${formats.join(',')}`;
  let dir = corpora.get(key);
  if (!dir) {
    dir = (async () => {
      const d = tempDir('corpus');
      await writeCorpus(d, { count, seed, formats });
      return d;
    })();
    corpora.set(key, dir);
  }
  return dir;
}
