import type { DomainError } from '../../shared/domain-error';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { Caller } from '../class-access';
import type { ClassRoom } from '../class-room';
import type { PageOf, PageRequest } from '../paging';
import type { ClassroomRepository } from '../ports/classroom-repository';
import type { EnrolmentRepository } from '../ports/enrolment-repository';

/** One class on the caller's my page. */
export interface MyClass {
  readonly room: ClassRoom;
  readonly instructorName: string;
}

/**
 * `GET /api/mypage/classes` (http.md §7): a STUDENT gets the classes they are enrolled in (newest
 * enrolment first), an INSTRUCTOR the classes they teach (newest class first); inactive classes are
 * included. An ADMIN gets `USER_002`.
 */
export class ListMyClasses {
  constructor(
    private readonly classes: ClassroomRepository,
    private readonly enrolments: EnrolmentRepository,
  ) {}

  async execute(caller: Caller, page: PageRequest): Promise<Result<PageOf<MyClass>, DomainError>> {
    if (caller.role === 'ADMIN') return err(domainError('USER_002'));
    const found = caller.role === 'INSTRUCTOR' ? await this.classes.taughtBy(caller.userId, page) : await this.enrolments.classesOf(caller.userId, page);
    return ok({ items: found.items.map((c) => ({ room: c.room, instructorName: c.instructorName })), total: found.total });
  }
}
