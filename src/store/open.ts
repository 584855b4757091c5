/**
 * Opening the store. One data layer, written against `pg`'s API, runs on two backends:
 *
 * - **embedded** (default): PGlite, PostgreSQL compiled to WebAssembly, persisted in
 *   `<data dir>/pglite`, reached through a `pg.Pool` over PGlite's node-postgres adapter
 *   (one connection; queries are serialised). One process at a time: a lock file keeps a second
 *   process out of the same directory.
 * - **server**: PostgreSQL ≥ 15 when a database URL is given, shared by any number of processes.
 *
 * @example
 * const store = await openStore(resolveStoreTarget({ data: opts.data }));
 * try { … await store.pool.query('select count(*) from reports') … } finally { await store.close(); }
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { migrate } from './migrate.js';

export type Backend = 'pglite' | 'postgres';

/** Anything `pg` can run a query on: the pool, a checked-out client. */
export type Queryable = pg.Pool | pg.PoolClient | pg.Client;

export interface Store {
  backend: Backend;
  pool: pg.Pool;
  /** The data directory, or the database URL without its password. */
  location: string;
  /** The PGlite instance of an embedded store. */
  pglite: PGlite | null;
  /** End the pool, close PGlite, release the lock. The process does not exit before this. */
  close(): Promise<void>;
}

export type StoreTarget =
  | { backend: 'postgres'; url: string }
  | { backend: 'pglite'; dataDir: string }
  | { backend: 'pglite'; pglite: PGlite; location?: string };

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Pool size on PostgreSQL (default 4). */
  max?: number;
  /** Create an embedded database that does not exist yet (default true; false throws StoreError). */
  create?: boolean;
}

/** The default data directory when neither `--data` nor FAZHI_DATA says otherwise. */
export const DEFAULT_DATA_DIR = 'fazhi-data';

/** Thrown when the store cannot be opened or its schema does not fit this program. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/**
 * Where the store is, from the command line and the environment. Explicit options win over the
 * environment: `--database-url`, then `--data`, then DATABASE_URL, then FAZHI_DATA, then
 * `./fazhi-data`.
 */
export function resolveStoreTarget(
  options: { data?: string; databaseUrl?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): StoreTarget {
  if (options.databaseUrl) return { backend: 'postgres', url: options.databaseUrl };
  if (options.data) return { backend: 'pglite', dataDir: resolve(options.data) };
  if (env.DATABASE_URL) return { backend: 'postgres', url: env.DATABASE_URL };
  return { backend: 'pglite', dataDir: resolve(env.FAZHI_DATA || DEFAULT_DATA_DIR) };
}

/** A database URL fit for messages: the password replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take `<dataDir>/pglite.lock` for this process. PGlite has no locking of its own, and two
 * processes writing one data directory would corrupt it. A lock left by a process that is gone
 * (killed) on this host is taken over.
 */
function acquireLock(dataDir: string): () => void {
  const path = join(dataDir, 'pglite.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n${hostname()}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let pid = 0;
      let host = '';
      try {
        const [p, h] = readFileSync(path, 'utf8').split('\n');
        pid = Number(p);
        host = h ?? '';
      } catch {
        // vanished meanwhile: try again
      }
      if (pid > 0 && host !== '' && host !== hostname()) {
        throw new StoreError(
          `the data directory ${dataDir} is locked by process ${pid} on ${host}; ` +
            `if that process is gone, remove ${path}`,
        );
      }
      if (pid > 0 && isAlive(pid)) {
        throw new StoreError(
          `the data directory ${dataDir} is in use by process ${pid}${pid === process.pid ? ' (this one)' : ''}; ` +
            'the embedded database serves one process at a time (use PostgreSQL, DATABASE_URL, for more)',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new StoreError(`cannot lock the data directory ${dataDir}`);
}

/**
 * Memory a sort or hash of one query may use before spilling to disk: at least 32 MB (a server
 * configured higher keeps its own). PostgreSQL's default of 4 MB turns the corpus-wide GROUP BYs of
 * the overview and comparisons into spills; on PostgreSQL 15 a parallel hash aggregate that spills
 * took over 10 minutes for 3 million figures where 32 MB takes 3 seconds (docs/bench.md).
 */
const RAISE_WORK_MEM =
  "SELECT set_config('work_mem', '32MB', false) WHERE pg_size_bytes(current_setting('work_mem')) < pg_size_bytes('32MB')";

/** Open the store and bring its schema up to date. */
export async function openStore(target: StoreTarget, options: OpenOptions = {}): Promise<Store> {
  let store: Store;
  if (target.backend === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: options.max ?? 4,
      application_name: 'fazhi',
      // Awaited before the new client serves its first query.
      onConnect: async (client) => {
        await client.query(RAISE_WORK_MEM);
      },
    });
    // An idle client losing its connection must not crash the process.
    pool.on('error', () => {});

    store = {
      backend: 'postgres',
      pool,
      location: redactUrl(target.url),
      pglite: null,
      close: async () => {
        await pool.end();
      },
    };
    try {
      const { rows } = await pool.query<{ server_encoding: string }>('SHOW server_encoding');
      if (rows[0]?.server_encoding !== 'UTF8') {
        throw new StoreError(`the database must use UTF8 encoding, not ${rows[0]?.server_encoding}`);
      }
    } catch (error) {
      await pool.end();
      if (error instanceof StoreError) throw error;
      throw new StoreError(`cannot connect to ${redactUrl(target.url)}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  } else {
    let pglite: PGlite;
    let release = (): void => {};
    let owned = true;
    let location: string;
    if ('pglite' in target) {
      pglite = target.pglite;
      owned = false;
      location = target.location ?? 'pglite';
    } else {
      if (options.create === false && !existsSync(join(target.dataDir, 'pglite', 'PG_VERSION'))) {
        throw new StoreError(`no fazhi store in ${target.dataDir} (run fazhi ingest first, or give --data)`);
      }
      mkdirSync(target.dataDir, { recursive: true });
      release = acquireLock(target.dataDir);
      location = target.dataDir;
      try {
        pglite = await PGlite.create(join(target.dataDir, 'pglite'), { extensions: { pg_trgm } });
      } catch (error) {
        release();
        throw new StoreError(`cannot open the database in ${target.dataDir}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
    // PGlite is one session: set once.
    await pglite.query(RAISE_WORK_MEM);
    const pool = new pg.Pool(createPgConfig(pglite));
    store = {
      backend: 'pglite',
      pool,
      location,
      pglite,
      close: async () => {
        try {
          await pool.end();
          if (owned) await pglite.close();
        } finally {
          release();
        }
      },
    };
  }
  if (options.migrate ?? true) {
    try {
      await migrate(store.pool);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}
