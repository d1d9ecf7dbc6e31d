import type { DomainError } from '../../../shared/domain-error';
import { DetailReason, domainError, invalidField } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { ClassMembership } from '../../class-access';
import type { ClassroomEvent } from '../live-events';
import type { LiveMode } from '../participant';
import type { LiveModeStore } from '../ports/live-mode-store';
import type { RoomBroadcaster } from '../ports/room-broadcaster';

/** `VIEW_ONLY`/`FREE_PRACTICE`, or the aliases `READ`/`FREE` (case-sensitive); anything else is null. */
export function parseLiveMode(value: string | null): LiveMode | null {
  if (value === 'VIEW_ONLY' || value === 'READ') return 'VIEW_ONLY';
  if (value === 'FREE_PRACTICE' || value === 'FREE') return 'FREE_PRACTICE';
  return null;
}

/**
 * Sets the live mode and publishes it, even when unchanged (stomp.md §5.6): `inst(c)` only (CLASS_012);
 * `mode` is the sent value, null when it is absent or not a string (GLOBAL_410).
 */
export class ChangeLiveMode {
  constructor(
    private readonly modes: LiveModeStore,
    private readonly broadcaster: RoomBroadcaster<ClassroomEvent>,
  ) {}

  async execute(classId: number, membership: ClassMembership, mode: string | null): Promise<Result<LiveMode, DomainError>> {
    if (!membership.instructor) return err(domainError('CLASS_012'));
    const parsed = parseLiveMode(mode);
    if (!parsed) return err(invalidField('mode', DetailReason.notAllowed));
    await this.modes.set(classId, parsed);
    await this.broadcaster.publish({ type: 'mode-changed', classId, mode: parsed });
    return ok(parsed);
  }
}
