import { inflateRawSync } from 'node:zlib';

/** Why an uploaded workbook is refused before it is parsed. */
export type ArchiveProblem =
  /** Neither a ZIP (xlsx) nor an OLE2 compound file. */
  | 'not-a-workbook'
  /** An OLE2 compound file: a password-protected (encrypted) workbook, or a legacy binary one. */
  | 'ole-container'
  /** A ZIP that is unsafe to open: encrypted entries, a decompression bomb, odd entry names, macros. */
  | 'unsafe'
  /** A readable ZIP without the parts of a workbook, or one this check cannot follow. */
  | 'not-a-spreadsheet'
  /** A ZIP whose compressed data is damaged. */
  | 'corrupt';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

/** Most entries an xlsx may hold (a workbook has a few dozen). */
export const MAX_ARCHIVE_ENTRIES = 500;
/** Most bytes all entries together may inflate to (a 1000-row sheet is well under 1 MiB). */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** The kind of file `bytes` starts as: `zip`, `ole` (D0 CF 11 E0 A1 B1 1A E1) or `other`. */
export function sniffContainer(bytes: Uint8Array): 'zip' | 'ole' | 'other' {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8));
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return 'zip';
  if (head.equals(OLE_MAGIC)) return 'ole';
  return 'other';
}

/**
 * Checks an uploaded .xlsx before any spreadsheet library opens it, reading the ZIP central directory
 * itself: at most {@link MAX_ARCHIVE_ENTRIES} entries, stored or deflated only, none encrypted, no
 * absolute or `..` names, no macro part, and every entry inflated here with a hard output cap so the
 * declared sizes are proven, together at most {@link MAX_INFLATED_BYTES} (a decompression bomb is
 * refused, not expanded). The workbook parts `[Content_Types].xml` and `xl/workbook.xml` must exist.
 * Returns null when the archive may be opened. ZIP64 archives are not followed (`not-a-spreadsheet`).
 */
export function checkXlsxArchive(bytes: Buffer): ArchiveProblem | null {
  const container = sniffContainer(bytes);
  if (container === 'ole') return 'ole-container';
  if (container !== 'zip') return 'not-a-workbook';
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return 'not-a-spreadsheet';
  const entries = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) return 'not-a-spreadsheet';
  if (entries > MAX_ARCHIVE_ENTRIES) return 'unsafe';
  const names = new Set<string>();
  let inflated = 0;
  let at = directoryOffset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_ENTRY) return 'not-a-spreadsheet';
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (flags & 0x1) return 'unsafe';
    if (name.startsWith('/') || name.startsWith('\\') || name.split(/[\\/]/).includes('..') || /vbaProject\.bin$/i.test(name)) return 'unsafe';
    if (method !== 0 && method !== 8) return 'not-a-spreadsheet';
    inflated += size;
    if (inflated > MAX_INFLATED_BYTES) return 'unsafe';
    const data = localData(bytes, localOffset, compressedSize);
    if (!data) return 'not-a-spreadsheet';
    const actual = method === 0 ? data.length : inflatedLength(data, size);
    if (actual === 'corrupt') return 'corrupt';
    if (actual !== size) return 'unsafe';
    names.add(name);
  }
  return names.has('[Content_Types].xml') && names.has('xl/workbook.xml') ? null : 'not-a-spreadsheet';
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= earliest; i--) if (bytes.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  return -1;
}

/** The compressed bytes of the entry whose local header is at `offset`, or null when out of bounds. */
function localData(bytes: Buffer, offset: number, compressedSize: number): Buffer | null {
  if (offset + 30 > bytes.length || bytes.readUInt32LE(offset) !== LOCAL_ENTRY) return null;
  const start = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
  return start + compressedSize <= bytes.length ? bytes.subarray(start, start + compressedSize) : null;
}

/** The inflated length of `data`, inflating at most `declared + 1` bytes (more means a lying header). */
function inflatedLength(data: Buffer, declared: number): number | 'corrupt' {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, declared + 1) }).length;
  } catch (e) {
    return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? declared + 1 : 'corrupt';
  }
}
