import type { Clock } from '../../../shared/clock';
import type { DomainError } from '../../../shared/domain-error';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import { localDateOf } from '../../../shared/wall-clock';
import type { ClassListing, ClassroomRepository } from '../../ports/classroom-repository';
import { checkClassInput, isClassInputError, type ClassInput } from '../class-input';
import type { ClassListings } from '../class-listings';

/**
 * `POST /api/admin/classes/create` (http.md §11): validation 1–13 (a start date before today in
 * `timeZone` is refused), then the instructor (`ADM_USR_001`, `ADM_CLS_002`). The class is stored
 * active, with mode `FREE` and no thumbnail.
 */
export class CreateClass {
  constructor(
    private readonly classes: ClassroomRepository,
    private readonly listings: ClassListings,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  async execute(input: ClassInput): Promise<Result<ClassListing, DomainError>> {
    const now = this.clock.now();
    const valid = checkClassInput(input, localDateOf(now, this.timeZone));
    if (isClassInputError(valid)) return err(valid);
    const refused = await this.listings.checkInstructor(valid.instructorId);
    if (refused) return err(refused);
    const room = await this.classes.create({ ...valid, active: true, mode: 'FREE', thumbnailUrl: null, createdAt: now, updatedAt: now });
    return ok({ room, instructorName: (await this.listings.of(room)).instructorName, studentCount: 0 });
  }
}
