import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../knowledge/load.js';
import { toContract } from '../output/contract.js';
import { analyzeFile } from '../pipeline.js';
import { figuresLong, figuresWide } from './tables.js';
import { toCsv, writeXlsx } from './write.js';

const fixture = new URL('../../test/fixtures/reports/county-gov-2023.txt', import.meta.url).pathname;
const { catalogue } = loadKnowledge();
const reading = async () => toContract('county-gov-2023.txt', await analyzeFile(fixture));

describe('export tables', () => {
  it('lists every figure in the long table with its report columns', async () => {
    const table = figuresLong([await reading()], catalogue);
    const col = (name: string) => table.header.indexOf(name);
    const row = table.rows.find((r) => r[col('key')] === 'reconsideration.accepted');
    expect(row?.[col('value')]).toBe(86);
    expect(row?.[col('jurisdiction_code')]).toBe('130534');
    expect(row?.[col('name_zh')]).toBe('受理行政复议');
    expect(row?.[col('quote')]).toBe('全年受理行政复议申请86件');
  });

  it('puts one report per row in the wide table, one column per key', async () => {
    const table = figuresWide([await reading()], catalogue);
    expect(table.rows).toHaveLength(1);
    const row = table.rows[0] ?? [];
    expect(row[table.header.indexOf('mediation.success_rate')]).toBe(96);
    expect(row[table.header.indexOf('mediation.success_rate#n')]).toBe(1);
  });
});

describe('writers', () => {
  it('writes CSV with a byte-order mark, quoting and formula guarding', () => {
    const csv = toCsv({
      name: 't',
      header: ['a', 'b'],
      rows: [
        ['x,y', '=1+1'],
        [null, 3],
      ],
    });
    expect(csv).toBe('\ufeffa,b\r\n"x,y","=1+1"\r\n,3\r\n');
  });

  it('writes an XLSX file that reads back', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fazhi-xlsx-')), 'out.xlsx');
    await writeXlsx(path, [figuresLong([await reading()], catalogue)]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('figures');
    expect(sheet?.getRow(1).getCell(1).value).toBe('source');
    expect(sheet?.rowCount).toBeGreaterThan(5);
  });
});
