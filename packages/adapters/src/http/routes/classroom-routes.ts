import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { DetailReason, invalidParam, type MediaOutcome, type EndClass, type EnterClassroom, type KickParticipant, type ReadSharedCode, type ViewParticipants } from '@sooscode/domain';
import { principalOf } from '../app-state';
import { fail, unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { pathId, queryString } from '../params';
import { sendEmpty, sendEnvelope, sendRaw } from '../responses';
import { presentClassDetail, presentCode } from './class-presenters';
import { participantInfo, participantsResponse } from '../../wire/participant-shapes';
import type { AuthGuards } from '../auth-middleware';
import type { Logger } from '../../system/logger';

/** Longest kick reason, in characters. */
export const KICK_REASON_MAX = 200;

/** What the class REST routes use. */
export interface ClassroomRoutesDeps {
  readonly guards: AuthGuards;
  readonly logger: Logger;
  /** APP_TIME_ZONE: the participants' `joinedAt` LocalDateTimes. */
  readonly timeZone: string;
  readonly enterClassroom: EnterClassroom;
  readonly viewParticipants: ViewParticipants;
  readonly readSharedCode: ReadSharedCode;
  readonly endClass: EndClass;
  readonly kickParticipant: KickParticipant;
}

/**
 * Class REST (http.md §4): the entry gate (enveloped, also at `/api/classroom/{id}`) and the RAW live
 * endpoints (participants, students, count, code, end, kick).
 */
export class ClassroomRoutes implements HttpModule {
  constructor(private readonly deps: ClassroomRoutesDeps) {}

  private logMedia(outcome: MediaOutcome, action: string, classId: number): void {
    if (outcome === 'failed') this.deps.logger.warn({ classId, action }, 'LiveKit call failed (best effort, ignored)');
  }

  register(router: Router): void {
    const d = this.deps;
    const { requireUser } = d.guards;

    const enter = async (ctx: Context) => {
      const classId = pathId(ctx, 'classId');
      const detail = unwrap(await d.enterClassroom.execute(classId, principalOf(ctx.state)));
      sendEnvelope(ctx, 'GLOBAL_000', presentClassDetail(detail));
    };
    router.get('/api/class/:classId', requireUser, enter);
    router.get('/api/classroom/:classId', requireUser, enter);

    router.post('/api/class/:classId/end', requireUser, async (ctx) => {
      const classId = pathId(ctx, 'classId');
      this.logMedia(unwrap(await d.endClass.execute(classId, principalOf(ctx.state))), 'end', classId);
      sendEmpty(ctx);
    });

    router.post('/api/class/:classId/kick/:userId', requireUser, async (ctx) => {
      const classId = pathId(ctx, 'classId');
      const targetUserId = pathId(ctx, 'userId');
      const reason = queryString(ctx, 'reason');
      if (reason !== undefined && [...reason].length > KICK_REASON_MAX) fail(invalidParam('reason', DetailReason.length));
      const input = { classId, targetUserId, ...(reason !== undefined ? { reason } : {}) };
      this.logMedia(unwrap(await d.kickParticipant.execute(input, principalOf(ctx.state))), 'kick', classId);
      sendEmpty(ctx);
    });

    router.get('/api/class/:classId/count', requireUser, async (ctx) => {
      const classId = pathId(ctx, 'classId');
      const list = unwrap(await d.viewParticipants.execute(classId, principalOf(ctx.state)));
      sendRaw(ctx, { classId, count: list.participants.length });
    });

    router.get('/api/class/:classId/participants', requireUser, async (ctx) => {
      sendRaw(ctx, participantsResponse(unwrap(await d.viewParticipants.execute(pathId(ctx, 'classId'), principalOf(ctx.state))), d.timeZone));
    });

    router.get('/api/class/:classId/students', requireUser, async (ctx) => {
      const list = unwrap(await d.viewParticipants.execute(pathId(ctx, 'classId'), principalOf(ctx.state)));
      sendRaw(ctx, list.participants.filter((p) => !p.instructor).map((p) => participantInfo(p, d.timeZone)));
    });

    router.get('/api/class/:classId/code/instructor', requireUser, async (ctx) => {
      const doc = unwrap(await d.readSharedCode.execute(pathId(ctx, 'classId'), principalOf(ctx.state), { kind: 'instructor' }));
      sendRaw(ctx, presentCode(doc));
    });

    router.get('/api/class/:classId/code/student/:studentId', requireUser, async (ctx) => {
      const classId = pathId(ctx, 'classId');
      const studentId = pathId(ctx, 'studentId');
      sendRaw(ctx, presentCode(unwrap(await d.readSharedCode.execute(classId, principalOf(ctx.state), { kind: 'student', studentId }))));
    });
  }
}
