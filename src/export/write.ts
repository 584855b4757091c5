/**
 * Writers for export tables: CSV (UTF-8 with a byte-order mark, so Excel opens Chinese text
 * correctly; RFC 4180 quoting) and XLSX (exceljs, one sheet per table, streamed to disk).
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Cell, Table } from './tables.js';

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const s = String(cell);
  // Quote what would break a row; also a leading = + - @, so a spreadsheet does not run it as a formula.
  if (/[",\r\n]/u.test(s) || /^[=+\-@]/u.test(s)) return `"${s.replace(/"/gu, '""')}"`;
  return s;
}

export function toCsv(table: Table): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Write tables as sheets of one XLSX file. */
export async function writeXlsx(path: string, tables: Table[]): Promise<void> {
  const stream = createWriteStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.header.map((h) => ({
      header: h,
      key: h,
      width: Math.min(40, Math.max(10, h.length + 2)),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await workbook.commit();
  if (!stream.closed) await once(stream, 'close');
}
