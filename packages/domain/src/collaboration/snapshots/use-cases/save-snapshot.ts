import type { Caller, ClassAccess } from '../../../classroom/class-access';
import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { SnapshotRepository } from '../ports/snapshot-repository';
import type { Snapshot } from '../snapshot';
import { parseSnapshotLanguage } from '../snapshot';
import { checkSnapshotText } from '../snapshot-rules';

/** Body of a snapshot create; `userId`/`updatedAt` of the request are ignored. */
export interface SaveSnapshotInput {
  readonly classId?: number;
  readonly title?: string;
  readonly content?: string;
  readonly language?: string;
}

/**
 * `POST /api/snapshot/` (http.md §6), checks in order: title (`SNAPSHOT_009`/`010`), content
 * (`SNAPSHOT_006`/`013`), classId missing `CLASS_001`, language `SNAPSHOT_012`, class unknown
 * `CLASS_001`, caller not `member(c)` `CLASS_002`.
 */
export class SaveSnapshot {
  constructor(
    private readonly snapshots: SnapshotRepository,
    private readonly access: ClassAccess,
    private readonly clock: Clock,
    private readonly maxChars: number,
  ) {}

  async execute(input: SaveSnapshotInput, caller: Caller): Promise<Result<Snapshot, DomainError>> {
    const invalid = checkSnapshotText(input.title, input.content, this.maxChars);
    if (invalid) return err(invalid);
    if (input.classId === undefined) return err(domainError('CLASS_001'));
    const language = parseSnapshotLanguage(input.language);
    if (!language) return err(domainError('SNAPSHOT_012'));
    const grant = await this.access.forMember(input.classId, caller);
    if (!grant.ok) return grant;
    const now = this.clock.now();
    return ok(
      await this.snapshots.create({ userId: caller.userId, classId: input.classId, title: input.title!, content: input.content!, language, createdAt: now, updatedAt: now }),
    );
  }
}
