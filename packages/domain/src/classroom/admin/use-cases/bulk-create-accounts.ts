import type { PasswordHasher } from '../../../identity/ports/password-hasher';
import type { UserRepository } from '../../../identity/ports/user-repository';
import type { User } from '../../../identity/user';
import { newAccount } from '../../../identity/user';
import { mapBounded } from '../../../shared/bounded-map';
import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { SecureRandom } from '../../../shared/secure-random';
import { checkNewAccount, drawTemporaryPassword, isRuleError, type NewAccountFields } from '../account-rules';
import type { CreateAccountInput } from './create-account';

/** Most rows one bulk import may hold (http.md §12): more is `ADM_USR_107`. */
export const MAX_BULK_ACCOUNTS = 1000;

/** Why a row of a bulk import created no account. */
export type BulkRowProblem =
  /** A rule of admin create failed (`VALID_USR_*`). */
  | { readonly kind: 'invalid'; readonly error: DomainError }
  /** An existing account, whatever its status, has the email (`AUTH_102`). */
  | { readonly kind: 'taken' }
  /** An earlier row of the same import has the email (`firstRow`: its 0-based index); the earlier row wins. */
  | { readonly kind: 'duplicate'; readonly firstRow: number };

/** The outcome of one row, in row order. */
export type BulkRowResult =
  | { readonly created: true; readonly user: User; readonly temporaryPassword: string }
  | { readonly created: false; readonly problem: BulkRowProblem };

/**
 * `POST /api/admin/users/bulk` (http.md §12): creates one account per row exactly as admin create does
 * (same rules in the same order, LOCAL and ACTIVE, a temporary password drawn by `drawTemporaryPassword`
 * and stored only as a hash), except that a blank role means STUDENT and nothing is mailed: the result
 * sheet carries the passwords. No rows is `ADM_USR_108`, more than {@link MAX_BULK_ACCOUNTS} is
 * `ADM_USR_107`; otherwise every row gets its own outcome and a bad row never stops the others.
 *
 * Rows are processed with at most `concurrency` (≥ 1) in flight, which bounds the password hashes
 * running at once (argon2 runs on the runtime's worker threads; keep some free for logins).
 */
export class BulkCreateAccounts {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly random: SecureRandom,
    private readonly clock: Clock,
    private readonly concurrency: number,
  ) {}

  async execute(rows: readonly CreateAccountInput[]): Promise<Result<BulkRowResult[], DomainError>> {
    if (rows.length === 0) return err(domainError('ADM_USR_108'));
    if (rows.length > MAX_BULK_ACCOUNTS) return err(domainError('ADM_USR_107'));
    const firstRowOf = new Map<string, number>();
    const checked = rows.map((row, index): NewAccountFields | BulkRowProblem => {
      const fields = checkNewAccount({ ...row, role: row.role === undefined || row.role.trim() === '' ? 'STUDENT' : row.role });
      if (isRuleError(fields)) return { kind: 'invalid', error: fields };
      const firstRow = firstRowOf.get(fields.email);
      if (firstRow !== undefined) return { kind: 'duplicate', firstRow };
      firstRowOf.set(fields.email, index);
      return fields;
    });
    const now = this.clock.now();
    return ok(await mapBounded(checked, this.concurrency, async (row): Promise<BulkRowResult> => ('kind' in row ? { created: false, problem: row } : this.create(row, now))));
  }

  private async create(fields: NewAccountFields, now: Date): Promise<BulkRowResult> {
    const taken: BulkRowResult = { created: false, problem: { kind: 'taken' } };
    if (await this.users.findByEmail(fields.email)) return taken;
    const temporaryPassword = drawTemporaryPassword(this.random);
    const passwordHash = await this.hasher.hash(temporaryPassword);
    try {
      return { created: true, user: await this.users.create(newAccount({ ...fields, passwordHash }, now)), temporaryPassword };
    } catch (error) {
      // Someone else took the email since the check (a duplicate email throws); anything else is a fault.
      if (await this.users.findByEmail(fields.email)) return taken;
      throw error;
    }
  }
}
