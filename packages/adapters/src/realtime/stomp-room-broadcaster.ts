import type { RoomBroadcaster } from '@sooscode/domain';
import type { LiveEvent } from './live-event';
import { presentLiveEvent } from './live-event-presenter';
import type { LiveFanOut } from './live-fan-out';

/** The domain's `RoomBroadcaster` over STOMP: presents each event (destination + wire body) and fans it out. */
export class StompRoomBroadcaster implements RoomBroadcaster<LiveEvent> {
  constructor(
    private readonly fanOut: LiveFanOut,
    /** APP_TIME_ZONE, for the LocalDateTimes of chat messages. */
    private readonly timeZone: string,
  ) {}

  async publish(event: LiveEvent): Promise<void> {
    const { destination, body } = presentLiveEvent(event, this.timeZone);
    await this.fanOut.publish(destination, body);
  }

  async sendToUser(userId: number, event: LiveEvent): Promise<void> {
    const { destination, body } = presentLiveEvent(event, this.timeZone);
    await this.fanOut.sendToUser(userId, destination, body);
  }
}
