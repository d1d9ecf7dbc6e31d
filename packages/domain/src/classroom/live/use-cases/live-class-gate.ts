import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { Caller, ClassAccess, ClassGrant } from '../../class-access';
import { isMember } from '../../class-access';
import type { KickBanStore } from '../ports/kick-ban-store';

/**
 * The class checks every live action shares (stomp.md §5.1 checks 2–5, §5.2 checks 5–8): the class
 * exists (CLASS_001), is active (CLASS_008), the caller is `member(c)` — admins are not members —
 * (CLASS_002), and is not kicked (CLASS_010). The course time window does not apply to live features.
 */
export class LiveClassGate {
  constructor(
    private readonly access: ClassAccess,
    private readonly bans: KickBanStore,
  ) {}

  async check(classId: number, caller: Caller): Promise<Result<ClassGrant, DomainError>> {
    return this.admit(classId, caller, true);
  }

  /**
   * The gate without the active check, for actions on a class's durable data over REST (the chat
   * reaction toggle, http.md §5): CLASS_001, CLASS_002, CLASS_010.
   */
  async checkMembership(classId: number, caller: Caller): Promise<Result<ClassGrant, DomainError>> {
    return this.admit(classId, caller, false);
  }

  private async admit(classId: number, caller: Caller, mustBeActive: boolean): Promise<Result<ClassGrant, DomainError>> {
    const grant = await this.access.resolve(classId, caller);
    if (!grant.ok) return grant;
    if (mustBeActive && !grant.value.room.active) return err(domainError('CLASS_008'));
    if (!isMember(grant.value.membership)) return err(domainError('CLASS_002'));
    if (await this.bans.isBanned(classId, caller.userId)) return err(domainError('CLASS_010'));
    return ok(grant.value);
  }
}
