import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/** The cells of every sheet of an .xlsx, by sheet name, each row as its cell texts (row 1 first). */
export async function readWorkbook(bytes: ArrayBuffer | Buffer): Promise<Map<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ExcelJS.Buffer);
  const sheets = new Map<string, string[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let col = 1; col <= sheet.columnCount; col++) cells.push(row.getCell(col).text);
      rows.push(cells);
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

/** An .xlsx with one sheet (default "사용자 등록") holding `rows` as they are (row 1 first). */
export async function workbookOf(rows: readonly (readonly (string | number | null)[])[], sheetName = '사용자 등록'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An .xlsx without any worksheet. */
export async function workbookWithoutSheets(): Promise<Buffer> {
  return Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
}

/** One entry of a hand-built ZIP. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
  /** Deflate the data (default) or store it. */
  readonly deflate?: boolean;
  /** Set the "encrypted" flag (the data itself stays plain). */
  readonly encrypted?: boolean;
  /** Uncompressed size written to the headers instead of the real one. */
  readonly declaredSize?: number;
  /** Replace the compressed bytes (to damage them). */
  readonly compressedOverride?: Buffer;
}

/** A ZIP archive built byte by byte, so tests can make the archives real tools refuse to write. */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const deflate = e.deflate ?? true;
    const body = e.compressedOverride ?? (deflate ? deflateRawSync(e.data) : e.data);
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const flags = e.encrypted ? 1 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts every xlsx has, as entries (minimal content), to build archives around. */
export function workbookParts(extra: readonly ZipEntry[] = []): ZipEntry[] {
  return [
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook/>') },
    ...extra,
  ];
}

/** The first bytes of an OLE2 compound file (an encrypted or legacy workbook), padded. */
export function oleFile(): Buffer {
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
}
