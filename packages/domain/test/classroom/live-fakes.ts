import type { LiveSessionControl, MediaRoomGateway, Result, RoomBroadcaster, RoomEvent } from '@sooscode/domain';
import { domainError, err, ok } from '@sooscode/domain';

/** One recorded effect, in the order the use case caused it. */
export type Effect =
  | { kind: 'publish'; event: RoomEvent }
  | { kind: 'toUser'; userId: number; event: RoomEvent }
  | { kind: 'detach'; classId: number; userId?: number }
  | { kind: 'media'; call: string; args: string[] };

/** Records broadcasts, detaches and LiveKit calls into one shared log. */
export class EffectLog implements RoomBroadcaster, LiveSessionControl {
  readonly effects: Effect[] = [];

  async publish(event: RoomEvent): Promise<void> {
    this.effects.push({ kind: 'publish', event: structuredClone(event) });
  }

  async sendToUser(userId: number, event: RoomEvent): Promise<void> {
    this.effects.push({ kind: 'toUser', userId, event });
  }

  async detach(classId: number, userId?: number): Promise<void> {
    this.effects.push(userId === undefined ? { kind: 'detach', classId } : { kind: 'detach', classId, userId });
  }

  /** A LiveKit gateway writing to this log; `failing` makes every call answer LIVEKIT_002. */
  media(failing = false): MediaRoomGateway {
    const log = this.effects;
    const record = async (call: string, ...args: string[]): Promise<Result<void>> => {
      log.push({ kind: 'media', call, args });
      return failing ? err(domainError('LIVEKIT_002')) : ok();
    };
    return {
      createRoom: (name) => record('createRoom', name),
      deleteRoom: (name) => record('deleteRoom', name),
      removeParticipant: (room, identity) => record('removeParticipant', room, identity),
      mutePublishedTrack: (room, identity) => record('mutePublishedTrack', room, identity),
      listParticipants: async () => ok([]),
      listRooms: async () => ok([]),
    };
  }
}
