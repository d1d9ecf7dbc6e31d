import type { RoomBroadcaster, RoomEvent } from '../classroom/live/ports/room-broadcaster';

/** A `RoomBroadcaster` that keeps every event, in order: `published` to rooms, `toUsers` to one user's sessions. */
export class RecordingRoomBroadcaster<E extends RoomEvent = RoomEvent> implements RoomBroadcaster<E> {
  readonly published: E[] = [];
  readonly toUsers: { userId: number; event: E }[] = [];

  async publish(event: E): Promise<void> {
    this.published.push(event);
  }

  async sendToUser(userId: number, event: E): Promise<void> {
    this.toUsers.push({ userId, event });
  }
}
