import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClassSearch } from '../../classroom/ports/classroom-repository';
import { ClassroomMother } from '../classroom-mother';
import { UserMother } from '../user-mother';
import type { ClassroomStores } from './classroom-stores';
import type { ContractHarness, HarnessFactory } from './harness';

const PAGE = { page: 0, size: 100 };
const BY_CREATED: ClassSearch = { sortBy: 'createdAt', direction: 'DESC' };

/** The behaviour every `ClassroomRepository` and `EnrolmentRepository` must have. */
export function classroomRepositoryContract(name: string, factory: HarnessFactory<ClassroomStores>): void {
  describe(`ClassroomRepository + EnrolmentRepository contract: ${name}`, () => {
    let h: ContractHarness<ClassroomStores>;
    beforeEach(async () => {
      h = await factory();
    });
    afterEach(async () => {
      await h.teardown();
    });
    const instructor = (name?: string) => h.subject.users.create(UserMother.instructor(name ? { name } : {}));
    const student = (overrides: Parameters<typeof UserMother.student>[0] = {}) => h.subject.users.create(UserMother.student(overrides));

    it('creates classes with distinct ids and round-trips every field', async () => {
      const t = await instructor();
      const input = ClassroomMother.build(t.id, { description: null, thumbnailUrl: 'https://cdn/x.png', online: false, mode: 'READ', createdAt: new Date('2025-12-18T01:02:03.456Z') });
      const a = await h.subject.classes.create(input);
      const b = await h.subject.classes.create(ClassroomMother.build(t.id, { startTime: '00:05:00', endTime: '23:59:59' }));
      expect(a.id).toBeGreaterThan(0);
      expect(b.id).not.toBe(a.id);
      expect(a).toEqual({ ...input, id: a.id });
      expect(await h.subject.classes.findById(a.id)).toEqual(a);
      expect((await h.subject.classes.findById(b.id))?.startTime).toBe('00:05:00');
      expect(await h.subject.classes.findById(999_999)).toBeNull();
    });

    it('updates mutable fields', async () => {
      const [t1, t2] = [await instructor(), await instructor()];
      const c = await h.subject.classes.create(ClassroomMother.build(t1.id));
      const changed = { ...c, title: '새 제목', description: '새 설명', instructorId: t2.id, active: false, startDate: '2026-01-01', endDate: '2026-01-31', startTime: '10:30:00', endTime: '12:00:00', updatedAt: new Date('2026-01-01T00:00:00.001Z') };
      await h.subject.classes.update(changed);
      expect(await h.subject.classes.findById(c.id)).toEqual(changed);
    });

    it('enrols a student once, counts and removes enrolments', async () => {
      const t = await instructor();
      const c = await h.subject.classes.create(ClassroomMother.build(t.id));
      const [s1, s2] = [await student(), await student()];
      expect(await h.subject.enrolments.isEnrolled(c.id, s1.id)).toBe(false);
      expect(await h.subject.enrolments.enrol({ classId: c.id, userId: s1.id, enrolledAt: h.now() })).toBe(true);
      expect(await h.subject.enrolments.enrol({ classId: c.id, userId: s1.id, enrolledAt: h.now() })).toBe(false);
      expect(await h.subject.enrolments.enrol({ classId: c.id, userId: s2.id, enrolledAt: h.now() })).toBe(true);
      expect(await h.subject.enrolments.isEnrolled(c.id, s1.id)).toBe(true);
      expect(await h.subject.enrolments.countStudents(c.id)).toBe(2);
      expect(await h.subject.enrolments.unenrol(c.id, s1.id)).toBe(true);
      expect(await h.subject.enrolments.unenrol(c.id, s1.id)).toBe(false);
      expect(await h.subject.enrolments.countStudents(c.id)).toBe(1);
      expect(await h.subject.enrolments.countStudents(999_999)).toBe(0);
    });

    it('searches active classes by keyword on title or instructor name, with names and counts', async () => {
      const kim = await instructor('김자바');
      const lee = await instructor('이파이');
      const a = await h.subject.classes.create(ClassroomMother.build(kim.id, { title: 'Spring Boot 입문' }));
      const b = await h.subject.classes.create(ClassroomMother.build(lee.id, { title: 'Python 기초' }));
      await h.subject.classes.create(ClassroomMother.build(lee.id, { title: 'spring 심화', active: false }));
      await h.subject.enrolments.enrol({ classId: b.id, userId: (await student()).id, enrolledAt: h.now() });
      const all = await h.subject.classes.search(BY_CREATED, PAGE);
      expect(all.total).toBe(2);
      const spring = await h.subject.classes.search({ ...BY_CREATED, keyword: 'SPRING' }, PAGE);
      expect(spring.items.map((l) => l.room.id)).toEqual([a.id]);
      const byName = await h.subject.classes.search({ ...BY_CREATED, keyword: '파이' }, PAGE);
      expect(byName.items).toEqual([{ room: b, instructorName: '이파이', studentCount: 1 }]);
    });

    it('filters by schedule bounds, inclusive', async () => {
      const t = await instructor();
      const early = await h.subject.classes.create(ClassroomMother.build(t.id, { startDate: '2025-12-01', endDate: '2025-12-31', startTime: '09:00:00', endTime: '12:00:00' }));
      const late = await h.subject.classes.create(ClassroomMother.build(t.id, { startDate: '2026-01-01', endDate: '2026-02-28', startTime: '13:00:00', endTime: '18:00:00' }));
      const ids = async (s: Partial<ClassSearch>) => (await h.subject.classes.search({ ...BY_CREATED, ...s }, PAGE)).items.map((l) => l.room.id).sort();
      expect(await ids({ startDateFrom: '2026-01-01' })).toEqual([late.id]);
      expect(await ids({ endDateTo: '2025-12-31' })).toEqual([early.id]);
      expect(await ids({ startTimeFrom: '09:00:00' })).toEqual([early.id, late.id].sort());
      expect(await ids({ startTimeFrom: '09:00:01' })).toEqual([late.id]);
      expect(await ids({ endTimeTo: '12:00:00' })).toEqual([early.id]);
    });

    it('sorts by every field in both directions, ties by id, and pages', async () => {
      const t = await instructor();
      const at = (iso: string) => new Date(iso);
      const c1 = await h.subject.classes.create(ClassroomMother.build(t.id, { title: 'B', startDate: '2026-01-02', startTime: '10:00:00', createdAt: at('2025-12-01T00:00:00Z') }));
      const c2 = await h.subject.classes.create(ClassroomMother.build(t.id, { title: 'A', startDate: '2026-01-03', startTime: '08:00:00', createdAt: at('2025-12-03T00:00:00Z') }));
      const c3 = await h.subject.classes.create(ClassroomMother.build(t.id, { title: 'C', startDate: '2026-01-01', startTime: '09:00:00', createdAt: at('2025-12-03T00:00:00Z') }));
      const order = async (s: Partial<ClassSearch>) => (await h.subject.classes.search({ ...BY_CREATED, ...s }, PAGE)).items.map((l) => l.room.id);
      expect(await order({})).toEqual([c3.id, c2.id, c1.id]);
      expect(await order({ direction: 'ASC' })).toEqual([c1.id, c2.id, c3.id]);
      expect(await order({ sortBy: 'title', direction: 'ASC' })).toEqual([c2.id, c1.id, c3.id]);
      expect(await order({ sortBy: 'startDate', direction: 'DESC' })).toEqual([c2.id, c1.id, c3.id]);
      expect(await order({ sortBy: 'startTime', direction: 'ASC' })).toEqual([c2.id, c3.id, c1.id]);
      const page = await h.subject.classes.search(BY_CREATED, { page: 1, size: 2 });
      expect(page).toMatchObject({ total: 3 });
      expect(page.items.map((l) => l.room.id)).toEqual([c1.id]);
      expect((await h.subject.classes.search(BY_CREATED, { page: 2 ** 40, size: 1000 })).items).toEqual([]);
    });

    it('lists classes taught by an instructor, newest first, inactive included', async () => {
      const [t, other] = [await instructor('담당강사'), await instructor()];
      const old = await h.subject.classes.create(ClassroomMother.build(t.id, { createdAt: new Date('2025-01-01T00:00:00Z') }));
      const gone = await h.subject.classes.create(ClassroomMother.build(t.id, { active: false, createdAt: new Date('2025-06-01T00:00:00Z') }));
      await h.subject.classes.create(ClassroomMother.build(other.id));
      const page = await h.subject.classes.taughtBy(t.id, { page: 0, size: 10 });
      expect(page.total).toBe(2);
      expect(page.items.map((l) => [l.room.id, l.instructorName])).toEqual([[gone.id, '담당강사'], [old.id, '담당강사']]);
      expect((await h.subject.classes.taughtBy(t.id, { page: 1, size: 1 })).items.map((l) => l.room.id)).toEqual([old.id]);
    });

    it('lists the classes of a student, newest enrolment first', async () => {
      const t = await instructor('가르침');
      const [c1, c2] = [await h.subject.classes.create(ClassroomMother.build(t.id)), await h.subject.classes.create(ClassroomMother.build(t.id, { active: false }))];
      const s = await student();
      await h.subject.enrolments.enrol({ classId: c2.id, userId: s.id, enrolledAt: new Date('2025-12-01T00:00:00.001Z') });
      await h.subject.enrolments.enrol({ classId: c1.id, userId: s.id, enrolledAt: new Date('2025-12-05T00:00:00Z') });
      const all = await h.subject.enrolments.classesOf(s.id);
      expect(all.total).toBe(2);
      expect(all.items).toEqual([
        { room: c1, instructorName: '가르침', enrolledAt: new Date('2025-12-05T00:00:00Z') },
        { room: c2, instructorName: '가르침', enrolledAt: new Date('2025-12-01T00:00:00.001Z') },
      ]);
      expect((await h.subject.enrolments.classesOf(s.id, { page: 1, size: 1 })).items.map((e) => e.room.id)).toEqual([c2.id]);
      expect((await h.subject.enrolments.classesOf(t.id)).total).toBe(0);
    });

    it('lists the students of a class by enrolment time, filtered by name or email', async () => {
      const t = await instructor();
      const c = await h.subject.classes.create(ClassroomMother.build(t.id));
      const a = await student({ name: '김철수', email: `chulsoo${Date.now()}@example.com`, profileImageUrl: 'https://cdn/a.png' });
      const b = await student({ name: '박영희' });
      await h.subject.enrolments.enrol({ classId: c.id, userId: a.id, enrolledAt: new Date('2025-12-01T00:00:00Z') });
      await h.subject.enrolments.enrol({ classId: c.id, userId: b.id, enrolledAt: new Date('2025-12-02T00:00:00Z') });
      const desc = await h.subject.enrolments.studentsOf(c.id, { direction: 'DESC' }, { page: 0, size: 5 });
      expect(desc.items.map((s) => s.userId)).toEqual([b.id, a.id]);
      const asc = await h.subject.enrolments.studentsOf(c.id, { direction: 'ASC' }, { page: 0, size: 1 });
      expect(asc).toEqual({ total: 2, items: [{ userId: a.id, name: '김철수', email: a.email, profileImageUrl: 'https://cdn/a.png', enrolledAt: new Date('2025-12-01T00:00:00Z') }] });
      expect((await h.subject.enrolments.studentsOf(c.id, { direction: 'DESC', keyword: 'CHULSOO' }, PAGE)).items.map((s) => s.userId)).toEqual([a.id]);
      expect((await h.subject.enrolments.studentsOf(c.id, { direction: 'DESC', keyword: '영희' }, PAGE)).items.map((s) => s.userId)).toEqual([b.id]);
    });
  });
}
