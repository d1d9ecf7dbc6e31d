import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_STUDENT_PUBLISH_SOURCES, grantsFor, isMediaSource, MEDIA_SOURCES, type MediaSource } from '@sooscode/domain';

// The domain's pure media policy, tested here because this task owns only the livekit test folder.
describe('grantsFor (livekit.md §1.1 grant table)', () => {
  const base = { roomJoin: true, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false };

  it('lets the instructor publish every source', () => {
    expect(grantsFor('INSTRUCTOR')).toStrictEqual({ ...base, canPublish: true });
  });

  it('ignores the student options for the instructor', () => {
    expect(grantsFor('INSTRUCTOR', { studentCanPublish: false, studentSources: [] })).toStrictEqual({ ...base, canPublish: true });
  });

  it('lets a student publish camera, microphone and screen share by default', () => {
    expect(DEFAULT_STUDENT_PUBLISH_SOURCES).toEqual(['camera', 'microphone', 'screen_share']);
    expect(grantsFor('STUDENT')).toStrictEqual({
      ...base,
      canPublish: true,
      canPublishSources: ['camera', 'microphone', 'screen_share'],
    });
  });

  it('limits a student to the configured sources, without duplicates', () => {
    expect(grantsFor('STUDENT', { studentCanPublish: true, studentSources: ['microphone', 'microphone', 'camera'] })).toStrictEqual({
      ...base,
      canPublish: true,
      canPublishSources: ['microphone', 'camera'],
    });
  });

  it('sends no source list to a student who may not publish', () => {
    expect(grantsFor('STUDENT', { studentCanPublish: false, studentSources: ['camera'] })).toStrictEqual({ ...base, canPublish: false });
  });

  it('reads an empty source list as no publish right (LiveKit would read [] as every source)', () => {
    expect(grantsFor('STUDENT', { studentCanPublish: true, studentSources: [] })).toStrictEqual({ ...base, canPublish: false });
  });

  it('never grants more than join, subscribe, publish and data, whatever the options', () => {
    const source = fc.constantFrom<MediaSource>(...MEDIA_SOURCES);
    fc.assert(
      fc.property(fc.constantFrom('INSTRUCTOR' as const, 'STUDENT' as const), fc.boolean(), fc.array(source), (role, studentCanPublish, studentSources) => {
        const grants = grantsFor(role, { studentCanPublish, studentSources });
        expect(Object.keys(grants).every((k) => [...Object.keys(base), 'canPublish', 'canPublishSources'].includes(k))).toBe(true);
        expect(grants.canUpdateOwnMetadata).toBe(false);
        if (grants.canPublishSources !== undefined) expect(grants.canPublishSources.length).toBeGreaterThan(0);
      }),
    );
  });

  it('knows the four LiveKit track sources', () => {
    expect(MEDIA_SOURCES.every(isMediaSource)).toBe(true);
    expect(isMediaSource('webcam')).toBe(false);
    expect(isMediaSource('CAMERA')).toBe(false);
  });
});
