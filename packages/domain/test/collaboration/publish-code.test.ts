import { describe, expect, it } from 'vitest';
import {
  ChangeLiveMode, PublishCode, domainError, err, invalidField, DetailReason, ok,
  type ClassMembership, type ClassroomEvent, type CodeChanged, type CodePayload, type CodeSyncTarget, type DomainError, type Result,
} from '../../src/index';
import { RecordingRoomBroadcaster } from '@sooscode/domain/testing';
import { liveWorld } from '../classroom/live-world';

const INSTRUCTOR: ClassMembership = { instructor: true, student: false, admin: false };
const STUDENT: ClassMembership = { instructor: false, student: true, admin: false };

async function codeWorld() {
  const w = await liveWorld();
  const broadcaster = new RecordingRoomBroadcaster<CodeChanged>();
  const publish = new PublishCode(w.codes, w.liveModes, w.enrolments, broadcaster, w.clock);
  const sync = (membership: ClassMembership, target: CodeSyncTarget, by = w.student, name = '김학생', payload: Result<CodePayload, DomainError> = ok({ code: 'x', language: 'java' })) =>
    publish.execute({ classId: w.room.id, membership, sender: { userId: by.id, name }, target, payload });
  return { ...w, broadcaster, sync };
}

describe('PublishCode (stomp.md §5.2, §5.5)', () => {
  it('stores and publishes the instructor\'s shared code, a student\'s own code, and an instructor\'s edit of it', async () => {
    const w = await codeWorld();
    const c = w.room.id;
    expect(await w.sync(INSTRUCTOR, { kind: 'instructor' }, w.instructor, '이강사')).toEqual(ok());
    expect(await w.sync(STUDENT, { kind: 'own' })).toEqual(ok());
    expect(await w.sync(INSTRUCTOR, { kind: 'edit-student', studentId: w.student.id }, w.instructor, '이강사')).toEqual(ok());
    const common = { type: 'code-changed', classId: c, code: 'x', language: 'java' };
    expect(w.broadcaster.published).toEqual([
      { ...common, owner: { kind: 'instructor' }, userId: w.instructor.id, username: '이강사', instructor: true, editedByInstructor: false },
      { ...common, owner: { kind: 'student', userId: w.student.id }, userId: w.student.id, username: '김학생', instructor: false, editedByInstructor: false },
      { ...common, owner: { kind: 'student', userId: w.student.id }, userId: w.student.id, username: '이강사', instructor: true, editedByInstructor: true },
    ]);
    expect(await w.codes.get(c, { kind: 'student', userId: w.student.id })).toMatchObject({ userId: w.student.id, code: 'x' });
  });

  it('checks roles and mode before the payload: CLASS_012, CLASS_002, CLASS_011, PART_001', async () => {
    const w = await codeWorld();
    const bad = err(invalidField('code', DetailReason.missing));
    expect(await w.sync(STUDENT, { kind: 'instructor' }, w.student, '김학생', bad)).toEqual(err(domainError('CLASS_012')));
    expect(await w.sync(INSTRUCTOR, { kind: 'own' }, w.instructor, '이강사', bad)).toEqual(err(domainError('CLASS_002')));
    expect(await w.sync(STUDENT, { kind: 'edit-student', studentId: w.other.id }, w.student, '김학생', bad)).toEqual(err(domainError('CLASS_012')));
    expect(await w.sync(INSTRUCTOR, { kind: 'edit-student', studentId: w.admin.id }, w.instructor, '이강사', bad)).toEqual(err(domainError('PART_001')));
    await w.liveModes.set(w.room.id, 'VIEW_ONLY');
    expect(await w.sync(STUDENT, { kind: 'own' }, w.student, '김학생', bad)).toEqual(err(domainError('CLASS_011')));
    await w.liveModes.set(w.room.id, 'FREE_PRACTICE');
    expect(await w.sync(STUDENT, { kind: 'own' }, w.student, '김학생', bad)).toEqual(bad);
    expect(w.broadcaster.published).toEqual([]);
  });
});

describe('ChangeLiveMode (stomp.md §5.6)', () => {
  it('is inst(c) only, accepts the aliases, refuses other values, and publishes even when unchanged', async () => {
    const w = await liveWorld();
    const broadcaster = new RecordingRoomBroadcaster<ClassroomEvent>();
    const change = new ChangeLiveMode(w.liveModes, broadcaster);
    const c = w.room.id;
    expect(await change.execute(c, STUDENT, 'READ')).toEqual(err(domainError('CLASS_012')));
    expect(await change.execute(c, INSTRUCTOR, 'read')).toEqual(err(invalidField('mode', DetailReason.notAllowed)));
    expect(await change.execute(c, INSTRUCTOR, null)).toEqual(err(invalidField('mode', DetailReason.notAllowed)));
    expect(await change.execute(c, INSTRUCTOR, 'READ')).toEqual(ok('VIEW_ONLY'));
    expect(await change.execute(c, INSTRUCTOR, 'VIEW_ONLY')).toEqual(ok('VIEW_ONLY'));
    expect(await change.execute(c, INSTRUCTOR, 'FREE')).toEqual(ok('FREE_PRACTICE'));
    expect(await w.liveModes.get(c)).toBe('FREE_PRACTICE');
    expect(broadcaster.published.map((e) => e.type === 'mode-changed' && e.mode)).toEqual(['VIEW_ONLY', 'VIEW_ONLY', 'FREE_PRACTICE']);
  });
});
