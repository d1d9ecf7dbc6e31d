import type {
  AttemptCounter, ChangeLiveMode, DeleteChatMessage, EnrolmentRepository, LiveClassGate, LiveModeStore, LivePresence, ParticipantList,
  PostChatMessage, PublishCode, RoomBroadcaster, ToggleChatReaction,
} from '@sooscode/domain';
import type { Logger } from '../system/logger';
import type { StompCredentials } from './stomp-credentials';

/** Everything the classroom STOMP application needs. */
export interface LiveAppDeps {
  readonly credentials: StompCredentials;
  readonly gate: LiveClassGate;
  readonly presence: LivePresence;
  readonly participants: ParticipantList;
  readonly modes: LiveModeStore;
  readonly changeMode: ChangeLiveMode;
  readonly publishCode: PublishCode;
  readonly enrolments: EnrolmentRepository;
  readonly postChat: PostChatMessage;
  readonly deleteChat: DeleteChatMessage;
  readonly toggleReaction: ToggleChatReaction;
  readonly broadcaster: RoomBroadcaster;
  /** Chat flood limit (10 sends per 10 s per user and class). */
  readonly counter: AttemptCounter;
  /** CODE_SYNC_MAX_CHARS */
  readonly codeSyncMaxChars: number;
  readonly timeZone: string;
  readonly logger: Logger;
}
