import { lazyModule } from '../system/lazy-module';

/** exceljs (about 27 MiB of memory once loaded), loaded by the first spreadsheet a node reads or writes. */
export const exceljs = lazyModule(async () => (await import('exceljs')).default);
