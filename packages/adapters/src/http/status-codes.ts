import { ENVELOPE_STATUSES, WIRE_MESSAGES, type WireCode } from '../wire';

/** HTTP status and exact Korean message of a wire code (docs/error-codes.md). */
export interface StatusCodeEntry {
  readonly status: number;
  readonly message: string;
}

/**
 * The HTTP status-code table: every wire code's response status with its message from the shared
 * wire catalogue. Messages are byte for byte those of the wire contract.
 */
export const STATUS_CODES: Readonly<Record<WireCode, StatusCodeEntry>> = Object.fromEntries(
  (Object.keys(WIRE_MESSAGES) as WireCode[]).map((code) => [code, { status: ENVELOPE_STATUSES[code], message: WIRE_MESSAGES[code] }]),
) as Record<WireCode, StatusCodeEntry>;
