import { checkEmail, checkName } from '../../identity/credential-rules';
import type { Role } from '../../identity/user';
import { normalizeEmail, parseRole } from '../../identity/user';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { SecureRandom } from '../../shared/secure-random';

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

/** A temporary password (http.md §10): 12 characters from `[A-Za-z0-9]` drawn with the CSPRNG. */
export function drawTemporaryPassword(random: SecureRandom): string {
  return random.fromAlphabet(TEMPORARY_PASSWORD_ALPHABET, TEMPORARY_PASSWORD_LENGTH);
}

/** The fields of an admin-created account, checked and normalised. */
export interface NewAccountFields {
  /** Trimmed and lower-cased. */
  readonly email: string;
  /** Trimmed. */
  readonly name: string;
  readonly role: Role;
}

/**
 * The rules of an admin account creation (http.md §10), in order: name `VALID_USR_002/003/004`,
 * email `VALID_USR_005/007/008/006`, role `VALID_USR_014/015/016`. Whether the email is taken is the
 * caller's check.
 */
export function checkNewAccount(input: { email?: string; name?: string; role?: string }): DomainError | NewAccountFields {
  const invalid = checkName(input.name) ?? checkEmail(input.email);
  if (invalid) return invalid;
  const role = checkAssignableRole(input.role);
  if (isRuleError(role)) return role;
  return { email: normalizeEmail(input.email!), name: input.name!.trim(), role };
}
