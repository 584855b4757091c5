/** `fazhi reuse`: copy detection across the corpus in the store; prints what was copied from where. */
import type { Output } from './output.js';

export interface ReuseCommandOptions {
  data?: string;
  databaseUrl?: string;
  format: 'text' | 'json';
}

export async function runReuse(options: ReuseCommandOptions, out: Output): Promise<number> {
  const { openStore, resolveStoreTarget } = await import('../store/open.js');
  const { detectCorpusReuse } = await import('../reuse/corpus.js');
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(resolveStoreTarget(options), { create: false });
  } catch (error) {
    out.error(`fazhi reuse: ${(error as Error).message}`);
    return 2;
  }
  try {
    const started = Date.now();
    const { reports, matches, findings, rescored } = await detectCorpusReuse(store);
    if (options.format === 'json') {
      await out.write(`${JSON.stringify({ reports, matches }, null, 2)}\n`);
      return 0;
    }
    const sources = new Map<string, string>();
    const { rows } = await store.pool.query<{ id: string; source_path: string }>(
      'SELECT id, source_path FROM reports WHERE id = ANY($1::bigint[])',
      [[...new Set(matches.flatMap((m) => [m.reportId, m.other.reportId]))]],
    );
    for (const row of rows) sources.set(String(row.id), row.source_path);
    for (const m of matches) {
      const kind = m.kind === 'cross-unit' ? '抄用' : '沿用往年';
      await out.write(
        `${sources.get(m.reportId)} [${m.span.start}-${m.span.end}] ${kind} ${sources.get(m.other.reportId)} ` +
          `[${m.other.span.start}-${m.other.span.end}] 相似度 ${Math.round(m.similarity * 100)}%\n`,
      );
    }
    await out.write(
      `${matches.length} passages reused across ${reports} reports; ${findings} reuse findings, ` +
        `${rescored} reports rescored (${Date.now() - started} ms)\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
