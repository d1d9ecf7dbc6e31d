import type { MediaGrants, MediaSource } from './media-grants';

/** The role a class member holds in the video room (the token's metadata `role`). */
export type MediaRole = 'INSTRUCTOR' | 'STUDENT';

/** Deployment choices for student grants (`LIVEKIT_STUDENT_*`). */
export interface GrantPolicyOptions {
  /** Whether students may publish at all (`LIVEKIT_STUDENT_CAN_PUBLISH`, default `true`). */
  readonly studentCanPublish: boolean;
  /**
   * The sources a publishing student may use (`LIVEKIT_STUDENT_PUBLISH_SOURCES`, default
   * {@link DEFAULT_STUDENT_PUBLISH_SOURCES}). An empty list allows no source, so the student
   * gets no publish right at all.
   */
  readonly studentSources: readonly MediaSource[];
}

/** The sources a publishing student may use unless configured otherwise. */
export const DEFAULT_STUDENT_PUBLISH_SOURCES: readonly MediaSource[] = ['camera', 'microphone', 'screen_share'];

/** The default student grant options. */
export const DEFAULT_GRANT_POLICY_OPTIONS: GrantPolicyOptions = {
  studentCanPublish: true,
  studentSources: DEFAULT_STUDENT_PUBLISH_SOURCES,
};

/**
 * The grants of a class member's video token.
 *
 * - `INSTRUCTOR`: joins, subscribes, publishes every source, sends data.
 * - `STUDENT`: the same, but publishing is limited to `studentSources` and switched off
 *   entirely when `studentCanPublish` is false (then no source list is sent).
 *
 * Nobody may update their own metadata, so no participant can rewrite the `role` the
 * metadata carries. Admins are not members and get no token; callers must refuse them
 * before asking for grants.
 */
export function grantsFor(role: MediaRole, options: GrantPolicyOptions = DEFAULT_GRANT_POLICY_OPTIONS): MediaGrants {
  const common = { roomJoin: true, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false } as const;
  if (role === 'INSTRUCTOR') return { ...common, canPublish: true };
  const sources = [...new Set(options.studentSources)];
  if (!options.studentCanPublish || sources.length === 0) return { ...common, canPublish: false };
  return { ...common, canPublish: true, canPublishSources: sources };
}
