/**
 * Resumability: `fazhi ingest` killed with SIGKILL in the middle of a run, then run again, ends
 * with every file stored exactly once. Runs the built CLI (`npm test` builds first).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/open.js';
import { BACKENDS, cliStore, postgresAvailable, testCorpus } from './backends.js';

const BIN = fileURLToPath(new URL('../../bin/fazhi.js', import.meta.url));
const FILES = 100;

function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.FAZHI_DATA;
  return env;
}

function run(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return { child, stdout: () => out, stderr: () => err };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

for (const backend of BACKENDS) {
  const available = backend === 'pglite' || postgresAvailable();
  describe.skipIf(!available)(`ingest killed midway [${backend}]`, () => {
    it('loses nothing and stores nothing twice after a restart', async () => {
      const corpus = await testCorpus(FILES, 5);
      const target = await cliStore(backend);
      try {
        const args = ['ingest', corpus, ...target.args, '--batch-size', '6', '--jobs', '2'];
        const first = run([...args, '--progress', 'lines', '--progress-interval', '0.5']);
        // Kill it once a progress line says some files are committed (and not all).
        const committed = await new Promise<number>((resolve, reject) => {
          const onData = () => {
            for (const m of first.stderr().matchAll(/ingest: (\d+)\/(\d+) files/gu)) {
              const done = Number(m[1]);
              if (done >= 8 && done < FILES) {
                first.child.stderr?.off('data', onData);
                resolve(done);
                return;
              }
            }
          };
          first.child.stderr?.on('data', onData);
          first.child.once('exit', (code) =>
            reject(
              new Error(
                `ingest ended (code ${code}) before it could be killed:\n${first.stdout()}${first.stderr()}`,
              ),
            ),
          );
        });
        first.child.kill('SIGKILL');
        expect((await exited(first.child)).signal).toBe('SIGKILL');

        const second = run([...args, '--progress', 'none', '--format', 'json']);
        const { code } = await exited(second.child);
        expect(code, second.stderr()).toBe(0);
        const summary = JSON.parse(second.stdout());
        // What the first run committed is skipped, the rest is added: nothing lost, nothing twice.
        expect(summary.unchanged).toBeGreaterThanOrEqual(committed);
        expect(summary.unchanged).toBeLessThan(FILES);
        expect(summary.added + summary.unchanged).toBe(FILES);
        expect(summary.failed).toEqual([]);

        const i = target.args.indexOf('--data');
        const store: Store = await openStore(
          i >= 0
            ? { backend: 'pglite', dataDir: target.args[i + 1] as string }
            : { backend: 'postgres', url: target.args[target.args.indexOf('--database-url') + 1] as string },
        );
        try {
          const { rows } = await store.pool.query(`SELECT
            (SELECT count(*)::int FROM reports) AS reports,
            (SELECT count(DISTINCT hash)::int FROM reports) AS report_hashes,
            (SELECT count(*)::int FROM files) AS files,
            (SELECT count(DISTINCT path)::int FROM files) AS paths,
            (SELECT count(*)::int FROM files WHERE status = 'ok' AND current) AS ok,
            (SELECT count(*)::int FROM report_texts) AS texts,
            (SELECT count(*)::int FROM reports r WHERE NOT EXISTS (SELECT 1 FROM parts p WHERE p.report_id = r.id)) AS without_parts`);
          expect(rows[0]).toEqual({
            reports: FILES,
            report_hashes: FILES,
            files: FILES,
            paths: FILES,
            ok: FILES,
            texts: FILES,
            without_parts: 0,
          });
          const runs = await store.pool.query('SELECT status FROM ingest_runs ORDER BY id');
          expect(runs.rows.map((r) => r.status)).toEqual(['running', 'done']);
        } finally {
          await store.close();
        }
      } finally {
        await target.cleanup();
      }
    }, 180_000);
  });
}
