/**
 * `fazhi export [INPUTS...]`: figures (long or wide), findings and scores as CSV or XLSX, or the
 * review document (审阅意见) as DOCX, of the given reports or, without inputs, of the corpus in the
 * store. Inputs that cannot be read are reported and left out.
 */
import { writeFile } from 'node:fs/promises';
import { checkReport } from '../checks/index.js';
import { InputError } from '../errors.js';
import { buildReview, type ReviewInput } from '../export/review.js';
import { renderReviewDocx } from '../export/review-docx.js';
import { buildTable, TABLE_KINDS, type TableKind } from '../export/tables.js';
import { toCsv, writeXlsx } from '../export/write.js';
import { loadKnowledge } from '../knowledge/load.js';
import { type ContractReport, toContract } from '../output/contract.js';
import { analyzeFile } from '../pipeline.js';
import { expandInputs } from './inputs.js';
import type { Output } from './output.js';

export interface ExportOptions {
  /** `review` is the review document, which only DOCX holds. */
  table: TableKind | 'all' | 'review';
  format: 'csv' | 'xlsx' | 'docx';
  out?: string;
  /** Without inputs: the corpus in this data directory (else DATABASE_URL, FAZHI_DATA, ./fazhi-data). */
  data?: string;
  databaseUrl?: string;
}

/**
 * The readings of the current reports of a corpus, in id order, fetched in pages; with their
 * text when `withText` (the review quotes it).
 */
async function readCorpus(options: ExportOptions, withText: boolean): Promise<ReviewInput[]> {
  const { openStore, resolveStoreTarget } = await import('../store/open.js');
  const store = await openStore(resolveStoreTarget(options), { create: false });
  try {
    const inputs: ReviewInput[] = [];
    let after = '0';
    for (;;) {
      const { rows } = await store.pool.query<{ id: string; reading: ContractReport; text: string | null }>(
        `SELECT r.id, r.reading, ${withText ? '(SELECT t.text FROM report_texts t WHERE t.report_id = r.id)' : 'NULL'} AS text
         FROM reports r
         WHERE r.id > $1 AND EXISTS (SELECT 1 FROM files f WHERE f.report_id = r.id AND f.current)
         ORDER BY r.id LIMIT ${withText ? 100 : 1000}`,
        [after],
      );
      if (rows.length === 0) return inputs;
      for (const row of rows) inputs.push({ reading: row.reading, text: row.text ?? '', id: String(row.id) });
      after = (rows[rows.length - 1] as { id: string }).id;
    }
  } finally {
    await store.close();
  }
}

export async function runExport(args: string[], options: ExportOptions, out: Output): Promise<number> {
  // The review is a document, the tables are tables: `--format docx` alone asks for the review.
  const review = options.format === 'docx' || options.table === 'review';
  if (review && options.format !== 'docx') {
    out.error('fazhi export: the review (审阅意见) is a Word document: use --format docx');
    return 2;
  }
  if (review && options.table !== 'review' && options.table !== 'figures') {
    out.error(`fazhi export: --format docx writes the review, not the ${options.table} table`);
    return 2;
  }
  if ((options.format === 'xlsx' || options.format === 'docx') && !options.out) {
    out.error(`fazhi export: --format ${options.format} needs --out FILE`);
    return 2;
  }
  if (options.format === 'csv' && options.table === 'all' && !options.out) {
    out.error('fazhi export: several CSV tables need --out PREFIX (files PREFIX-<table>.csv)');
    return 2;
  }
  const knowledge = loadKnowledge();
  const inputs: ReviewInput[] = [];
  let failed = 0;
  if (args.length === 0) {
    try {
      inputs.push(...(await readCorpus(options, review)));
    } catch (error) {
      out.error(`fazhi export: ${(error as Error).message}`);
      return 2;
    }
  }
  for (const input of await expandInputs(args)) {
    try {
      if (input.missing) throw new InputError('not-found', 'no such file or no file matches');
      const analyzed = await analyzeFile(input.path, { knowledge });
      inputs.push({
        reading: toContract(input.path, analyzed, checkReport(analyzed.report, knowledge)),
        text: analyzed.report.text,
      });
    } catch (error) {
      failed++;
      out.error(`${input.path}: ${(error as Error).message}`);
    }
  }
  if (review) {
    const { labels } = await import('../server/labels.js');
    await writeFile(options.out as string, await renderReviewDocx(buildReview(inputs, labels(knowledge))));
    out.error(`wrote ${options.out}: the review of ${inputs.length} report${inputs.length === 1 ? '' : 's'}`);
    return failed > 0 ? 1 : 0;
  }
  const reports = inputs.map((x) => x.reading);
  const kinds = options.table === 'all' ? TABLE_KINDS : [options.table as TableKind];
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
