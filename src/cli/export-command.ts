/**
 * `fazhi export [INPUTS...]`: figures (long or wide), findings and scores as CSV or XLSX, of the
 * given reports or, without inputs, of the corpus in the store. Inputs that cannot be read are
 * reported and left out.
 */
import { writeFile } from 'node:fs/promises';
import { checkReport } from '../checks/index.js';
import { InputError } from '../errors.js';
import { buildTable, TABLE_KINDS, type TableKind } from '../export/tables.js';
import { toCsv, writeXlsx } from '../export/write.js';
import { loadKnowledge } from '../knowledge/load.js';
import { type ContractReport, toContract } from '../output/contract.js';
import { analyzeFile } from '../pipeline.js';
import { expandInputs } from './inputs.js';
import type { Output } from './output.js';

export interface ExportOptions {
  table: TableKind | 'all';
  format: 'csv' | 'xlsx';
  out?: string;
  /** Without inputs: the corpus in this data directory (else DATABASE_URL, FAZHI_DATA, ./fazhi-data). */
  data?: string;
  databaseUrl?: string;
}

/** The readings of the current reports of a corpus, in id order, fetched in pages. */
async function readCorpus(options: ExportOptions): Promise<ContractReport[]> {
  const { openStore, resolveStoreTarget } = await import('../store/open.js');
  const store = await openStore(resolveStoreTarget(options), { create: false });
  try {
    const readings: ContractReport[] = [];
    let after = '0';
    for (;;) {
      const { rows } = await store.pool.query<{ id: string; reading: ContractReport }>(
        `SELECT r.id, r.reading FROM reports r
         WHERE r.id > $1 AND EXISTS (SELECT 1 FROM files f WHERE f.report_id = r.id AND f.current)
         ORDER BY r.id LIMIT 1000`,
        [after],
      );
      if (rows.length === 0) return readings;
      for (const row of rows) readings.push(row.reading);
      after = (rows[rows.length - 1] as { id: string }).id;
    }
  } finally {
    await store.close();
  }
}

export async function runExport(args: string[], options: ExportOptions, out: Output): Promise<number> {
  if (options.format === 'xlsx' && !options.out) {
    out.error('fazhi export: --format xlsx needs --out FILE');
    return 2;
  }
  if (options.format === 'csv' && options.table === 'all' && !options.out) {
    out.error('fazhi export: several CSV tables need --out PREFIX (files PREFIX-<table>.csv)');
    return 2;
  }
  const knowledge = loadKnowledge();
  const reports: ContractReport[] = [];
  let failed = 0;
  if (args.length === 0) {
    try {
      reports.push(...(await readCorpus(options)));
    } catch (error) {
      out.error(`fazhi export: ${(error as Error).message}`);
      return 2;
    }
  }
  for (const input of await expandInputs(args)) {
    try {
      if (input.missing) throw new InputError('not-found', 'no such file or no file matches');
      const analyzed = await analyzeFile(input.path, { knowledge });
      reports.push(toContract(input.path, analyzed, checkReport(analyzed.report, knowledge)));
    } catch (error) {
      failed++;
      out.error(`${input.path}: ${(error as Error).message}`);
    }
  }
  const kinds = options.table === 'all' ? TABLE_KINDS : [options.table];
  const tables = kinds.map((kind) => buildTable(kind, reports, knowledge.catalogue));
  if (options.format === 'xlsx') {
    await writeXlsx(options.out as string, tables);
    out.error(`wrote ${options.out}: ${tables.map((t) => `${t.name} ${t.rows.length} rows`).join(', ')}`);
  } else if (!options.out) {
    await out.write(toCsv(tables[0] as (typeof tables)[0]));
  } else {
    for (const table of tables) {
      const path =
        tables.length === 1 ? options.out : `${options.out.replace(/\.csv$/u, '')}-${table.name}.csv`;
      await writeFile(path, toCsv(table));
      out.error(`wrote ${path}: ${table.rows.length} rows`);
    }
  }
  return failed > 0 ? 1 : 0;
}
