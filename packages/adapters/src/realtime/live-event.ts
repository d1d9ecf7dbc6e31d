import type { ChatEvent, ClassroomEvent, CodeChanged } from '@sooscode/domain';

/** Every room event the domain publishes to live sessions. */
export type LiveEvent = ClassroomEvent | ChatEvent | CodeChanged;
