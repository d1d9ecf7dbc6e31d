/**
 * What a mailed 6-digit code is for. Each purpose has its own store (see `EmailVerificationStore`),
 * its own send counters and its own digest input, so a code of one purpose never passes as the other:
 * a password-reset code never verifies a registration email, nor the reverse (http.md §15).
 */
export type EmailCodePurpose = 'email-verification' | 'password-reset';

const DIGEST_PREFIX: Record<EmailCodePurpose, string> = {
  'email-verification': 'email-code',
  'password-reset': 'password-reset-code',
};

/** Digest input of a code; binds the code to its purpose and its address. */
export function emailCodeMessage(email: string, code: string, purpose: EmailCodePurpose = 'email-verification'): string {
  return `${DIGEST_PREFIX[purpose]}:${email}:${code}`;
}
