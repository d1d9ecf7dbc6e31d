import type { Caller, ClassAccess } from '../../../classroom/class-access';
import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { SnapshotRepository } from '../ports/snapshot-repository';
import { checkSnapshotText } from '../snapshot-rules';

/** Body of a snapshot update. */
export interface UpdateSnapshotInput {
  readonly classId?: number;
  readonly title?: string;
  readonly content?: string;
}

/**
 * `POST /api/snapshot/update?snapshotId=` (http.md §6), checks in order: title and content rules;
 * `classId` as for create (missing or unknown `CLASS_001`, caller not `member(c)` `CLASS_002`); the
 * snapshot unknown or not in that class `SNAPSHOT_004`; not the caller's `SNAPSHOT_005`. Only title,
 * content and updatedAt change; the snapshot never moves to another class.
 */
export class UpdateSnapshot {
  constructor(
    private readonly snapshots: SnapshotRepository,
    private readonly access: ClassAccess,
    private readonly clock: Clock,
    private readonly maxChars: number,
  ) {}

  async execute(snapshotId: number, input: UpdateSnapshotInput, caller: Caller): Promise<Result<void, DomainError>> {
    const invalid = checkSnapshotText(input.title, input.content, this.maxChars);
    if (invalid) return err(invalid);
    if (input.classId === undefined) return err(domainError('CLASS_001'));
    const grant = await this.access.forMember(input.classId, caller);
    if (!grant.ok) return grant;
    const snapshot = await this.snapshots.findById(snapshotId);
    if (!snapshot || snapshot.classId !== input.classId) return err(domainError('SNAPSHOT_004'));
    if (snapshot.userId !== caller.userId) return err(domainError('SNAPSHOT_005'));
    await this.snapshots.update({ ...snapshot, title: input.title!, content: input.content!, updatedAt: this.clock.now() });
    return ok();
  }
}
