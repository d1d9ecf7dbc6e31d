import type { MediaEventOutcome } from '@sooscode/domain';
import type { Logger } from '../../../system/logger';

/**
 * Logs what a webhook event did. `room_started` is the one record of a room's LiveKit session
 * (info); an eviction is logged when it is decided and again when the best-effort removal ends
 * (warn on failure); everything else is debug. Never logs tokens or bodies.
 */
export function logMediaEventOutcome(logger: Logger, event: string, outcome: MediaEventOutcome): void {
  switch (outcome.kind) {
    case 'room-started':
      logger.info({ classId: outcome.classId, roomSid: outcome.roomSid, startedAt: outcome.startedAt.toISOString() }, 'LiveKit room started');
      return;
    case 'evicted': {
      const facts = { classId: outcome.classId, userId: outcome.userId, because: outcome.because };
      logger.info(facts, 'LiveKit participant may not be in the room; removing it');
      void outcome.removal.then((result) => {
        if (result === 'failed') logger.warn(facts, 'LiveKit participant removal failed');
        else logger.debug({ ...facts, result }, 'LiveKit participant removal finished');
      });
      return;
    }
    default:
      logger.debug({ event, ...outcome }, 'LiveKit webhook handled');
  }
}
