import type { Caller } from '../../../classroom/class-access';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { SnapshotRepository } from '../ports/snapshot-repository';
import type { Snapshot } from '../snapshot';

/** `GET /api/snapshot/read/each` (http.md §6): the caller's snapshot in that class, else `SNAPSHOT_004`. */
export class ReadSnapshot {
  constructor(private readonly snapshots: SnapshotRepository) {}

  async execute(classId: number, snapshotId: number, caller: Caller): Promise<Result<Snapshot, DomainError>> {
    const s = await this.snapshots.findById(snapshotId);
    if (!s || s.userId !== caller.userId || s.classId !== classId) return err(domainError('SNAPSHOT_004'));
    return ok(s);
  }
}
