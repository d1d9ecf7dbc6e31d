import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import { domainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { ClassListing, ClassroomRepository } from '../../ports/classroom-repository';
import { checkClassInput, isClassInputError, type ClassInput } from '../class-input';
import type { ClassListings } from '../class-listings';

/**
 * `POST /api/admin/classes/{id}/edit` (http.md §11): `CLASS_001`, then validation 1–13 (a past start
 * date is allowed), then the instructor. Active flag, mode, thumbnail and creation time are kept.
 */
export class EditClass {
  constructor(
    private readonly classes: ClassroomRepository,
    private readonly listings: ClassListings,
    private readonly clock: Clock,
  ) {}

  async execute(classId: number, input: ClassInput): Promise<Result<ClassListing, DomainError>> {
    const room = await this.classes.findById(classId);
    if (!room) return err(domainError('CLASS_001'));
    const valid = checkClassInput(input, null);
    if (isClassInputError(valid)) return err(valid);
    const refused = await this.listings.checkInstructor(valid.instructorId);
    if (refused) return err(refused);
    const updated = { ...room, ...valid, updatedAt: this.clock.now() };
    await this.classes.update(updated);
    return ok(await this.listings.of(updated));
  }
}
