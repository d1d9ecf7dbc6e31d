import { describe, expect, it } from 'vitest';
import { checkSnapshotText, FindSnapshots, parseSnapshotLanguage, SaveSnapshot, snapshotPeriodOf, UpdateSnapshot } from '@sooscode/domain';
import { ClassroomMother, SnapshotMother } from '@sooscode/domain/testing';
import { InMemorySnapshotRepository } from '@sooscode/adapters/memory';
import { liveWorld } from './live-world';

describe('snapshot rules', () => {
  it('parses languages case-insensitively', () => {
    expect(['java', 'Python', 'css_html_js', 'JAVA'].map(parseSnapshotLanguage)).toEqual(['JAVA', 'PYTHON', 'CSS_HTML_JS', 'JAVA']);
    expect([' java', 'c', '', undefined].map(parseSnapshotLanguage)).toEqual([null, null, null, null]);
  });

  it('checks title then content', () => {
    expect(checkSnapshotText(undefined, undefined, 10)?.code).toBe('SNAPSHOT_009');
    expect(checkSnapshotText('t'.repeat(256), '', 10)?.code).toBe('SNAPSHOT_010');
    expect(checkSnapshotText('t', ' \n', 10)?.code).toBe('SNAPSHOT_006');
    expect(checkSnapshotText('t', 'c'.repeat(11), 10)?.code).toBe('SNAPSHOT_013');
    expect(checkSnapshotText('t', 'c'.repeat(10), 10)).toBeNull();
  });

  it('turns day or both bounds into an inclusive period in the zone', () => {
    expect(snapshotPeriodOf({ day: '2025-12-18' }, 'Asia/Seoul', true)).toEqual({ ok: true, value: { from: new Date('2025-12-17T15:00:00.000Z'), to: new Date('2025-12-18T14:59:59.999Z') } });
    expect(snapshotPeriodOf({ startDate: '2025-12-01', endDate: '2025-12-02' }, 'UTC', true)).toEqual({ ok: true, value: { from: new Date('2025-12-01T00:00:00Z'), to: new Date('2025-12-02T23:59:59.999Z') } });
    expect(snapshotPeriodOf({ startDate: '2025-12-01' }, 'UTC', true)).toEqual({ ok: false, error: { code: 'SNAPSHOT_011' } });
    expect(snapshotPeriodOf({ endDate: '2025-12-01' }, 'UTC', false)).toEqual({ ok: true, value: null });
  });
});

describe('snapshot use cases', () => {
  it('saves for members only, in the contract order', async () => {
    const w = await liveWorld();
    const repo = new InMemorySnapshotRepository();
    const save = new SaveSnapshot(repo, w.access, w.clock, 100);
    const body = { classId: w.room.id, title: 't', content: 'c', language: 'java' };
    expect((await save.execute({ ...body, classId: undefined, language: 'x' }, w.as(w.student))).ok).toBe(false);
    expect(await save.execute({ ...body, classId: 999, language: 'x' }, w.as(w.student))).toEqual({ ok: false, error: { code: 'SNAPSHOT_012' } });
    expect(await save.execute(body, w.as(w.admin))).toEqual({ ok: false, error: { code: 'CLASS_002' } });
    const saved = await save.execute(body, w.as(w.instructor));
    expect(saved.ok && saved.value).toMatchObject({ userId: w.instructor.id, classId: w.room.id, language: 'JAVA', createdAt: w.clock.now() });
  });

  it('updates only the owner’s snapshot and keeps the rest', async () => {
    const w = await liveWorld();
    const repo = new InMemorySnapshotRepository();
    const s = await repo.create(SnapshotMother.build(w.student.id, w.room.id));
    const update = new UpdateSnapshot(repo, w.access, w.clock, 100);
    expect(await update.execute(s.id, { classId: w.room.id, title: 'n', content: 'n' }, w.as(w.other))).toEqual({ ok: false, error: { code: 'SNAPSHOT_005' } });
    expect(await update.execute(999, { classId: w.room.id, title: 'n', content: 'n' }, w.as(w.student))).toEqual({ ok: false, error: { code: 'SNAPSHOT_004' } });
    expect(await update.execute(s.id, { classId: w.room.id, title: 'n', content: 'n' }, w.as(w.admin))).toEqual({ ok: false, error: { code: 'CLASS_002' } });
    const elsewhere = await w.classes.create(ClassroomMother.runningNow(w.instructor.id, w.clock.now()));
    expect(await update.execute(s.id, { classId: elsewhere.id, title: 'n', content: 'n' }, w.as(w.instructor))).toEqual({ ok: false, error: { code: 'SNAPSHOT_004' } });
    w.clock.advance(1000);
    expect((await update.execute(s.id, { classId: w.room.id, title: 'n', content: 'm' }, w.as(w.student))).ok).toBe(true);
    expect(await repo.findById(s.id)).toEqual({ ...s, title: 'n', content: 'm', updatedAt: w.clock.now() });
  });

  it('finds in order: class (when asked), language, dates, then the empty-result rule', async () => {
    const w = await liveWorld();
    const find = new FindSnapshots(new InMemorySnapshotRepository(), w.access, 'Asia/Seoul');
    const me = w.as(w.student);
    expect(await find.execute({ classId: 999, classMustExist: true, language: 'x' }, me)).toEqual({ ok: false, error: { code: 'CLASS_001' } });
    expect(await find.execute({ classId: 999, language: 'x', datesRequired: true }, me)).toEqual({ ok: false, error: { code: 'SNAPSHOT_012' } });
    expect(await find.execute({ classId: 999, languageRequired: true }, me)).toEqual({ ok: false, error: { code: 'SNAPSHOT_012' } });
    expect(await find.execute({ classId: 999, datesRequired: true, emptyIsError: true }, me)).toEqual({ ok: false, error: { code: 'SNAPSHOT_011' } });
    expect(await find.execute({ classId: 999, emptyIsError: true }, me)).toEqual({ ok: false, error: { code: 'SNAPSHOT_007' } });
    expect(await find.execute({ classId: 999 }, me)).toEqual({ ok: true, value: { items: [], total: 0 } });
  });
});
