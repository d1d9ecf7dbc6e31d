import type {
  ChangeLiveMode, DeleteChatMessage, EnrolmentRepository, LiveClassGate, LiveModeStore, LivePresence, ParticipantList,
  PostChatMessage, PublishCode, ToggleChatReaction, AnnounceTyping,
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
  readonly announceTyping: AnnounceTyping;
  /** APP_TIME_ZONE: the participants snapshot's `joinedAt` LocalDateTimes. */
  readonly timeZone: string;
  /** CODE_SYNC_MAX_CHARS */
  readonly codeSyncMaxChars: number;
  readonly logger: Logger;
}
