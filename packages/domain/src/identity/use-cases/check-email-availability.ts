import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { AttemptCounter } from '../ports/attempt-counter';
import type { UserRepository } from '../ports/user-repository';
import { normalizeEmail } from '../user';

/** `GET /api/auth/email/check` (http.md §2): 30 per minute per address (GLOBAL_429), then AUTH_102 when an ACTIVE account has it. No format check. */
export class CheckEmailAvailability {
  constructor(
    private readonly users: UserRepository,
    private readonly counter: AttemptCounter,
  ) {}

  async execute(input: { email: string; clientIp: string }): Promise<Result<void, DomainError>> {
    const hit = await this.counter.hit(`email-check:ip:${input.clientIp}`, 60);
    if (hit.count > 30) return err(domainError('GLOBAL_429', undefined, hit.resetInS));
    const user = await this.users.findByEmail(normalizeEmail(input.email));
    if (user && user.status === 'ACTIVE') return err(domainError('AUTH_102'));
    return ok();
  }
}
