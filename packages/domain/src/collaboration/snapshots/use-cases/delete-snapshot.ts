import type { Caller } from '../../../classroom/class-access';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { SnapshotRepository } from '../ports/snapshot-repository';

/** `POST /api/snapshot/delete` (http.md §6): deletes the caller's snapshot in that class, else `SNAPSHOT_004`. */
export class DeleteSnapshot {
  constructor(private readonly snapshots: SnapshotRepository) {}

  async execute(classId: number, snapshotId: number, caller: Caller): Promise<Result<void, DomainError>> {
    return (await this.snapshots.deleteOwned(caller.userId, classId, snapshotId)) ? ok() : err(domainError('SNAPSHOT_004'));
  }
}
