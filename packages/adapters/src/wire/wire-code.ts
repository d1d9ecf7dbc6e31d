import type { DomainErrorCode } from '@sooscode/domain';

/**
 * Codes only the transports emit: every success code and the failures no domain rule produces
 * (malformed or oversized requests, unknown routes and methods, upload and storage failures, …).
 */
export const TRANSPORT_CODES = [
  'GLOBAL_000',
  'GLOBAL_405',
  'GLOBAL_413',
  'GLOBAL_415',
  'GLOBAL_500',
  'AUTH_000',
  'AUTH_001',
  'AUTH_002',
  'AUTH_003',
  'AUTH_004',
  'AUTH_005',
  'AUTH_006',
  'AUTH_007',
  'AUTH_008',
  'COMPILE_000',
  'CHAT_000',
  'CHAT_001',
  'SNAPSHOT_000',
  'SNAPSHOT_001',
  'SNAPSHOT_002',
  'SNAPSHOT_003',
  'FILE_020',
  'ADM_COM_000',
  'ADM_CLS_000',
  'ADM_CLS_001',
  'ADM_USR_006',
  'ADM_USR_100',
  'ADM_USR_101',
  'ADM_USR_102',
  'ADM_USR_103',
  'ADM_USR_104',
  'ADM_USR_105',
  'ADM_USR_106',
  'ADM_USR_109',
  'ADM_USR_110',
  'FILE_005',
  'FILE_009',
  'FILE_013',
  'FILE_014',
  'FILE_017',
  'FILE_018',
  'FILE_019',
  'FILE_021',
  'S3_001',
  'S3_002',
  'S3_003',
  'S3_004',
  'S3_006',
  'S3_007',
  'S3_008',
  'S3_009',
] as const;

/** A code only a transport emits, e.g. `GLOBAL_415` or `AUTH_000`. */
export type TransportCode = (typeof TRANSPORT_CODES)[number];

/** Every stable code of the wire contract (docs/error-codes.md): what the domain produces plus what transports add. */
export type WireCode = DomainErrorCode | TransportCode;
