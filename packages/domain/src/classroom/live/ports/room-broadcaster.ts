/** Something that happened in a live class that its participants are told about. `type` tells the kinds apart. */
export interface RoomEvent {
  readonly type: string;
  readonly classId: number;
}

/**
 * Tells the live sessions of every node about room events. The transport adapter decides where each
 * event goes (its STOMP destination) and how it looks on the wire; the domain only says what happened.
 * A publisher names the events it publishes (`RoomBroadcaster<ChatEvent>`); the adapter accepts them all.
 */
export interface RoomBroadcaster<E extends RoomEvent = RoomEvent> {
  /** Tells every subscriber of the event's class topic. */
  publish(event: E): Promise<void>;
  /** Tells every session of user `userId` (its user queue), e.g. that the user was kicked. */
  sendToUser(userId: number, event: E): Promise<void>;
}
