import type ExcelJS from 'exceljs';
import { exceljs } from './exceljs-module';
import type { CreateAccountInput } from '@sooscode/domain';

/** Header names of each column of the bulk sheet (case-insensitive; the Korean labels are accepted too). */
const HEADERS: Record<keyof CreateAccountInput, readonly string[]> = {
  email: ['email', '이메일'],
  name: ['name', '이름'],
  role: ['role', '권한', '역할'],
};

/** One account row of the sheet and its 1-based row number in the sheet. */
export interface AccountRow {
  readonly rowNumber: number;
  readonly account: CreateAccountInput;
}

/** What was read from the first worksheet, or why nothing could be. */
export type AccountSheet =
  | { readonly rows: AccountRow[] }
  /** The workbook has no worksheet. */
  | { readonly problem: 'no-worksheet' }
  /** Row 1 lacks an `email` or a `name` column. */
  | { readonly problem: 'bad-header' }
  /** exceljs could not parse the workbook. */
  | { readonly problem: 'unreadable' };

/** A cell's text as Excel shows it (hyperlinks, rich text and formula results included), or undefined when empty. */
function textOf(cell: ExcelJS.Cell): string | undefined {
  if (cell.value === null || cell.value === undefined) return undefined;
  const text = cell.text;
  return text.trim() === '' ? undefined : text;
}

/**
 * Reads the account rows of a bulk-import workbook (already checked by `checkXlsxArchive`): the first
 * worksheet, a header row 1 with `email`, `name` and optionally `role` in any order, then one account per
 * row. Rows whose cells are all empty are skipped. At most `maxRows` rows are returned, plus one when
 * there are more (so the caller can refuse the sheet without reading it all).
 */
export async function readAccountSheet(bytes: Buffer, maxRows: number): Promise<AccountSheet> {
  const workbook = new (await exceljs()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return { problem: 'unreadable' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { problem: 'no-worksheet' };
  const columns = new Map<keyof CreateAccountInput, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const label = (textOf(cell) ?? '').trim().toLowerCase();
    for (const [field, names] of Object.entries(HEADERS) as [keyof CreateAccountInput, readonly string[]][]) {
      if (names.includes(label) && !columns.has(field)) columns.set(field, col);
    }
  });
  if (!columns.has('email') || !columns.has('name')) return { problem: 'bad-header' };
  const rows: AccountRow[] = [];
  const stop = new Error('enough rows');
  try {
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const read = (field: keyof CreateAccountInput) => (columns.has(field) ? textOf(row.getCell(columns.get(field)!)) : undefined);
      const account = { email: read('email'), name: read('name'), role: read('role') };
      if (account.email === undefined && account.name === undefined && account.role === undefined) return;
      rows.push({ rowNumber, account });
      if (rows.length > maxRows) throw stop;
    });
  } catch (e) {
    if (e !== stop) throw e;
  }
  return { rows };
}
