import type { WireCode } from '../../wire';
import { checkXlsxArchive, sniffContainer, type ArchiveProblem } from '../../excel/xlsx-archive-check';
import { failWith } from '../http-failure';
import { isStorableText } from '../storable-text';
import type { SingleFileUpload } from './single-file-upload';

/** Declared types a browser or client may send for an .xlsx (anything else is `ADM_USR_104`). */
const ACCEPTED_TYPES = new Set([
  '',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  'application/zip',
  'application/x-zip-compressed',
]);

const ARCHIVE_CODES: Record<ArchiveProblem, WireCode> = {
  'not-a-workbook': 'ADM_USR_104',
  'ole-container': 'ADM_USR_105',
  unsafe: 'ADM_USR_105',
  'not-a-spreadsheet': 'ADM_USR_110',
  corrupt: 'ADM_USR_109',
};

/** Longest accepted file name, in UTF-16 code units. */
const MAX_FILE_NAME = 255;

/**
 * The checks of a bulk-import upload, in the order of the catalogue (status-codes.md §11):
 * no file or an empty one `ADM_USR_100`; over 5 MB `ADM_USR_101`; a blank or too long name, or one with
 * a path, a control character or a lone surrogate `ADM_USR_102`; an extension other than `.xlsx`/`.xls`
 * `ADM_USR_103`; a legacy `.xls`, a declared type that is not a spreadsheet or ZIP type, or content that
 * is neither ZIP nor OLE2 `ADM_USR_104`; an OLE2 compound file (`D0 CF 11 E0`: a password-protected
 * workbook, or a legacy one named .xlsx) or a ZIP that is unsafe to open (encrypted entries, a
 * decompression bomb, `..` names, macros) `ADM_USR_105`; damaged compressed data `ADM_USR_109`; a ZIP
 * without the parts of a workbook `ADM_USR_110`. Returns the file's bytes when they may be parsed.
 */
export function checkUploadedWorkbook(upload: SingleFileUpload): Buffer {
  if (upload.kind === 'missing') failWith('ADM_USR_100');
  if (upload.kind === 'tooLarge') failWith('ADM_USR_101');
  const { fileName, mimeType, bytes } = upload;
  if (bytes.length === 0) failWith('ADM_USR_100');
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (fileName.trim() === '' || fileName.length > MAX_FILE_NAME || /[\\/\u0000-\u001f\u007f]/.test(fileName) || !isStorableText(fileName)) failWith('ADM_USR_102');
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension !== 'xlsx' && extension !== 'xls') failWith('ADM_USR_103');
  if (extension === 'xls' || !ACCEPTED_TYPES.has(mimeType.toLowerCase())) failWith('ADM_USR_104');
  if (sniffContainer(bytes) === 'other') failWith('ADM_USR_104');
  const problem = checkXlsxArchive(bytes);
  if (problem) failWith(ARCHIVE_CODES[problem]);
  return bytes;
}
