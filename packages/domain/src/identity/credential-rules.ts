import type { DomainError } from '../shared/domain-error';
import { domainError } from '../shared/domain-error';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PASSWORD_PATTERN = /^(?=.*[A-Za-z])(?=.*\d)[A-Za-z\d!@#$%^&*()_+\-={}[\]:;"'<>,.?/~`|\\]{6,16}$/;

/** Email rules of http.md §2 (login, register, email send/verify, admin create). */
export function checkEmail(email: string | undefined): DomainError | null {
  if (email === undefined || email.trim() === '') return domainError('VALID_USR_005');
  const trimmed = email.trim();
  if (trimmed.length < 5) return domainError('VALID_USR_007');
  if (trimmed.length > 50) return domainError('VALID_USR_008');
  if (!EMAIL_PATTERN.test(trimmed)) return domainError('VALID_USR_006');
  return null;
}

/** Password length rules (login checks only these). */
export function checkPasswordLength(password: string | undefined): DomainError | null {
  if (password === undefined || password === '') return domainError('VALID_USR_009');
  if (password.length < 8) return domainError('VALID_USR_010');
  if (password.length > 16) return domainError('VALID_USR_011');
  return null;
}

/** Length rules then the password pattern (register and password change). */
export function checkNewPassword(password: string | undefined): DomainError | null {
  const length = checkPasswordLength(password);
  if (length) return length;
  if (!PASSWORD_PATTERN.test(password!)) return domainError('VALID_USR_012');
  return null;
}

/** The confirmation must be present and equal to the password. */
export function checkConfirmation(password: string | undefined, confirm: string | undefined): DomainError | null {
  if (confirm === undefined || confirm === '') return domainError('VALID_USR_009');
  if (confirm !== password) return domainError('VALID_USR_013');
  return null;
}

/** Name rules on the trimmed name: blank, < 2, > 16 characters. */
export function checkName(name: string | undefined): DomainError | null {
  const trimmed = (name ?? '').trim();
  if (trimmed === '') return domainError('VALID_USR_002');
  if ([...trimmed].length < 2) return domainError('VALID_USR_003');
  if ([...trimmed].length > 16) return domainError('VALID_USR_004');
  return null;
}
