import { describe, expect, it } from 'vitest';
import { checkXlsxArchive, MAX_INFLATED_BYTES, sniffContainer } from '../../src/excel/xlsx-archive-check';
import { oleFile, workbookOf, workbookParts, zipOf } from './workbook-files';

describe('checkXlsxArchive', () => {
  it('lets a workbook written by exceljs through', async () => {
    expect(checkXlsxArchive(await workbookOf([['email', 'name'], ['a@example.com', '김수스']]))).toBeNull();
  });

  it('tells ZIP, OLE2 and anything else apart by their first bytes', async () => {
    expect(sniffContainer(await workbookOf([['x']]))).toBe('zip');
    expect(sniffContainer(oleFile())).toBe('ole');
    expect(sniffContainer(Buffer.from('email,name,role\n'))).toBe('other');
    expect(checkXlsxArchive(oleFile())).toBe('ole-container');
    expect(checkXlsxArchive(Buffer.from('PK'))).toBe('not-a-workbook');
  });

  it('refuses encrypted entries, traversal and absolute names, macros and decompression bombs', () => {
    expect(checkXlsxArchive(zipOf(workbookParts([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), encrypted: true }])))).toBe('unsafe');
    expect(checkXlsxArchive(zipOf(workbookParts([{ name: '../evil.xml', data: Buffer.from('x') }])))).toBe('unsafe');
    expect(checkXlsxArchive(zipOf(workbookParts([{ name: '/etc/passwd', data: Buffer.from('x') }])))).toBe('unsafe');
    expect(checkXlsxArchive(zipOf(workbookParts([{ name: 'xl/vbaProject.bin', data: Buffer.from('x') }])))).toBe('unsafe');
    const bomb = Buffer.alloc(MAX_INFLATED_BYTES + 1024);
    expect(checkXlsxArchive(zipOf(workbookParts([{ name: 'xl/worksheets/sheet1.xml', data: bomb }])))).toBe('unsafe');
    // A header that understates the size: inflating stops at the declared size plus one byte.
    expect(checkXlsxArchive(zipOf(workbookParts([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1_000_000), declaredSize: 100 }])))).toBe('unsafe');
  });

  it('reports damaged data as corrupt and a ZIP without workbook parts as not a spreadsheet', () => {
    expect(checkXlsxArchive(zipOf(workbookParts([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>'), compressedOverride: Buffer.from([0xff, 0xff, 0xff, 0xff]) }])))).toBe('corrupt');
    expect(checkXlsxArchive(zipOf([{ name: 'notes.txt', data: Buffer.from('hello') }]))).toBe('not-a-spreadsheet');
    const truncated = zipOf(workbookParts());
    expect(checkXlsxArchive(truncated.subarray(0, truncated.length - 30))).toBe('not-a-spreadsheet');
  });
});
