import type { Caller } from '../../classroom/class-access';
import { domainError } from '../../shared/domain-error';
import type { Result } from '../../shared/result';
import { err } from '../../shared/result';
import type { MediaRoomGateway } from '../ports/media-room-gateway';

/**
 * `GET /api/livekit/rooms` (livekit.md §3): an admin (others: `GLOBAL_403`) reads every open room
 * exactly as LiveKit describes it (passed through, `[]` when there is none). `GLOBAL_503` when the
 * Room API is not configured; an upstream failure is `LIVEKIT_002`.
 */
export class ListVideoRooms {
  constructor(private readonly gateway: MediaRoomGateway | null) {}

  async execute(caller: Caller): Promise<Result<unknown[]>> {
    if (caller.role !== 'ADMIN') return err(domainError('GLOBAL_403'));
    if (!this.gateway) return err(domainError('GLOBAL_503'));
    return this.gateway.listRooms();
  }
}
