import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { SecureRandom } from '../../shared/secure-random';
import type { OAuthIdentity, OAuthIdentityProvider } from '../ports/oauth-identity-provider';
import type { OAuthStateStore } from '../ports/oauth-state-store';
import type { UserRepository } from '../ports/user-repository';
import type { IssuedSession, SessionIssuer } from '../session-issuer';
import type { User } from '../user';
import { newAccount, normalizeEmail } from '../user';

/** The callback as the route received it. */
export interface GoogleCallbackInput {
  /** The pending sign-in id from the `oauthState` cookie; undefined when the cookie is missing. */
  readonly loginId: string | undefined;
  /** The callback's query parameters: first value of each, empty values left out. */
  readonly params: Readonly<Record<string, string>>;
}

/** A successful Google sign-in. */
export interface GoogleSignIn {
  readonly user: User;
  readonly session: IssuedSession;
  /** True when this sign-in created the account. */
  readonly created: boolean;
}

const NAME_MIN = 2;
const NAME_MAX = 16;
/** Used when neither the provider's name nor the email's local part has at least 2 characters. */
export const GOOGLE_FALLBACK_NAME = '구글 사용자';
/** Stored as the password hash of accounts created here: no password ever verifies against it. */
export const UNUSABLE_PASSWORD_PREFIX = '!google:';
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;
const EMAIL_MAX = 320;

function fitName(raw: string): string {
  return [...raw.trim()].slice(0, NAME_MAX).join('').trim();
}

/**
 * The display name of a new Google account: the provider's name, trimmed and cut to 16 characters
 * (code points); else the email's local part the same way; else {@link GOOGLE_FALLBACK_NAME}. The result
 * always has 2–16 characters, like a registered name.
 */
export function googleAccountName(name: string | null, email: string): string {
  for (const candidate of [name ?? '', email.slice(0, Math.max(0, email.lastIndexOf('@')))]) {
    const fitted = fitName(candidate);
    if ([...fitted].length >= NAME_MIN) return fitted;
  }
  return GOOGLE_FALLBACK_NAME;
}

/**
 * Finishes a Google sign-in (`GET /api/auth/google/callback`), checks in contract order (http.md §2):
 * the provider returned `error=` → AUTH_501; the pending sign-in is missing, unknown, expired, or its state
 * differs → AUTH_503; no `code`, or the code exchange failed → AUTH_501; the ID token or userinfo is invalid
 * → AUTH_502; the email is not verified → AUTH_504; the account with that email is INACTIVE → AUTH_103.
 * The pending sign-in is consumed by the first callback that presents it, whatever the outcome.
 *
 * Linking: an ACTIVE account with the same email (case-insensitive) signs in, whatever its provider — the
 * provider vouched that the person controls the address, which is what a password account proved at
 * registration. Otherwise a GOOGLE / STUDENT / ACTIVE account is created with an unusable password hash.
 * Success stamps `lastLoginAt` and starts a new session family.
 */
export class LogInWithGoogle {
  constructor(
    private readonly provider: OAuthIdentityProvider,
    private readonly store: OAuthStateStore,
    private readonly users: UserRepository,
    private readonly sessions: SessionIssuer,
    private readonly random: SecureRandom,
    private readonly clock: Clock,
  ) {}

  async execute(input: GoogleCallbackInput): Promise<Result<GoogleSignIn, DomainError>> {
    const { params } = input;
    const pending = input.loginId === undefined ? null : await this.store.take(input.loginId);
    if (params.error !== undefined) return err(domainError('AUTH_501'));
    if (!pending || params.state === undefined || params.state !== pending.state) return err(domainError('AUTH_503'));
    if (params.code === undefined) return err(domainError('AUTH_501'));
    const exchanged = await this.provider.exchange(params, pending);
    if (!exchanged.ok) return err(domainError(exchanged.error === 'exchange_failed' ? 'AUTH_501' : 'AUTH_502'));
    const identity = exchanged.value;
    const email = normalizeEmail(identity.email);
    if (!EMAIL_SHAPE.test(email) || email.length > EMAIL_MAX) return err(domainError('AUTH_502'));
    if (!identity.emailVerified) return err(domainError('AUTH_504'));
    const existing = await this.users.findByEmail(email);
    const { user, created } = existing ? { user: existing, created: false } : await this.createAccount(email, identity);
    if (user.status !== 'ACTIVE') return err(domainError('AUTH_103'));
    const updated: User = { ...user, lastLoginAt: this.clock.now() };
    await this.users.update(updated);
    return ok({ user: updated, session: await this.sessions.start(updated), created });
  }

  /** Creates the account; when a concurrent callback created it first, returns that one instead. */
  private async createAccount(email: string, identity: OAuthIdentity): Promise<{ user: User; created: boolean }> {
    const now = this.clock.now();
    try {
      const user = await this.users.create(
        newAccount({ email, name: googleAccountName(identity.name, email), passwordHash: `${UNUSABLE_PASSWORD_PREFIX}${this.random.token(32)}`, role: 'STUDENT', provider: 'GOOGLE' }, now),
      );
      return { user, created: true };
    } catch (e) {
      const existing = await this.users.findByEmail(email);
      if (!existing) throw e;
      return { user: existing, created: false };
    }
  }
}
