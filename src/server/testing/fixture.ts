/**
 * A store for the server's tests, holding a small synthetic corpus (src/synth) ingested like
 * `fazhi ingest` does. Embedded (PGlite in memory) always; PostgreSQL when
 * FAZHI_TEST_DATABASE_URL (or DATABASE_URL) names a test server, in a database of its own
 * that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { inlineAnalyzer } from '../../ingest/analyzer.js';
import { ingestFiles } from '../../ingest/ingest.js';
import { type Backend, openStore, type Store } from '../../store/open.js';
import { writeCorpus } from '../../synth/write.js';
import { writeReuseExamples } from '../serve.js';

export const PG_URL = process.env.FAZHI_TEST_DATABASE_URL || process.env.DATABASE_URL || '';

/** The backends to test on: PGlite, and PostgreSQL when a server is given. */
export function testBackends(): Backend[] {
  return PG_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface Fixture {
  store: Store;
  /** The corpus directory (txt files, gold readings). */
  corpus: string;
  /** A scratch directory (uploads). */
  dir: string;
  /** Ingested report files, in order. */
  files: string[];
  cleanup(): Promise<void>;
}

async function postgresStore(): Promise<{ store: Store; drop(): Promise<void> }> {
  const name = `fazhi_web_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const store = await openStore({ backend: 'postgres', url: url.toString() });
  return {
    store,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * A store with `count` synthetic reports (TXT, seeded, so the same every time); with `reuse`, the
 * demo's copied passages too (src/server/serve.ts `writeReuseExamples`: one more report).
 */
export async function corpusStore(
  count = 8,
  seed = 11,
  backend: Backend = 'pglite',
  reuse = false,
): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-server-test-'));
  const corpus = join(dir, 'corpus');
  await writeCorpus(corpus, { count, seed, formats: ['txt'] });
  let store: Store;
  let release: () => Promise<void>;
  if (backend === 'postgres') {
    const db = await postgresStore();
    store = db.store;
    release = async () => {
      await store.close();
      await db.drop();
    };
  } else {
    const pglite = await PGlite.create({ extensions: { pg_trgm } });
    store = await openStore({ backend: 'pglite', pglite, location: 'memory://' });
    release = async () => {
      await store.close();
      await pglite.close();
    };
  }
  const names = readdirSync(corpus)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => f.slice(0, -4));
  const examples = reuse
    ? writeReuseExamples(corpus, names)
    : { replace: new Map<number, string>(), extra: [] };
  const files = [
    ...names.map((n, i) => examples.replace.get(i) ?? join(corpus, `${n}.txt`)),
    ...examples.extra,
  ];
  await ingestFiles(store, files, { analyzer: inlineAnalyzer() });
  return {
    store,
    corpus,
    dir,
    files,
    cleanup: async () => {
      await release();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
