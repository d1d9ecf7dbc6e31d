import type { Role } from '../../identity/user';
import { parseRole } from '../../identity/user';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';

/**
 * The role of an admin create/edit (http.md §10), case-insensitive: blank → `VALID_USR_014`,
 * `ADMIN` → `VALID_USR_015`, anything else unknown → `VALID_USR_016`.
 */
export function checkAssignableRole(value: string | undefined): DomainError | Role {
  if (value === undefined || value.trim() === '') return domainError('VALID_USR_014');
  const role = parseRole(value);
  if (role === 'ADMIN') return domainError('VALID_USR_015');
  return role ?? domainError('VALID_USR_016');
}

/** True when a rule returned an error rather than a value. */
export function isRuleError<T extends object | string>(v: DomainError | T): v is DomainError {
  return typeof v === 'object' && 'code' in v;
}

/** Characters of a temporary password. */
export const TEMPORARY_PASSWORD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Length of a temporary password. */
export const TEMPORARY_PASSWORD_LENGTH = 12;
