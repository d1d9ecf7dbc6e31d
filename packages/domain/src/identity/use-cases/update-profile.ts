import type { Clock } from '../../shared/clock';
import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { checkName } from '../credential-rules';
import type { UserRepository } from '../ports/user-repository';

/** Profile update (http.md §7): when `name` is present it is validated and stored trimmed. Returns the stored name. */
export class UpdateProfile {
  constructor(
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async execute(userId: number, input: { name?: string }): Promise<Result<{ name: string }, DomainError>> {
    const user = await this.users.findById(userId);
    if (!user) return err(domainError('GLOBAL_401'));
    if (input.name === undefined) return ok({ name: user.name });
    const invalid = checkName(input.name);
    if (invalid) return err(invalid);
    const name = input.name.trim();
    await this.users.update({ ...user, name, updatedAt: this.clock.now() });
    return ok({ name });
  }
}
