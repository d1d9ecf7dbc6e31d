/** A user present in a live class over STOMP (stomp.md §4). */
export interface Participant {
  readonly userId: number;
  readonly username: string;
  /** The user is the class's instructor (`inst(c)`), from class data. */
  readonly instructor: boolean;
  /** When the user's first currently open session joined. */
  readonly joinedAt: Date;
}

/** Live mode of a class while a live session runs (stomp.md §5.6). */
export type LiveMode = 'VIEW_ONLY' | 'FREE_PRACTICE';

/** `VIEW_ONLY` → `READ`, `FREE_PRACTICE` → `FREE` (the stored/REST names). */
export function restModeOf(mode: LiveMode): 'READ' | 'FREE' {
  return mode === 'VIEW_ONLY' ? 'READ' : 'FREE';
}
