import type { LiveMode } from '../participant';

/** The live mode of each class; "not set" outside a live session (stomp.md §5.6). Never written to the class record. */
export interface LiveModeStore {
  get(classId: number): Promise<LiveMode | null>;
  set(classId: number, mode: LiveMode): Promise<void>;
  clear(classId: number): Promise<void>;
}
