import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import { exceljs } from './exceljs-module';

/** The media type of every .xlsx answer. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A column of a written sheet: its header text and width in characters. */
export interface SheetColumn {
  readonly header: string;
  readonly width: number;
}

/** A worksheet being streamed: rows are written and committed one at a time. */
export interface StreamedSheet {
  /** Writes one row (cells in column order) and commits it, so it leaves memory. */
  add(values: readonly (string | number | null)[]): void;
  /**
   * Adds one row per item of every page, `row(item, n)` with `n` counting from 1, and after each page
   * waits until `out` has taken what was written; throws once `out` was destroyed.
   */
  addPages<T>(pages: AsyncIterable<readonly T[]>, row: (item: T, n: number) => readonly (string | number | null)[]): Promise<void>;
}

/**
 * Writes an .xlsx to `out` with exceljs's streaming writer (no shared strings, no styles): each row is
 * committed as it is added, so memory stays flat however many rows pass. `build` adds the sheets in
 * order through `sheet(name, columns)`; the previous sheet is committed when the next one starts.
 * Resolves once the whole workbook was handed to `out` (which it ends).
 */
export async function writeStreamedWorkbook(out: Writable, build: (sheet: (name: string, columns: readonly SheetColumn[]) => StreamedSheet) => Promise<void>): Promise<void> {
  const workbook = new (await exceljs()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  let current: ExcelJS.Worksheet | undefined;
  await build((name, columns) => {
    current?.commit();
    const worksheet = workbook.addWorksheet(name);
    worksheet.columns = columns.map((c) => ({ width: c.width }));
    worksheet.addRow(columns.map((c) => c.header)).commit();
    current = worksheet;
    const add = (values: readonly (string | number | null)[]) => worksheet.addRow([...values]).commit();
    return {
      add,
      addPages: async (pages, row) => {
        let n = 0;
        for await (const page of pages) {
          for (const item of page) add(row(item, ++n));
          if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
          await nextTurn();
          if (out.destroyed) throw new Error('xlsx output closed before the workbook was complete');
        }
      },
    };
  });
  current?.commit();
  await workbook.commit();
}

/**
 * Builds a small workbook in memory (the template, the bulk result of at most 1000 rows) and returns its
 * bytes. `rows` of each sheet follow its header row.
 */
export async function workbookBytes(sheets: readonly { name: string; columns: readonly SheetColumn[]; rows: readonly (readonly (string | number | null)[])[] }[]): Promise<Buffer> {
  const workbook = new (await exceljs()).Workbook();
  for (const s of sheets) {
    const worksheet = workbook.addWorksheet(s.name);
    worksheet.columns = s.columns.map((c) => ({ width: c.width }));
    worksheet.addRow(s.columns.map((c) => c.header));
    for (const row of s.rows) worksheet.addRow([...row]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
